package vn.hocso.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import vn.hocso.DemoCourses;
import vn.hocso.content.CourseImporter;

/**
 * The pages learners open cost at most three SQL statements each, whatever the size of the course (issue 14). The
 * signed-in pages run with the check every sign-in session's request passes ({@link EndedSessionCheck}, which also
 * finds the person), as in a browser, so its statement is counted too. (Here, in account, for that check.)
 */
@QuarkusTest
class LearnerPagesStatementsTest {

    private static final String SUBJECT = "statements-pages";

    @Inject
    EntityManager em;

    @Inject
    SessionFactory sessions;

    @Inject
    CourseImporter importer;

    /** Statements of the second request of a page (the first fills what is kept in memory, as any request would). */
    private long statementsFor(String path, String shows) {
        given().when().get(path).then().statusCode(200);
        long before = sessions.getStatistics().getPrepareStatementCount();
        given().when().get(path).then().statusCode(200).body(containsString(shows));
        return sessions.getStatistics().getPrepareStatementCount() - before;
    }

    /**
     * Statements of an anonymous page rendered again because the catalogue changed since it was kept (a visit given the
     * kept page costs the version read alone: catalog.AnonymousCataloguePagesTest): the page's own, counted by
     * Hibernate, and the version read before it by web.AnonymousPages (plain JDBC, which Hibernate does not count).
     */
    private long anonymousStatementsFor(String path, String shows) {
        given().when().get(path).then().statusCode(200);
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("update catalogue_version set version = version + 1")
                        .executeUpdate());
        long before = sessions.getStatistics().getPrepareStatementCount();
        given().when().get(path).then().statusCode(200).body(containsString(shows));
        return sessions.getStatistics().getPrepareStatementCount() - before + 1;
    }

    /** A published course of {@code lessons} text lessons in one module; the person is enrolled and did the first. */
    private void courseOf(String slug, int lessons, boolean enrol) {
        QuarkusTransaction.requiringNew().run(() -> {
            long course = ((Number) em.createNativeQuery("""
                    insert into course (slug, title_vi, summary_vi, category_code, level, status)
                    values (?1, ?2, 'Tóm tắt', 'ky-nang-so', 'basic', 'published')
                    on conflict (slug) do update set title_vi = excluded.title_vi returning id""")
                            .setParameter(1, slug)
                            .setParameter(2, "Khoá " + slug)
                            .getSingleResult())
                    .longValue();
            em.createNativeQuery(
                            "delete from lesson_progress where lesson_id in (select id from lesson where course_id = ?1)")
                    .setParameter(1, course)
                    .executeUpdate();
            em.createNativeQuery("delete from lesson where course_id = ?1")
                    .setParameter(1, course)
                    .executeUpdate();
            em.createNativeQuery("delete from course_module where course_id = ?1")
                    .setParameter(1, course)
                    .executeUpdate();
            long module =
                    ((Number) em.createNativeQuery("""
                    insert into course_module (course_id, key, title_vi, position) values (?1, 'm', 'Chương', 0)
                    returning id""").setParameter(1, course).getSingleResult()).longValue();
            em.createNativeQuery("""
                    insert into lesson (course_id, module_id, key, kind, title_vi, position, body_html)
                    select ?1, ?2, 'bai-' || i, 'text', 'Bài số ' || i, i, '<p>Nội dung ' || i || '</p>'
                    from generate_series(1, ?3) i""")
                    .setParameter(1, course)
                    .setParameter(2, module)
                    .setParameter(3, lessons)
                    .executeUpdate();
            if (enrol) {
                long person = Person.findBySubject(SUBJECT).orElseThrow().id;
                em.createNativeQuery("""
                        insert into enrolment (person_id, course_id) values (?1, ?2) on conflict do nothing""")
                        .setParameter(1, person)
                        .setParameter(2, course)
                        .executeUpdate();
                em.createNativeQuery("""
                        insert into lesson_progress (person_id, lesson_id, completed_at, updated_at)
                        select ?1, id, now(), now() from lesson where course_id = ?2 and key = 'bai-1'""")
                        .setParameter(1, person)
                        .setParameter(2, course)
                        .executeUpdate();
            }
        });
    }

    private static void signedIn() {
        given().when().get("/my").then().statusCode(200);
    }

    @Test
    void anonymousCataloguePagesCostAtMostThreeStatements() {
        DemoCourses.ensureImported(importer);
        courseOf("so-cau-lenh-an-danh-lon", 60, false);
        long catalogue = anonymousStatementsFor("/courses", "dich-vu-cong-truc-tuyen");
        long course = anonymousStatementsFor("/courses/dich-vu-cong-truc-tuyen", "Dịch vụ công");
        long bigCourse = anonymousStatementsFor("/courses/so-cau-lenh-an-danh-lon", "Bài số 60");
        long search = anonymousStatementsFor("/courses?q=dich+vu+cong", "dich-vu-cong-truc-tuyen");
        long longWords = anonymousStatementsFor("/courses?q=dich+vu+cong+truc+tuyen", "dich-vu-cong-truc-tuyen");
        long typo = anonymousStatementsFor("/courses?q=dich+vu+cong+truc+tuyem", "dich-vu-cong-truc-tuyen");
        long pastTheEnd = anonymousStatementsFor("/courses?q=dich+vu+cong&page=50", "dich-vu-cong-truc-tuyen");
        long nothing = anonymousStatementsFor("/courses?q=khongcokhoahocnao", "<form");
        assertTrue(catalogue <= 3, "catalogue: " + catalogue);
        assertTrue(search <= 3, "search of short words: " + search);
        // a word long enough to correct adds the corrections' statement: 3 of the page's own and the version read, on
        // the first visit after a change of the catalogue only (kept, the page costs the version read alone)
        assertTrue(longWords <= 4, "search with a word long enough to correct: " + longWords);
        assertTrue(typo <= 4, "search with a typo: " + typo);
        assertTrue(pastTheEnd <= 3, "search asking for a page past the last: " + pastTheEnd);
        assertTrue(nothing <= 3, "search finding nothing: " + nothing);
        assertTrue(course <= 3, "course page: " + course);
        assertEquals(course, bigCourse, "a course of 60 lessons vs a demo course");
    }

    @Test
    @TestSecurity(user = "hv-statements", roles = "learner", augmentors = EndedSessionCheck.class)
    @OidcSecurity(
            claims = {@Claim(key = "sub", value = SUBJECT), @Claim(key = "sid", value = "statements-pages-session")})
    void signedInCourseAndLessonPagesCostAtMostThreeStatementsWhateverTheCourseSize() {
        DemoCourses.ensureImported(importer);
        signedIn();
        courseOf("so-cau-lenh-nho", 2, true);
        courseOf("so-cau-lenh-lon", 80, true);

        long small = statementsFor("/courses/so-cau-lenh-nho", "Bài số 2");
        long big = statementsFor("/courses/so-cau-lenh-lon", "Bài số 80");
        long lessonSmall = statementsFor("/courses/so-cau-lenh-nho/lessons/bai-2", "Nội dung 2");
        long lessonBig = statementsFor("/courses/so-cau-lenh-lon/lessons/bai-40", "Nội dung 40");

        assertTrue(small <= 3, "signed-in course page: " + small);
        assertEquals(small, big, "course page of 2 lessons vs 80");
        assertTrue(lessonSmall <= 3, "signed-in lesson page: " + lessonSmall);
        assertEquals(lessonSmall, lessonBig, "lesson page in a course of 2 lessons vs 80");
    }

    /** Assigns the person's enrolment in this course through a wave of their unit, as a unit admin would. */
    private void assignThroughAWave(String slug) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                        with p as (select id from person where subject = ?1),
                        w as (insert into wave (unit_id, name, starts_on, due_on, status, created_by)
                              select (select id from org_unit order by id limit 1), 'Đợt ' || ?2, current_date,
                                     current_date + 30, 'open', p.id from p returning id, created_by)
                        update enrolment e set wave_id = w.id, assigned_by = w.created_by, source = 'assignment',
                               due_at = now() + interval '30 days'
                        from w where e.person_id = w.created_by
                          and e.course_id = (select id from course where slug = ?2)""")
                        .setParameter(1, SUBJECT)
                        .setParameter(2, slug)
                        .executeUpdate());
    }

    @Test
    @TestSecurity(user = "hv-statements", roles = "learner", augmentors = EndedSessionCheck.class)
    @OidcSecurity(claims = {@Claim(key = "sub", value = SUBJECT), @Claim(key = "sid", value = "statements-my-session")})
    void myLearningCostsAtMostThreeStatementsWhateverTheNumberOfCourses() {
        signedIn();
        courseOf("so-cau-lenh-cua-toi-0", 3, true);
        long one = statementsFor("/my", "Khoá so-cau-lenh-cua-toi-0");
        for (int i = 1; i < 30; i++) {
            courseOf("so-cau-lenh-cua-toi-" + i, 3, true);
            if (i % 3 == 0) {
                assignThroughAWave("so-cau-lenh-cua-toi-" + i);
            }
        }
        long thirty = statementsFor("/my", "Đợt so-cau-lenh-cua-toi-27");
        assertTrue(one <= 3, "my learning with one course: " + one);
        assertEquals(one, thirty, "my learning with one course vs thirty, ten of them assigned");
    }

    @Test
    @TestSecurity(user = "hv-statements", roles = "learner", augmentors = EndedSessionCheck.class)
    @OidcSecurity(
            claims = {@Claim(key = "sub", value = SUBJECT), @Claim(key = "sid", value = "statements-pages-session")})
    void aLessonAddedToAPublishedCourseShowsOnTheNextRequest() {
        signedIn();
        courseOf("so-cau-lenh-doi", 3, true);
        given().when().get("/courses/so-cau-lenh-doi").then().statusCode(200).body(not(containsString("Bài số 4")));

        // any writer (here plain SQL, as a script would) moves the outline's version on: nothing to invalidate by hand
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into lesson (course_id, module_id, key, kind, title_vi, position, body_html)
                        select course_id, id, 'bai-4', 'text', 'Bài số 4', 4, '<p>Nội dung 4</p>' from course_module
                        where course_id = (select id from course where slug = 'so-cau-lenh-doi')""").executeUpdate());

        given().when().get("/courses/so-cau-lenh-doi").then().statusCode(200).body(containsString("Bài số 4"));
        given().when()
                .get("/courses/so-cau-lenh-doi/lessons/bai-4")
                .then()
                .statusCode(200)
                .body(containsString("Bài số 4"));
    }
}
