package vn.hocso.unitadmin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import vn.hocso.account.Person;
import vn.hocso.account.PersonWrites.Profile;
import vn.hocso.account.TargetGroup;
import vn.hocso.account.VietnamesePhone;

/**
 * The dry run of a roster: for each row, what applying it would do to the people of the admin's scope. It reads
 * everything it compares against in three statements (units by code, people by e-mail, phone or ID), so a
 * 10,000-row file costs a handful of queries. A blank cell keeps what the person has.
 */
@ApplicationScoped
class RosterPlanner {

    static final List<TableFile.Column> COLUMNS = List.of(
            new TableFile.Column("name", true, List.of("ho_ten", "ho_va_ten", "full_name", "name", "ten")),
            new TableFile.Column("email", false, List.of("email", "e_mail", "thu_dien_tu")),
            new TableFile.Column("phone", false, List.of("so_dien_thoai", "dien_thoai", "sdt", "phone")),
            new TableFile.Column(
                    "civil_id", false, List.of("ma_cong_chuc", "ma_so_cong_chuc", "civil_servant_id", "ma_dinh_danh")),
            new TableFile.Column("unit", true, List.of("ma_don_vi", "unit_code", "don_vi")),
            new TableFile.Column("group", false, List.of("doi_tuong", "target_group")),
            new TableFile.Column("position", false, List.of("chuc_vu", "position")));

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern CIVIL_ID = Pattern.compile("[0-9A-Za-z\\-]{1,40}");

    @Inject
    EntityManager em;

    /** A person as the comparison needs them, with their unit's code and path. */
    record Existing(
            long id,
            String fullName,
            String email,
            String phone,
            String civilId,
            Long unitId,
            String group,
            String position,
            String unitCode,
            String unitPath) {}

    record Unit(long id, String code, String path) {}

    List<PlanRow> plan(List<TableFile.Line> lines, List<String> scopePaths) {
        Map<String, Unit> units = units(lines);
        Set<String> emails = new HashSet<>();
        Set<String> phones = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (TableFile.Line l : lines) {
            emails.add(l.get("email").toLowerCase(Locale.ROOT));
            VietnamesePhone.normalise(l.get("phone")).ifPresent(phones::add);
            ids.add(l.get("civil_id"));
        }
        List<Existing> people = people(emails, phones, ids);
        Map<String, Existing> byEmail = new HashMap<>();
        Map<String, Existing> byPhone = new HashMap<>();
        Map<String, Existing> byId = new HashMap<>();
        for (Existing p : people) {
            if (p.email() != null) {
                byEmail.putIfAbsent(p.email().toLowerCase(Locale.ROOT), p);
            }
            if (p.phone() != null) {
                byPhone.putIfAbsent(p.phone(), p);
            }
            if (p.civilId() != null) {
                byId.putIfAbsent(p.civilId(), p);
            }
        }
        Map<String, Integer> seen = new HashMap<>();
        List<PlanRow> plan = new ArrayList<>(lines.size());
        for (TableFile.Line l : lines) {
            plan.add(row(l, units, scopePaths, byEmail, byPhone, byId, seen));
        }
        return plan;
    }

    private PlanRow row(
            TableFile.Line l,
            Map<String, Unit> units,
            List<String> scope,
            Map<String, Existing> byEmail,
            Map<String, Existing> byPhone,
            Map<String, Existing> byId,
            Map<String, Integer> seen) {
        int n = l.number();
        String name = l.get("name").replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            return PlanRow.rejected(n, name, "name_missing", null);
        }
        if (name.length() > Person.MAX_NAME) {
            return PlanRow.rejected(n, name, "too_long", "name");
        }
        String email = l.get("email").toLowerCase(Locale.ROOT);
        if (!email.isEmpty()
                && (email.length() > Person.MAX_EMAIL || !EMAIL.matcher(email).matches())) {
            return PlanRow.rejected(n, name, "bad_email", l.get("email"));
        }
        String phone = null;
        if (!l.get("phone").isEmpty()) {
            Optional<String> normalised = VietnamesePhone.normalise(l.get("phone"));
            if (normalised.isEmpty()) {
                return PlanRow.rejected(n, name, "bad_phone", l.get("phone"));
            }
            phone = normalised.get();
        }
        if (email.isEmpty() && phone == null) {
            return PlanRow.rejected(n, name, "contact_missing", null);
        }
        String civilId = l.get("civil_id");
        if (!civilId.isEmpty() && !CIVIL_ID.matcher(civilId).matches()) {
            return PlanRow.rejected(n, name, "bad_civil_id", civilId);
        }
        Unit unit = units.get(l.get("unit"));
        if (unit == null) {
            return PlanRow.rejected(n, name, "unknown_unit", l.get("unit"));
        }
        if (!within(unit.path(), scope)) {
            return PlanRow.rejected(n, name, "unit_outside_scope", l.get("unit"));
        }
        String group = null;
        if (!l.get("group").isEmpty()) {
            Optional<TargetGroup> g = targetGroup(l.get("group"));
            if (g.isEmpty()) {
                return PlanRow.rejected(n, name, "bad_target_group", l.get("group"));
            }
            group = g.get().code();
        }
        String position = l.get("position").isEmpty() ? null : l.get("position");
        if (position != null && position.length() > 200) {
            return PlanRow.rejected(n, name, "too_long", "position");
        }
        for (String key : keys(email, phone, civilId)) {
            Integer earlier = seen.get(key);
            if (earlier != null) {
                return PlanRow.rejected(n, name, "duplicate_row", Integer.toString(earlier));
            }
        }
        for (String key : keys(email, phone, civilId)) {
            seen.put(key, n);
        }
        Set<Existing> matches = new LinkedHashSet<>();
        if (!civilId.isEmpty() && byId.containsKey(civilId)) {
            matches.add(byId.get(civilId));
        }
        if (!email.isEmpty() && byEmail.containsKey(email)) {
            matches.add(byEmail.get(email));
        }
        if (phone != null && byPhone.containsKey(phone)) {
            matches.add(byPhone.get(phone));
        }
        if (matches.size() > 1) {
            return PlanRow.rejected(n, name, "contact_of_another_person", null);
        }
        if (matches.isEmpty()) {
            Profile p = new Profile(name, blankToNull(email), phone, blankToNull(civilId), unit.id(), group, position);
            return new PlanRow(n, PlanRow.NEW, null, null, null, name, p, List.of(), null, unit.code());
        }
        Existing e = matches.iterator().next();
        if (e.unitPath() != null && !within(e.unitPath(), scope)) {
            return PlanRow.rejected(n, name, "person_outside_scope", null);
        }
        Profile p = new Profile(
                name,
                email.isEmpty() ? e.email() : email,
                phone == null ? e.phone() : phone,
                civilId.isEmpty() ? e.civilId() : civilId,
                unit.id(),
                group == null ? e.group() : group,
                position == null ? e.position() : position);
        List<String> changes = new ArrayList<>();
        change(changes, "name", e.fullName(), p.fullName());
        change(changes, "email", e.email(), p.email());
        change(changes, "phone", e.phone(), p.phone());
        change(changes, "civil_id", e.civilId(), p.civilServantId());
        change(changes, "group", e.group(), p.targetGroup());
        change(changes, "position", e.position(), p.position());
        boolean moved = !Objects.equals(e.unitId(), unit.id());
        String outcome = moved ? PlanRow.MOVED : changes.isEmpty() ? PlanRow.UNCHANGED : PlanRow.CHANGED;
        return new PlanRow(
                n,
                outcome,
                null,
                null,
                e.id(),
                name,
                p,
                changes,
                moved ? e.unitCode() : null,
                moved ? unit.code() : null);
    }

    private static void change(List<String> changes, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(field + ": " + (before == null ? "—" : before) + " → " + (after == null ? "—" : after));
        }
    }

    private static List<String> keys(String email, String phone, String civilId) {
        List<String> keys = new ArrayList<>(3);
        if (!email.isEmpty()) {
            keys.add("e:" + email);
        }
        if (phone != null) {
            keys.add("p:" + phone);
        }
        if (!civilId.isEmpty()) {
            keys.add("i:" + civilId);
        }
        return keys;
    }

    static boolean within(String path, List<String> scope) {
        for (String s : scope) {
            if (path.startsWith(s)) {
                return true;
            }
        }
        return false;
    }

    /** A target group by its code or as people write it ("Cán bộ, công chức", "Tổ công nghệ số cộng đồng"). */
    static Optional<TargetGroup> targetGroup(String written) {
        Optional<TargetGroup> byCode = TargetGroup.fromCode(written.strip().toLowerCase(Locale.ROOT));
        if (byCode.isPresent()) {
            return byCode;
        }
        String f = SearchFold.fold(written);
        if (f.contains("cong nghe so") || f.contains("to cong dong") || f.contains("community")) {
            return Optional.of(TargetGroup.COMMUNITY_TEAM);
        }
        if (f.contains("cong chuc") || f.contains("can bo") || f.contains("vien chuc") || f.contains("civil")) {
            return Optional.of(TargetGroup.CIVIL_SERVANT);
        }
        if (f.contains("nguoi dan") || f.contains("cong dan") || f.contains("citizen")) {
            return Optional.of(TargetGroup.CITIZEN);
        }
        return Optional.empty();
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Unit> units(List<TableFile.Line> lines) {
        Set<String> codes = new HashSet<>();
        for (TableFile.Line l : lines) {
            codes.add(l.get("unit"));
        }
        Map<String, Unit> units = new HashMap<>();
        List<Object[]> rows = em.createNativeQuery(
                        "select unit_id, code, path from unit_tree where valid_to is null and code = any(:codes)")
                .setParameter("codes", codes.toArray(String[]::new))
                .getResultList();
        for (Object[] r : rows) {
            units.put((String) r[1], new Unit(((Number) r[0]).longValue(), (String) r[1], (String) r[2]));
        }
        return units;
    }

    @SuppressWarnings("unchecked")
    private List<Existing> people(Set<String> emails, Set<String> phones, Set<String> ids) {
        List<Object[]> rows = em.createNativeQuery("""
                        select p.person_id, p.full_name, p.email, p.phone, p.civil_servant_id, p.unit_id,
                               p.target_group, p.position, t.code, t.path
                        from person_in_unit p left join unit_tree t on t.unit_id = p.unit_id
                        where lower(p.email) = any(:emails) or p.phone = any(:phones) or p.civil_servant_id = any(:ids)
                        order by p.person_id""")
                .setParameter("emails", emails.toArray(String[]::new))
                .setParameter("phones", phones.toArray(String[]::new))
                .setParameter("ids", ids.toArray(String[]::new))
                .getResultList();
        return rows.stream()
                .map(r -> new Existing(
                        ((Number) r[0]).longValue(),
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        r[5] == null ? null : ((Number) r[5]).longValue(),
                        (String) r[6],
                        (String) r[7],
                        (String) r[8],
                        (String) r[9]))
                .toList();
    }
}
