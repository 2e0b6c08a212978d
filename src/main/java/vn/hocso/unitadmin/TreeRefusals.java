package vn.hocso.unitadmin;

import vn.hocso.org.TreeRefusal;

/** The tree's refusals in the person's language. */
final class TreeRefusals {

    private TreeRefusals() {}

    static String text(UnitAdminMessages msg, TreeRefusal.Reason reason) {
        return switch (reason) {
            case NOT_CURRENT -> msg.tree_not_current();
            case KIND_NOT_ALLOWED_HERE -> msg.tree_kind_not_allowed();
            case CODE_IN_USE -> msg.tree_code_in_use();
            case INTO_OWN_SUBTREE -> msg.tree_own_subtree();
            case DATE_IN_FUTURE -> msg.tree_date_in_future();
            case DATE_BEFORE_UNIT -> msg.tree_date_before_unit();
            case TOO_FEW_TO_MERGE -> msg.tree_too_few();
            case KINDS_DIFFER -> msg.tree_kinds_differ();
            case BLANK -> msg.tree_blank();
        };
    }
}
