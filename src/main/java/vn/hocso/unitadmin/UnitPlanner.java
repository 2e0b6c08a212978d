package vn.hocso.unitadmin;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.hocso.org.OrgTree;
import vn.hocso.org.OrgUnit;
import vn.hocso.org.UnitKind;

/**
 * The dry run of a units file (communes and wards, villages, teams): code, name, kind, parent code, valid from. A
 * parent may be a current unit or a row earlier in the same file. Rows become plan rows like a roster's: new,
 * changed (renamed, moved), unchanged, rejected.
 */
@ApplicationScoped
class UnitPlanner {

    static final List<TableFile.Column> COLUMNS = List.of(
            new TableFile.Column("code", true, List.of("ma", "code", "ma_don_vi", "ma_xa")),
            new TableFile.Column("name", true, List.of("ten", "name", "ten_don_vi", "ten_xa")),
            new TableFile.Column("kind", true, List.of("loai", "kind", "cap")),
            new TableFile.Column("parent", true, List.of("ma_cap_tren", "ma_don_vi_cha", "parent_code", "ma_tinh")),
            new TableFile.Column("from", false, List.of("hieu_luc_tu", "valid_from", "tu_ngay")));

    /** What apply needs of a unit row, kept in the plan's profile slot as text. */
    record UnitRow(String code, String name, String kind, String parent, LocalDate from) {}

    List<PlanRow> plan(List<TableFile.Line> lines) {
        Map<String, UnitKind> earlier = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        List<PlanRow> plan = new ArrayList<>();
        for (TableFile.Line l : lines) {
            int n = l.number();
            String code = l.get("code");
            String name = l.get("name").replaceAll("\\s+", " ");
            if (code.isEmpty() || code.length() > OrgTree.MAX_CODE || !code.matches("[0-9A-Za-z._\\-]+")) {
                plan.add(PlanRow.rejected(n, name, "bad_code", code));
                continue;
            }
            if (name.isEmpty() || name.length() > OrgTree.MAX_NAME) {
                plan.add(PlanRow.rejected(n, name, "name_missing", null));
                continue;
            }
            UnitKind kind = UnitKind.fromCode(l.get("kind").toLowerCase(java.util.Locale.ROOT))
                    .orElse(null);
            if (kind == null || kind == UnitKind.COUNTRY) {
                plan.add(PlanRow.rejected(n, name, "bad_kind", l.get("kind")));
                continue;
            }
            LocalDate from;
            try {
                from = l.get("from").isEmpty() ? LocalDate.of(2025, 7, 1) : LocalDate.parse(l.get("from"));
            } catch (DateTimeParseException e) {
                plan.add(PlanRow.rejected(n, name, "bad_date", l.get("from")));
                continue;
            }
            if (seen.containsKey(code)) {
                plan.add(PlanRow.rejected(
                        n, name, "duplicate_row", seen.get(code).toString()));
                continue;
            }
            String parentCode = l.get("parent");
            UnitKind parentKind = earlier.get(parentCode);
            OrgUnit parent = null;
            if (parentKind == null) {
                parent = OrgUnit.findCurrentByCode(parentCode).orElse(null);
                parentKind = parent == null ? null : parent.kind;
            }
            if (parentKind == null) {
                plan.add(PlanRow.rejected(n, name, "unknown_unit", parentCode));
                continue;
            }
            if (!parentKind.canHold(kind)) {
                plan.add(PlanRow.rejected(n, name, "kind_not_allowed", l.get("kind")));
                continue;
            }
            seen.put(code, n);
            earlier.put(code, kind);
            OrgUnit existing = OrgUnit.findCurrentByCode(code).orElse(null);
            String row = String.join("\t", code, name, kind.code(), parentCode, from.toString());
            if (existing == null) {
                plan.add(new PlanRow(n, PlanRow.NEW, null, row, null, name, null, List.of(), null, parentCode));
                continue;
            }
            if (existing.kind != kind) {
                plan.add(PlanRow.rejected(n, name, "bad_kind", l.get("kind")));
                continue;
            }
            List<String> changes = new ArrayList<>();
            if (!existing.name.equals(name)) {
                changes.add("name: " + existing.name + " → " + name);
            }
            String currentParent = OrgUnit.getById(existing.parentId).code;
            boolean moved = !Objects.equals(currentParent, parentCode);
            String outcome = moved ? PlanRow.MOVED : changes.isEmpty() ? PlanRow.UNCHANGED : PlanRow.CHANGED;
            plan.add(new PlanRow(
                    n,
                    outcome,
                    null,
                    row,
                    existing.id,
                    name,
                    null,
                    changes,
                    moved ? currentParent : null,
                    moved ? parentCode : null));
        }
        return plan;
    }

    static UnitRow unitRow(PlanRow row) {
        String[] f = row.detail().split("\t");
        return new UnitRow(f[0], f[1], f[2], f[3], LocalDate.parse(f[4]));
    }
}
