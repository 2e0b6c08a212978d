package vn.hocso.enrolment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hocso.DemoCourses;
import vn.hocso.Forms;
import vn.hocso.account.Person;
import vn.hocso.account.TargetGroup;
import vn.hocso.content.CourseImporter;
import vn.hocso.course.Course;
import vn.hocso.org.OrgUnit;

/** Waves (ORG-4): publish assigns set-based and idempotently, never duplicates, follows newcomers, stays in scope. */
@QuarkusTest
class WaveTest {

    static final String COURSE = "ky-nang-so-co-ban";
    static final String DN_ADMIN = "wave-admin-48";

    @Inject
    CourseImporter importer;

    @Inject
    Waves waves;

    @Inject
    EntityManager em;

    String tag;
    long courseId;

    @BeforeEach
    void setUp() {
        DemoCourses.ensureImported(importer);
        tag = UUID.randomUUID().toString().substring(0, 6);
        courseId = QuarkusTransaction.requiringNew()
                .call(() -> Course.findBySlug(COURSE).orElseThrow().id);
        long admin = person(DN_ADMIN, "Quản Trị Đà Nẵng", "48", TargetGroup.CIVIL_SERVANT);
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                insert into unit_admin_grant (person_id, unit_id, granted_by)
                select ?1, id, 'test' from org_unit where code = '48' and valid_to is null
                on conflict do nothing""").setParameter(1, admin).executeUpdate());
    }

    long person(String subject, String name, String unitCode, TargetGroup group) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (subject != null && Person.findBySubject(subject).isPresent()) {
                return Person.findBySubject(subject).get().id;
            }
            Person p = new Person();
            p.subject = subject;
            p.fullName = name;
            p.unitId = OrgUnit.findCurrentByCode(unitCode).orElseThrow().id;
            p.targetGroup = group;
            p.persist();
            return p.id;
        });
    }

    Enrolment enrolment(long personId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Enrolment.findOf(personId, courseId).orElse(null));
    }

    long createWave(String group) {
        var r = Forms.post(
                "/unit-admin/waves",
                "/unit-admin/waves",
                "name",
                "Đợt " + tag,
                "unit",
                "48",
                "course",
                COURSE,
                "group",
                group,
                "starts",
                "2026-01-01",
                "due",
                "2026-03-31",
                "targets",
                "48: 100");
        assertEquals(303, r.statusCode(), r.asString());
        String location = r.header("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    @TestSecurity(user = DN_ADMIN, roles = "unit-admin")
    void publishingAssignsOncePerPersonKeepsEarlierCompletionsAndFollowsNewcomersUntilClosed() {
        long servant = person(null, "Công Chức " + tag, "48", TargetGroup.CIVIL_SERVANT);
        long citizen = person(null, "Người Dân " + tag, "48", TargetGroup.CITIZEN);
        long hue = person(null, "Công Chức Huế " + tag, "46", TargetGroup.CIVIL_SERVANT);
        long finished = person(null, "Đã Học " + tag, "48", TargetGroup.CIVIL_SERVANT);
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                insert into enrolment (person_id, course_id, completed_at) values (?1, ?2, now() - interval '1 year')""")
                        .setParameter(1, finished)
                        .setParameter(2, courseId)
                        .executeUpdate());
        long id = createWave("civil-servant");
        assertNull(enrolment(servant), "a draft assigns nobody");

        Forms.post("/unit-admin/waves/" + id, "/unit-admin/waves/" + id + "/publish")
                .then()
                .statusCode(303);
        Enrolment e = enrolment(servant);
        assertNotNull(e);
        assertEquals(EnrolmentSource.ASSIGNMENT, e.source);
        assertEquals(id, e.waveId);
        assertNotNull(e.dueAt);
        assertNull(enrolment(citizen), "another target group");
        assertNull(enrolment(hue), "another province");
        Enrolment done = enrolment(finished);
        assertNull(done.waveId, "an earlier completion counts and stays as it was");
        assertNotNull(done.completedAt);

        long rows = QuarkusTransaction.requiringNew().call(() -> Enrolment.count("waveId = ?1", id));
        given().contentType("application/json")
                .when()
                .post("/api/unit-admin/waves/" + id + "/publish")
                .then()
                .statusCode(200)
                .body("assigned", org.hamcrest.Matchers.is(0));
        assertEquals(rows, QuarkusTransaction.requiringNew().call(() -> Enrolment.count("waveId = ?1", id)));

        long newcomer = person(null, "Mới Chuyển Đến " + tag, "48", TargetGroup.CIVIL_SERVANT);
        QuarkusTransaction.requiringNew().run(() -> waves.sweep());
        assertNotNull(enrolment(newcomer), "people who join the scope while the wave is open get it");

        Forms.post("/unit-admin/waves/" + id, "/unit-admin/waves/" + id + "/close")
                .then()
                .statusCode(303);
        long late = person(null, "Đến Muộn " + tag, "48", TargetGroup.CIVIL_SERVANT);
        QuarkusTransaction.requiringNew().run(() -> waves.sweep());
        assertNull(enrolment(late), "a closed wave assigns nobody");
        assertNotNull(enrolment(servant), "its records stay");
        given().when()
                .get("/unit-admin/waves/" + id)
                .then()
                .statusCode(200)
                .body(containsString("Đã kết thúc"), containsString("Đợt " + tag));
    }

    @Test
    @TestSecurity(user = DN_ADMIN, roles = "unit-admin")
    void badWavesAreRefusedWith400() {
        Forms.post(
                        "/unit-admin/waves",
                        "/unit-admin/waves",
                        "name",
                        "X",
                        "unit",
                        "46",
                        "course",
                        COURSE,
                        "starts",
                        "2026-01-01",
                        "due",
                        "2026-03-31")
                .then()
                .statusCode(400);
        Forms.post(
                        "/unit-admin/waves",
                        "/unit-admin/waves",
                        "name",
                        "X",
                        "unit",
                        "48",
                        "course",
                        COURSE,
                        "starts",
                        "2026-05-01",
                        "due",
                        "2026-03-31")
                .then()
                .statusCode(400);
        Forms.post(
                        "/unit-admin/waves",
                        "/unit-admin/waves",
                        "name",
                        "X",
                        "unit",
                        "48",
                        "course",
                        "khong-co",
                        "starts",
                        "2026-01-01",
                        "due",
                        "2026-03-31")
                .then()
                .statusCode(400);
        Forms.post(
                        "/unit-admin/waves",
                        "/unit-admin/waves",
                        "name",
                        "X",
                        "unit",
                        "48",
                        "course",
                        COURSE,
                        "starts",
                        "2026-01-01",
                        "due",
                        "2026-03-31",
                        "targets",
                        "46: 10")
                .then()
                .statusCode(400);
        Forms.post(
                        "/unit-admin/waves",
                        "/unit-admin/waves",
                        "name",
                        "X",
                        "unit",
                        "48",
                        "course",
                        COURSE,
                        "starts",
                        "hôm qua",
                        "due",
                        "2026-03-31")
                .then()
                .statusCode(400);
        given().contentType("application/json")
                .body("{oops")
                .when()
                .post("/api/unit-admin/waves")
                .then()
                .statusCode(400);
    }

    @Test
    @TestSecurity(user = "wave-admin-46", roles = "unit-admin")
    void aWaveOfAnotherProvinceIsNotFoundThroughPagesAndApi() {
        long other = person("wave-admin-46", "Quản Trị Huế", "46", TargetGroup.CIVIL_SERVANT);
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                insert into unit_admin_grant (person_id, unit_id, granted_by)
                select ?1, id, 'test' from org_unit where code = '46' and valid_to is null
                on conflict do nothing""").setParameter(1, other).executeUpdate());
        long dnWave = QuarkusTransaction.requiringNew().call(() -> {
            Wave w = new Wave();
            w.unitId = OrgUnit.findCurrentByCode("48").orElseThrow().id;
            w.name = "Đợt Đà Nẵng " + tag;
            w.targetGroups = new String[0];
            w.startsOn = java.time.LocalDate.of(2026, 1, 1);
            w.dueOn = java.time.LocalDate.of(2026, 2, 1);
            w.status = WaveStatus.DRAFT;
            w.createdBy = Person.findBySubject(DN_ADMIN).orElseThrow().id;
            w.persist();
            return w.id;
        });
        given().when().get("/unit-admin/waves/" + dnWave).then().statusCode(404);
        given().when().get("/api/unit-admin/waves/" + dnWave).then().statusCode(404);
        Forms.post("/unit-admin/waves", "/unit-admin/waves/" + dnWave + "/publish")
                .then()
                .statusCode(404);
        given().contentType("application/json")
                .when()
                .post("/api/unit-admin/waves/" + dnWave + "/cancel")
                .then()
                .statusCode(404);
        given().when()
                .get("/unit-admin/waves")
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.not(containsString("Đợt Đà Nẵng " + tag)));
        given().when()
                .get("/api/unit-admin/waves")
                .then()
                .statusCode(200)
                .body("id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem((int) dnWave)));
        assertEquals(
                WaveStatus.DRAFT, QuarkusTransaction.requiringNew().call(() -> Wave.<Wave>findById(dnWave).status));
    }
}
