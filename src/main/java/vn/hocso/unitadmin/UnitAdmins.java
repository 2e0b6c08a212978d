package vn.hocso.unitadmin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The unit admins with live grants, for features that write to them (the weekly digest). */
public final class UnitAdmins {

    private UnitAdmins() {}

    /** Person id → the units granted to them. */
    public static Map<Long, List<Long>> live() {
        Map<Long, List<Long>> admins = new LinkedHashMap<>();
        for (Grant g : Grant.listLive()) {
            admins.computeIfAbsent(g.personId, k -> new java.util.ArrayList<>()).add(g.unitId);
        }
        return admins;
    }
}
