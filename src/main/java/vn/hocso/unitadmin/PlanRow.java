package vn.hocso.unitadmin;

import java.util.List;
import vn.hocso.account.PersonWrites;

/**
 * What the dry run says one row of the file will do: new, changed (which fields, before → after), moved (from unit →
 * to unit), unchanged, or rejected with a reason (and a detail such as the earlier row it repeats).
 */
record PlanRow(
        int row,
        String outcome,
        String reason,
        String detail,
        Long personId,
        String name,
        PersonWrites.Profile profile,
        List<String> changes,
        String fromUnit,
        String toUnit) {

    static final String NEW = "new";
    static final String CHANGED = "changed";
    static final String MOVED = "moved";
    static final String UNCHANGED = "unchanged";
    static final String REJECTED = "rejected";

    static PlanRow rejected(int row, String name, String reason, String detail) {
        return new PlanRow(row, REJECTED, reason, detail, null, name, null, List.of(), null, null);
    }
}
