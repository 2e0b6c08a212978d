package vn.hocso.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hocso.account.TargetGroup;
import vn.hocso.org.OrgTree;
import vn.hocso.org.OrgUnit;
import vn.hocso.org.UnitKind;

/**
 * The roll-up table (V40) after a mix of writes — enrol, start, complete, certify, revoke, assign by a wave, unenrol,
 * a person moved to another unit and another target group, a commune moved to another province, two communes merged —
 * equals the counts made from the enrolments: the whole table against a rebuild from scratch, and every report page of
 * every unit of the two provinces and of the country against the direct count, with each filter the pages offer.
 */
@QuarkusTest
class RollupTest {

    @Inject
    CompletionReport reports;

    @Inject
    OrgTree tree;

    @Test
    void afterAMixOfWritesTheRollupEqualsTheDirectCountsOfEveryUnit() {
        String tag = ReportFixtures.unique();
        OrgUnit haiPhong = ReportFixtures.current("31");
        OrgUnit hungYen = ReportFixtures.current("33");
        long a = ReportFixtures.commune("31", "Phường A " + tag);
        long b = ReportFixtures.commune("31", "Phường B " + tag);
        long c = ReportFixtures.commune("33", "Xã C " + tag);
        long team = QuarkusTransaction.requiringNew()
                .call(() -> tree.add(a, "T" + tag, "Tổ " + tag, UnitKind.TEAM, LocalDate.of(2022, 1, 2)).id);
        long course1 = ReportFixtures.course();
        long course2 = ReportFixtures.course();
        long p1 = ReportFixtures.person(null, "Một " + tag, a, null, null);
        long p2 = ReportFixtures.person(null, "Hai " + tag, a, null, null);
        long p3 = ReportFixtures.person(null, "Ba " + tag, b, null, null);
        long p4 = ReportFixtures.person(null, "Bốn " + tag, c, null, null);
        long p5 = ReportFixtures.person(null, "Năm " + tag, team, null, null);
        long p6 = ReportFixtures.person(null, "Sáu " + tag, haiPhong.id, null, null);
        LocalDate today = OrgTree.today();
        LocalDate recent = today.minusDays(3);
        LocalDate old = LocalDate.of(2025, 9, 10);
        // before the day rows (old months), recent days, a due day still to come
        ReportFixtures.enrol(p1, course1, old, old.plusDays(20), old.plusDays(21), old.plusDays(30));
        ReportFixtures.enrol(p1, course2, recent, null, null, today.plusDays(10));
        ReportFixtures.enrol(p2, course1, old, null, null, old.plusDays(15));
        ReportFixtures.enrol(p3, course1, recent, recent.plusDays(1), null, null);
        ReportFixtures.enrol(p4, course1, old.plusDays(40), old.plusDays(50), old.plusDays(50), null);
        ReportFixtures.enrol(p5, course2, old, null, null, null);
        ReportFixtures.enrol(p6, course1, recent, null, null, recent.plusDays(1));
        long wave = ReportFixtures.wave("31", p6);
        sql("update enrolment set last_seen_at = now() where person_id = ?1 and course_id = ?2", p2, course1);
        sql("update enrolment set completed_at = now() where person_id = ?1 and course_id = ?2", p5, course2);
        sql("""
                insert into certificate (code, person_id, course_id, holder_name, course_title_vi, issuer_name,
                                         completed_on, status, issued_at)
                values (?1, ?2, ?3, 'x', 'x', 'x', current_date, 'issued', now())""", "R" + tag.toUpperCase().replaceAll("[^A-HJKMNP-Z2-9]", "A").substring(0, 8) + "Z", p5, course2);
        sql(
                "update certificate set status = 'revoked', revoked_at = now() where person_id = ?1 and course_id = ?2",
                p4,
                course1);
        ReportFixtures.assignByWave(p1, course2, wave);
        ReportFixtures.assignByWave(p6, course1, wave);
        sql("update person set target_group = 'citizen' where id = ?1", p2);
        sql("update person set unit_id = ?2 where id = ?1", p3, c);
        ReportFixtures.enrol(p3, course2, recent, null, null, null);
        sql("delete from enrolment where person_id = ?1 and course_id = ?2", p3, course2);
        QuarkusTransaction.requiringNew().run(() -> tree.move(b, hungYen.id, today));
        QuarkusTransaction.requiringNew().run(() -> tree.merge(List.of(a, b), "M" + tag, "Phường Mới " + tag, today));

        assertEquals(0, rowsThatARebuildChanges(), "the roll-up kept by triggers equals one rebuilt from scratch");

        OrgUnit country = QuarkusTransaction.requiringNew().call(OrgUnit::getRoot);
        String[] everything = {country.path + "%"};
        List<OrgUnit> units = QuarkusTransaction.requiringNew()
                .call(() -> OrgUnit.<OrgUnit>list(
                        "path like ?1 or path like ?2 or id = ?3",
                        haiPhong.path + "%",
                        hungYen.path + "%",
                        country.id));
        units.addAll(QuarkusTransaction.requiringNew()
                .call(() -> OrgUnit.<OrgUnit>list("kind = ?1 and validTo is not null", UnitKind.PROVINCE)));
        LocalDate horizon =
                LocalDate.parse((String) single("select to_char(day, 'YYYY-MM-DD') from report_rollup_horizon"));
        int rolledUp = 0;
        for (OrgUnit unit : units) {
            for (ReportFilters f : filters(unit, course1, wave, today, horizon)) {
                for (String[] scope : List.of(everything, new String[] {haiPhong.path + "%"})) {
                    if (!unit.path.startsWith(scope[0].substring(0, scope[0].length() - 1))) {
                        continue;
                    }
                    CompletionReport.Report fast = reports.of(scope, f, true);
                    CompletionReport.Report direct = reports.of(scope, f, false);
                    String what = unit.code + " " + f.query() + " scope " + scope[0];
                    assertEquals(direct.total(), fast.total(), what);
                    assertEquals(direct.rest(), fast.rest(), what);
                    assertEquals(
                            direct.lines().stream()
                                    .map(CompletionReport.Line::counts)
                                    .toList(),
                            fast.lines().stream()
                                    .map(CompletionReport.Line::counts)
                                    .toList(),
                            what);
                    assertEquals(direct.trend(), fast.trend(), what);
                    assertFalse(direct.rolledUp());
                    if (fast.rolledUp()) {
                        rolledUp++;
                    }
                }
            }
        }
        assertTrue(rolledUp > units.size(), "most pages were read from the roll-up: " + rolledUp);
        ReportFilters countryPage =
                filters(country, course1, wave, today, horizon).get(0);
        // other tests of a full run may leave enrolments completed before they were enrolled ("early"), which the
        // roll-up cannot place exactly: the country page then counts directly, and rightly so
        long earlyInCountry = ((Number)
                        single("select coalesce(sum(early), 0) from report_rollup where unit_id = " + country.id))
                .longValue();
        assertTrue(
                reports.of(everything, countryPage, true).rolledUp() || earlyInCountry > 0,
                "the country page reads the roll-up");
        ReportFilters provincePage = countryPage.at(haiPhong);
        assertTrue(reports.of(everything, provincePage, true).rolledUp(), "a province page reads the roll-up");
        ReportFilters beforeHorizon = new ReportFilters(
                country, null, null, null, null, null, horizon.minusMonths(1).withDayOfMonth(15), false, 0);
        assertFalse(
                reports.of(everything, beforeHorizon, true).rolledUp(),
                "a day inside a month before the day rows is counted directly");
    }

    private static List<ReportFilters> filters(
            OrgUnit unit, long course, long wave, LocalDate today, LocalDate horizon) {
        List<ReportFilters> out = new ArrayList<>();
        out.add(new ReportFilters(unit, null, null, null, null, null, today, false, 0));
        out.add(new ReportFilters(unit, course, null, null, null, null, today, false, 0));
        out.add(new ReportFilters(unit, null, wave, null, null, null, today, false, 0));
        out.add(new ReportFilters(unit, null, null, TargetGroup.CITIZEN, null, null, today, false, 0));
        out.add(new ReportFilters(unit, null, null, null, null, null, today.minusDays(2), false, 0));
        out.add(new ReportFilters(unit, null, null, null, null, null, LocalDate.of(2025, 10, 31), false, 0));
        out.add(new ReportFilters(unit, null, null, null, null, null, LocalDate.of(2025, 9, 20), false, 0));
        out.add(new ReportFilters(
                unit, null, null, null, LocalDate.of(2025, 9, 1), LocalDate.of(2025, 10, 31), today, false, 0));
        out.add(new ReportFilters(unit, course, null, null, horizon.plusDays(2), today, today, false, 0));
        out.add(new ReportFilters(unit, null, null, null, null, null, LocalDate.of(2024, 12, 31), true, 0));
        return out;
    }

    /** Rows of report_rollup that differ from a rebuild from scratch (which then replaces them). */
    private static long rowsThatARebuildChanges() {
        return QuarkusTransaction.requiringNew().call(() -> {
            var em = Panache.getEntityManager();
            em.createNativeQuery("create temp table kept on commit drop as select * from report_rollup")
                    .executeUpdate();
            em.createNativeQuery("create temp table kept_people on commit drop as select * from report_rollup_people")
                    .executeUpdate();
            em.createNativeQuery("select count(*) from (select report_rollup_rebuild()) r")
                    .getSingleResult();
            String nonZero = " where enrolled <> 0 or assigned <> 0 or started <> 0 or completed <> 0 or certified <> 0"
                    + " or due <> 0 or due_done <> 0 or early <> 0";
            long differ = ((Number) em.createNativeQuery("select count(*) from ((select * from kept" + nonZero
                                    + " except select * from report_rollup)"
                                    + " union all (select * from report_rollup except select * from kept" + nonZero
                                    + ")) d")
                            .getSingleResult())
                    .longValue();
            differ += ((Number) em.createNativeQuery(
                                    "select count(*) from ((select * from kept_people where people <> 0"
                                            + " except select * from report_rollup_people) union all (select * from"
                                            + " report_rollup_people except select * from kept_people where people <> 0)) d")
                            .getSingleResult())
                    .longValue();
            return differ;
        });
    }

    private static void sql(String sql, Object... params) {
        QuarkusTransaction.requiringNew().run(() -> {
            var q = Panache.getEntityManager().createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            q.executeUpdate();
        });
    }

    private static Object single(String sql) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Panache.getEntityManager().createNativeQuery(sql).getSingleResult());
    }
}
