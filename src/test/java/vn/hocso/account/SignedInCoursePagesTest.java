package vn.hocso.account;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import vn.hocso.DemoCourses;
import vn.hocso.Forms;
import vn.hocso.content.CourseImporter;

/**
 * A signed-in learner's course page is put together from parts kept per course (catalog.SignedInCoursePages): it must
 * be the very page the template renders, with this learner's own panel, marks and token, never another's, and show a
 * change of the course on the next visit. The page rendered the usual way is the one a visit with a flash message
 * gets (such a visit never uses the kept parts); the two are compared without the message and with whitespace
 * between tags ignored. (Here, in account, for the session check every signed-in request passes.)
 */
@QuarkusTest
class SignedInCoursePagesTest {

    static final String COURSE = "dich-vu-cong-truc-tuyen";
    static final String PAGE = "/courses/" + COURSE;

    @Inject
    CourseImporter importer;

    @Inject
    EntityManager em;

    @Inject
    SessionFactory sessions;

    static final String LESSON = PAGE + "/lessons/dinh-danh-dien-tu-vneid";

    /** The page from the kept parts, and the same page rendered the usual way, for one CSRF cookie. */
    private static void assertKeptPageIsTheUsualPage(String csrf) {
        assertKeptPageIsTheUsualPage(PAGE, csrf);
    }

    private static void assertKeptPageIsTheUsualPage(String path, String csrf) {
        String kept = page(path, csrf, null);
        String usual = page(path, csrf, "x");
        assertTrue(usual.contains("<p class=\"flash\" role=\"status\">x</p>"), "the usual page has the message");
        assertEquals(normalise(usual.replace("<p class=\"flash\" role=\"status\">x</p>", "")), normalise(kept));
    }

    private static String page(String csrf, String flash) {
        return page(PAGE, csrf, flash);
    }

    private static String page(String path, String csrf, String flash) {
        var request = given().cookie("csrf-token", csrf);
        if (flash != null) {
            request.cookie(
                    "hocso-flash",
                    Base64.getUrlEncoder().withoutPadding().encodeToString(flash.getBytes(StandardCharsets.UTF_8)));
        }
        return request.when().get(path).then().statusCode(200).extract().asString();
    }

    private static String normalise(String html) {
        return html.replaceAll(">\\s+<", "><").replaceAll("\\s+", " ").trim();
    }

    private void doneBySql(String subject, String lessonKey) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                        insert into lesson_progress (person_id, lesson_id, completed_at, updated_at)
                        select p.id, l.id, now(), now() from person p, lesson l join course c on c.id = l.course_id
                        where p.subject = ?1 and c.slug = ?2 and l.key = ?3
                        on conflict do nothing""")
                        .setParameter(1, subject)
                        .setParameter(2, COURSE)
                        .setParameter(3, lessonKey)
                        .executeUpdate());
    }

    @Test
    @TestSecurity(user = "kept-page-a", roles = "learner", augmentors = EndedSessionCheck.class)
    @OidcSecurity(claims = {@Claim(key = "sub", value = "kept-page-a"), @Claim(key = "sid", value = "kept-page-a")})
    void theKeptPageIsTheUsualPageBeforeEnrollingAfterAndWithLessonsDone() {
        DemoCourses.ensureImported(importer);
        given().when().get("/my").then().statusCode(200);
        String csrf = Forms.csrfFrom(PAGE).cookie();

        assertKeptPageIsTheUsualPage(csrf);
        assertTrue(page(csrf, null).contains("action=\"/courses/" + COURSE + "/enrol\""), "the enrol form");

        Forms.post(PAGE, PAGE + "/enrol").then().statusCode(303);
        assertKeptPageIsTheUsualPage(csrf);
        String enrolled = page(csrf, null);
        assertFalse(enrolled.contains("is-done"), "nothing done yet");
        assertTrue(enrolled.contains("name=\"csrf-token\" value=\"" + csrf + "\""), "the visitor's own token");

        doneBySql("kept-page-a", "gioi-thieu-dich-vu-cong");
        doneBySql("kept-page-a", "kich-hoat-dang-nhap");
        assertKeptPageIsTheUsualPage(csrf);
        String twoDone = page(csrf, null);
        assertTrue(twoDone.contains("class=\"lesson-row is-done\" id=\"lesson-gioi-thieu-dich-vu-cong\""), twoDone);
        assertTrue(twoDone.contains("class=\"lesson-row is-done\" id=\"lesson-kich-hoat-dang-nhap\""));
        assertTrue(twoDone.contains("class=\"lesson-row\" id=\"lesson-dinh-danh-dien-tu-vneid\""));
    }

    @Test
    @TestSecurity(user = "kept-page-b", roles = "learner", augmentors = EndedSessionCheck.class)
    @OidcSecurity(claims = {@Claim(key = "sub", value = "kept-page-b"), @Claim(key = "sid", value = "kept-page-b")})
    void anotherLearnerGetsOnlyTheirOwnMarksAndAChangeShowsOnTheNextVisit() {
        DemoCourses.ensureImported(importer);
        given().when().get("/my").then().statusCode(200);
        Forms.post(PAGE, PAGE + "/enrol").then().statusCode(303);
        String csrf = Forms.csrfFrom(PAGE).cookie();
        doneBySql("kept-page-b", "dinh-danh-dien-tu-vneid");

        String mine = page(csrf, null);
        assertTrue(mine.contains("class=\"lesson-row is-done\" id=\"lesson-dinh-danh-dien-tu-vneid\""));
        assertTrue(
                mine.contains("class=\"lesson-row\" id=\"lesson-gioi-thieu-dich-vu-cong\""),
                "another learner's done lesson is not marked here");

        long before = sessions.getStatistics().getPrepareStatementCount();
        page(csrf, null);
        assertEquals(
                2,
                sessions.getStatistics().getPrepareStatementCount() - before,
                "a visit: the session check and one statement for the version and where the learner stands");

        String title = QuarkusTransaction.requiringNew()
                .call(() -> (String) em.createNativeQuery("select title_vi from course where slug = ?1")
                        .setParameter(1, COURSE)
                        .getSingleResult());
        try {
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createNativeQuery("update course set title_vi = title_vi || ' (sửa)' where slug = ?1")
                            .setParameter(1, COURSE)
                            .executeUpdate());
            assertTrue(page(csrf, null).contains("(sửa)"), "a change made by plain SQL shows on the next visit");
            assertKeptPageIsTheUsualPage(csrf);
        } finally {
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createNativeQuery("update course set title_vi = ?2 where slug = ?1")
                            .setParameter(1, COURSE)
                            .setParameter(2, title)
                            .executeUpdate());
        }
    }

    @Test
    @TestSecurity(user = "kept-page-c", roles = "learner", augmentors = EndedSessionCheck.class)
    @OidcSecurity(claims = {@Claim(key = "sub", value = "kept-page-c"), @Claim(key = "sid", value = "kept-page-c")})
    void aKeptLessonPageIsTheUsualPageWithTheLearnersOwnActions() {
        DemoCourses.ensureImported(importer);
        given().when().get("/my").then().statusCode(200);
        given().redirects().follow(false).when().get(LESSON).then().statusCode(403);
        Forms.post(PAGE, PAGE + "/enrol").then().statusCode(303);
        String csrf = Forms.csrfFrom(PAGE).cookie();

        assertKeptPageIsTheUsualPage(LESSON, csrf);
        String notDone = page(LESSON, csrf, null);
        assertTrue(notDone.contains("action=\"" + LESSON + "/done\""), "the button that marks it done");
        assertTrue(notDone.contains("name=\"csrf-token\" value=\"" + csrf + "\""), "the visitor's own token");

        long before = sessions.getStatistics().getPrepareStatementCount();
        page(LESSON, csrf, null);
        assertEquals(
                2,
                sessions.getStatistics().getPrepareStatementCount() - before,
                "a visit: the session check and one statement for the version and where the learner stands");

        doneBySql("kept-page-c", "dinh-danh-dien-tu-vneid");
        assertKeptPageIsTheUsualPage(LESSON, csrf);
        String done = page(LESSON, csrf, null);
        assertFalse(done.contains("action=\"" + LESSON + "/done\""), "done: no button");
        assertTrue(done.contains("class=\"done-badge\""));
    }
}
