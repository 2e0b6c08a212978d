package vn.hocso.org;

/** A change the tree's rules refuse; the caller says why in the person's language, from the reason. */
public class TreeRefusal extends RuntimeException {

    /** Why a change of the tree is refused. */
    public enum Reason {
        NOT_CURRENT,
        KIND_NOT_ALLOWED_HERE,
        CODE_IN_USE,
        INTO_OWN_SUBTREE,
        DATE_IN_FUTURE,
        DATE_BEFORE_UNIT,
        TOO_FEW_TO_MERGE,
        KINDS_DIFFER,
        BLANK
    }

    private final Reason reason;

    public TreeRefusal(Reason reason) {
        super(reason.name());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
