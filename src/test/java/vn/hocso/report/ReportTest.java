package vn.hocso.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hocso.audit.AuditEntry;
import vn.hocso.org.OrgUnit;

/**
 * Completion reports: roll-ups equal direct counts, "as of" across the 2025 merger, scope isolation between two
 * provinces (pages, API, exports), bad filters, masking and audit of exports.
 */
@QuarkusTest
class ReportTest {

    static final String DN_ADMIN = "report-admin-22";
    static final String HUE_ADMIN = "report-admin-20";

    long course;
    long dnCommune;
    long hueCommune;
    String dnName;
    String hueName;
    long dnPerson;

    @BeforeEach
    void twoProvinces() {
        ReportFixtures.admin(DN_ADMIN, "22");
        ReportFixtures.admin(HUE_ADMIN, "20");
        course = ReportFixtures.course();
        String tag = ReportFixtures.unique();
        dnCommune = ReportFixtures.commune("22", "Phường Hạ Long " + tag);
        hueCommune = ReportFixtures.commune("20", "Phường Lạng Sơn " + tag);
        dnName = "Nguyễn Thị Hạ Long " + tag;
        hueName = "Lê Văn Lạng " + tag;
        dnPerson = ReportFixtures.person(null, dnName, dnCommune, "+84905123456", "CB-0012345");
        long p2 = ReportFixtures.person(null, "Trần Văn Hai " + tag, dnCommune, null, null);
        long hue = ReportFixtures.person(null, hueName, hueCommune, "+84234123456", null);
        LocalDate d = LocalDate.of(2025, 9, 1);
        ReportFixtures.enrol(dnPerson, course, d, d.plusDays(10), d.plusDays(11), d.plusDays(30));
        ReportFixtures.enrol(p2, course, d, null, null, d.plusDays(30));
        ReportFixtures.enrol(hue, course, d, d.plusDays(5), null, null);
    }

    private static JsonPath report(long unit, Object... query) {
        var request = given();
        for (int i = 0; i < query.length; i += 2) {
            request = request.queryParam((String) query[i], query[i + 1]);
        }
        return request.when()
                .get("/api/reports/units/" + unit)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    @TestSecurity(user = "report-quantri", roles = "admin")
    void rowsAddUpToDirectCountsAtEveryLevelOfTheTree() {
        OrgUnit country = QuarkusTransaction.requiringNew().call(OrgUnit::getRoot);
        JsonPath top = report(country.id);
        // people with no unit belong to no unit's report
        long people = ReportFixtures.count("select count(*) from person where unit_id is not null");
        long enrolled = ReportFixtures.count(
                "select count(*) from enrolment e join person p on p.id = e.person_id where p.unit_id is not null");
        long completed = ReportFixtures.count("select count(*) from enrolment e join person p on p.id = e.person_id"
                + " where p.unit_id is not null and e.completed_at is not null");
        assertEquals(people, top.getLong("total.people"));
        assertEquals(enrolled, top.getLong("total.enrolled"));
        assertEquals(completed, top.getLong("total.completed"));
        List<Map<String, Object>> rows = top.getList("rows");
        assertEquals(34, rows.size(), "today's 34 provinces");
        long sum = rows.stream()
                        .mapToLong(r -> ((Number) r.get("people")).longValue())
                        .sum()
                + top.getLong("rest.people");
        assertEquals(people, sum);
        // each province's row is the total of its own report, and so on down to the commune
        for (Map<String, Object> row : rows) {
            if (List.of("22", "20").contains(row.get("code"))) {
                long id = ((Number) row.get("unitId")).longValue();
                JsonPath province = report(id);
                assertEquals(((Number) row.get("people")).longValue(), province.getLong("total.people"));
                assertEquals(((Number) row.get("completed")).longValue(), province.getLong("total.completed"));
            }
        }
        JsonPath dn = report(ReportFixtures.current("22").id, "course", course);
        Map<String, Object> commune = dn.getList("rows", Map.class).stream()
                .filter(r -> ((Number) r.get("unitId")).longValue() == dnCommune)
                .findFirst()
                .orElseThrow();
        assertEquals(2, ((Number) commune.get("people")).intValue());
        assertEquals(2, ((Number) commune.get("enrolled")).intValue());
        assertEquals(2, ((Number) commune.get("assigned")).intValue());
        assertEquals(1, ((Number) commune.get("completed")).intValue());
        assertEquals(1, ((Number) commune.get("certified")).intValue());
        assertEquals(1, ((Number) commune.get("overdue")).intValue());
        assertEquals(0.5, ((Number) commune.get("completionRate")).doubleValue(), 1e-9);
        JsonPath dnOwn = report(dnCommune, "course", course);
        assertEquals(2, dnOwn.getInt("total.people"));
        assertEquals(1, dnOwn.getInt("rest.completed"), "people attached to the commune itself");
    }

    @Test
    @TestSecurity(user = "report-quantri", roles = "admin")
    void asOfADayBeforeTheMergerCountsFormerProvincesUnderTheirSuccessorOrAsThemselves() {
        OrgUnit quangNam = ReportFixtures.former("49");
        long course2024 = ReportFixtures.course();
        long person = ReportFixtures.person(null, "Phạm Quảng Nam " + ReportFixtures.unique(), quangNam.id, null, null);
        ReportFixtures.enrol(person, course2024, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 6, 1), null, null);
        long country = QuarkusTransaction.requiringNew().call(() -> OrgUnit.getRoot().id);
        long daNang = ReportFixtures.current("48").id;

        JsonPath successors = report(country, "course", course2024, "asOf", "2024-12-31");
        assertEquals(34, successors.getList("rows").size());
        assertEquals(1, row(successors, daNang).get("completed"), "Quảng Nam's 2024 completion counts for Đà Nẵng");

        JsonPath former = report(country, "course", course2024, "asOf", "2024-12-31", "view", "former");
        assertEquals(63, former.getList("rows").size(), "the 63 provinces in force in 2024");
        assertEquals(1, row(former, quangNam.id).get("completed"));
        assertEquals(1, former.getInt("total.completed"));

        JsonPath before = report(country, "course", course2024, "asOf", "2024-05-31");
        assertEquals(1, before.getInt("total.enrolled"));
        assertEquals(0, before.getInt("total.completed"), "not yet completed on that day");
        assertEquals(0, before.getInt("total.started"), "not yet started on that day either");

        JsonPath period = report(country, "course", course2024, "from", "2024-07-01", "to", "2024-12-31");
        assertEquals(0, period.getInt("total.completed"), "completed before the period");
    }

    @Test
    @TestSecurity(user = "report-quantri", roles = "admin")
    void startedAsOfADayCountsOnlyLearnersWhoseFirstActivityCameBeforeItsEnd() {
        long commune = ReportFixtures.commune("22", "Xã Bắt Đầu " + ReportFixtures.unique());
        long course = ReportFixtures.course();
        long person = ReportFixtures.person(null, "Võ Thị Bắt Đầu", commune, null, null);
        ReportFixtures.enrol(person, course, LocalDate.of(2025, 9, 1), null, null, null);
        // the learner opens the course on 15 October, and again on 20 November (the first time is what is kept)
        seen(person, course, "2025-10-15T10:00:00+07:00");
        seen(person, course, "2025-11-20T10:00:00+07:00");

        JsonPath september = report(commune, "course", course, "asOf", "2025-09-30");
        assertEquals(1, september.getInt("total.enrolled"));
        assertEquals(0, september.getInt("total.started"), "first opened in October");
        JsonPath october = report(commune, "course", course, "asOf", "2025-10-31");
        assertEquals(1, october.getInt("total.started"), "started in October, whatever came later");
        assertEquals(
                "2025-10-15T03:00:00Z",
                QuarkusTransaction.requiringNew()
                        .call(() -> Panache.getEntityManager()
                                .createNativeQuery(
                                        "select to_char(started_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                                                + " from enrolment where person_id = ?1")
                                .setParameter(1, person)
                                .getSingleResult()));
    }

    private static void seen(long person, long course, String at) {
        QuarkusTransaction.requiringNew()
                .run(() -> Panache.getEntityManager()
                        .createNativeQuery(
                                "update enrolment set last_seen_at = cast(?3 as timestamptz) where person_id = ?1 and course_id = ?2")
                        .setParameter(1, person)
                        .setParameter(2, course)
                        .setParameter(3, at)
                        .executeUpdate());
    }

    private static Map<?, ?> row(JsonPath report, long unitId) {
        return report.getList("rows", Map.class).stream()
                .filter(r -> ((Number) r.get("unitId")).longValue() == unitId)
                .findFirst()
                .orElseThrow();
    }

    @Test
    @TestSecurity(user = DN_ADMIN, roles = "unit-admin")
    void aUnitAdminReachesNoRowOfAnotherProvinceThroughPagesApiOrExports() {
        long dn = ReportFixtures.current("22").id;
        long hue = ReportFixtures.current("20").id;
        long country = QuarkusTransaction.requiringNew().call(() -> OrgUnit.getRoot().id);
        for (long other : new long[] {hue, hueCommune, country}) {
            for (String path : List.of(
                    "/reports/units/" + other,
                    "/reports/units/" + other + "/people",
                    "/reports/units/" + other + "/export.csv",
                    "/reports/units/" + other + "/export.xlsx",
                    "/reports/units/" + other + "/people/export.csv",
                    "/api/reports/units/" + other,
                    "/api/reports/units/" + other + "/people")) {
                given().when().get(path).then().statusCode(404);
            }
        }
        given().when()
                .get("/reports/units/" + dn)
                .then()
                .statusCode(200)
                .body(containsString("Phường Hạ Long"), not(containsString("Phường Lạng Sơn")));
        given().when()
                .get("/reports/units/" + dn + "/people")
                .then()
                .statusCode(200)
                .body(not(containsString(hueName)));
        given().queryParam("course", course)
                .when()
                .get("/reports/units/" + dnCommune + "/people")
                .then()
                .statusCode(200)
                .body(containsString(dnName));
        String csv = utf8(given().queryParam("course", course)
                .when()
                .get("/reports/units/" + dn + "/people/export.csv")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());
        assertTrue(csv.contains(dnName));
        assertFalse(csv.contains(hueName));
        // the province's total counts only its own people, whatever is asked
        assertEquals(
                0,
                report(dn, "course", course).getList("rows", Map.class).stream()
                        .filter(r -> ((Number) r.get("unitId")).longValue() == hue)
                        .count());
        given().when().get("/reports").then().statusCode(200).body(containsString("Quảng Ninh"));
    }

    @Test
    @TestSecurity(user = DN_ADMIN, roles = "unit-admin")
    void theWaveFilterCountsTheWavesAssignmentsAndRefusesAnotherSubtreesWave() {
        long dnWave = ReportFixtures.wave("22", dnPerson);
        long hueWave = ReportFixtures.wave("20", dnPerson);
        ReportFixtures.assignByWave(dnPerson, course, dnWave);
        JsonPath r = report(dnCommune, "wave", dnWave);
        assertEquals(1, r.getInt("total.enrolled"));
        assertEquals(1, r.getInt("total.completed"));
        given().queryParam("wave", hueWave)
                .when()
                .get("/api/reports/units/" + dnCommune)
                .then()
                .statusCode(400);
        given().queryParam("wave", hueWave)
                .when()
                .get("/reports/units/" + dnCommune + "/people/export.csv")
                .then()
                .statusCode(400);
        given().when()
                .get("/reports/units/" + dnCommune)
                .then()
                .statusCode(200)
                .body(
                        containsString("value=\"" + dnWave + "\">Đợt"),
                        not(containsString("value=\"" + hueWave + "\">Đợt")));
    }

    @Test
    @TestSecurity(user = DN_ADMIN, roles = "unit-admin")
    void badFiltersAreRefusedWithAMessageNeverA500() {
        long dn = ReportFixtures.current("22").id;
        String base = "/reports/units/" + dn;
        given().queryParam("from", "2025-02-01")
                .queryParam("to", "2025-01-01")
                .when()
                .get(base)
                .then()
                .statusCode(400)
                .body(containsString("ngày bắt đầu sau ngày kết thúc"));
        given().queryParam("from", "2025-02-31").when().get(base).then().statusCode(400);
        given().queryParam("asOf", "2999-01-01").when().get(base).then().statusCode(400);
        given().queryParam("course", "999999999").when().get(base).then().statusCode(400);
        given().queryParam("course", "x")
                .when()
                .get(base + "/export.csv")
                .then()
                .statusCode(400);
        given().queryParam("group", "aliens").when().get("/api" + base).then().statusCode(400);
        given().queryParam("view", "sideways").when().get(base).then().statusCode(400);
        given().queryParam("page", "-1").when().get(base + "/people").then().statusCode(400);
        given().when().get("/reports/units/abc").then().statusCode(404);
        given().when().get("/reports/units/999999999").then().statusCode(404);
        given().when().get(base + "/export.pdf").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = DN_ADMIN, roles = "unit-admin")
    void aUnitAdminsExportMasksPhonesAndIdsAndIsAudited() {
        String csv = utf8(given().queryParam("course", course)
                .when()
                .get("/reports/units/" + dnCommune + "/people/export.csv")
                .then()
                .statusCode(200)
                .header("Content-Type", containsString("text/csv"))
                .extract()
                .asByteArray());
        assertTrue(csv.startsWith("\uFEFF"), "a byte-order mark for Excel");
        assertFalse(csv.contains("+84905123456"));
        assertFalse(csv.contains("CB-0012345"));
        assertTrue(csv.contains("*********456"), csv);
        assertTrue(QuarkusTransaction.requiringNew()
                .call(
                        () -> AuditEntry.<AuditEntry>list(
                                        "action = ?1 and targetId = ?2", "report.export", Long.toString(dnCommune))
                                .stream()
                                .anyMatch(e -> e.actorSubject.equals(DN_ADMIN)
                                        && e.detail.contains("kind=people")
                                        && e.detail.contains("format=csv")
                                        && e.detail.contains("course=" + course)
                                        && e.detail.contains("rows=2"))));
    }

    @Test
    @TestSecurity(user = "report-quantri", roles = "admin")
    void aSystemAdminsExportShowsPhonesAndIds() {
        String csv = utf8(given().queryParam("course", course)
                .when()
                .get("/reports/units/" + dnCommune + "/people/export.csv")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());
        assertTrue(csv.contains("'+84905123456"), "the phone, as text");
        assertTrue(csv.contains("CB-0012345"));
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void theSignedOutHaveNoReports() {
        given().redirects()
                .follow(false)
                .when()
                .get("/api/reports/units/1")
                .then()
                .statusCode(401);
    }

    @Test
    @TestSecurity(user = "report-learner", roles = "learner")
    void aLearnerHasNoReports() {
        given().when().get("/reports").then().statusCode(403);
        given().when().get("/api/reports/units/1").then().statusCode(403);
    }
}
