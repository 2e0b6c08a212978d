package vn.hocso.course;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hocso.DemoCourses;
import vn.hocso.Forms;
import vn.hocso.content.CourseImporter;

/** Issue 12, ownership: a trainer changes only courses they are an author of; a trainer role alone opens nothing. */
@QuarkusTest
class CourseOwnershipTest {

    static final String COURSE = "ky-nang-so-co-ban";
    static final String VIDEO_PAGE = "/trainer/courses/" + COURSE + "/lessons/video-gioi-thieu/video";
    static final String LESSON_PAGE = "/courses/" + COURSE + "/lessons/video-gioi-thieu";
    static final String STATS = "/courses/" + COURSE + "/lessons/kiem-tra-cuoi-khoa/quiz/stats";

    @Inject
    CourseImporter importer;

    @BeforeEach
    void demoCourses() {
        DemoCourses.ensureImported(importer);
        QuarkusTransaction.requiringNew().run(() -> {
            long id = Course.findBySlug(COURSE).orElseThrow().id;
            CourseAuthor.add(id, "Dong.Tac.Gia@hocso.vn", "test");
        });
    }

    /** The person of this subject, enrolled in the course (the lesson page is for enrolled learners). */
    static void enrolled(String subject) {
        QuarkusTransaction.requiringNew().run(() -> {
            var em = Course.getEntityManager();
            em.createNativeQuery(
                            "insert into person (subject, full_name) values (?1, ?2) on conflict (subject) do nothing")
                    .setParameter(1, subject)
                    .setParameter(2, "Giảng viên " + subject)
                    .executeUpdate();
            em.createNativeQuery("""
                    insert into enrolment (person_id, course_id)
                    select p.id, c.id from person p, course c where p.subject = ?1 and c.slug = ?2
                    on conflict do nothing""")
                    .setParameter(1, subject)
                    .setParameter(2, COURSE)
                    .executeUpdate();
        });
    }

    @Test
    void theDemoCoursesHaveGiangvienAsTheirAuthor() {
        for (String slug : new String[] {"ky-nang-so-co-ban", "dich-vu-cong-truc-tuyen", "an-toan-tren-mang"}) {
            assertEquals(
                    true,
                    QuarkusTransaction.requiringNew()
                            .call(() -> CourseAuthor.listOfCourse(
                                            Course.findBySlug(slug).orElseThrow().id)
                                    .stream()
                                    .anyMatch(a -> a.login.equals("giangvien"))),
                    slug);
        }
    }

    @Test
    @TestSecurity(
            user = "giangvien",
            roles = {"learner", "trainer"})
    @OidcSecurity(claims = @Claim(key = "sub", value = "owner-giangvien"))
    void theAuthorOpensTheVideoPageAndTheStatistics() {
        enrolled("owner-giangvien");
        given().when().get(VIDEO_PAGE).then().statusCode(200);
        given().when().get(STATS).then().statusCode(200);
        given().when().get(LESSON_PAGE).then().statusCode(200).body(containsString(VIDEO_PAGE));
    }

    @Test
    @TestSecurity(
            user = "giangvien2",
            roles = {"learner", "trainer"})
    @OidcSecurity(claims = @Claim(key = "sub", value = "owner-giangvien2"))
    void anotherTrainerCanNeitherOpenNorChangeTheVideoCaptionsUploadsOrStatistics() {
        enrolled("owner-giangvien2");
        given().when().get(VIDEO_PAGE).then().statusCode(403);
        given().when().get(VIDEO_PAGE + "/uploads/status").then().statusCode(403);
        given().when().get(STATS).then().statusCode(403);
        // no link to what they may not open
        given().when().get(LESSON_PAGE).then().statusCode(200).body(not(containsString(VIDEO_PAGE)));
        // the forms of a page they may open, carried to the course they may not change
        Forms.Csrf csrf = Forms.csrfFrom("/courses/" + COURSE);
        for (String action : new String[] {"/uploads", "/uploads/1/confirm", "/uploads/1/cancel"}) {
            given().redirects()
                    .follow(false)
                    .cookie("csrf-token", csrf.cookie())
                    .contentType("application/x-www-form-urlencoded")
                    .formParam("csrf-token", csrf.field())
                    .formParam("size", "1000")
                    .when()
                    .post(VIDEO_PAGE + action)
                    .then()
                    .statusCode(403);
        }
        given().redirects()
                .follow(false)
                .cookie("csrf-token", csrf.cookie())
                .multiPart("csrf-token", csrf.field())
                .multiPart("lang", "vi")
                .multiPart("file", "x.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\nx\n".getBytes())
                .when()
                .post(VIDEO_PAGE + "/captions")
                .then()
                .statusCode(403);
    }

    @Test
    @TestSecurity(
            user = "nguoi-khac",
            roles = {"learner", "trainer"})
    @OidcSecurity(
            claims = {
                @Claim(key = "sub", value = "owner-unverified"),
                @Claim(key = "email", value = "dong.tac.gia@hocso.vn"),
                @Claim(key = "email_verified", value = "false")
            })
    void anUnverifiedAddressDoesNotMakeSomeoneACoAuthor() {
        given().when().get(VIDEO_PAGE).then().statusCode(403);
    }

    @Test
    @TestSecurity(
            user = "dong-tac-gia",
            roles = {"learner", "trainer"})
    @OidcSecurity(
            claims = {
                @Claim(key = "sub", value = "owner-coauthor"),
                @Claim(key = "email", value = "dong.tac.gia@hocso.vn"),
                @Claim(key = "email_verified", value = "true")
            })
    void aCoAuthorAddedByVerifiedAddressMayEdit() {
        given().when().get(VIDEO_PAGE).then().statusCode(200);
    }

    @Test
    @TestSecurity(
            user = "giangvien",
            roles = {"learner"})
    @OidcSecurity(claims = @Claim(key = "sub", value = "owner-no-longer-trainer"))
    void anAuthorWithoutTheTrainerRoleEditsNothing() {
        given().when().get(VIDEO_PAGE).then().statusCode(403);
    }

    @Test
    @TestSecurity(
            user = "quantri",
            roles = {"learner", "admin"})
    @OidcSecurity(claims = @Claim(key = "sub", value = "owner-admin"))
    void anAdminMayEditEveryCourse() {
        given().when().get(VIDEO_PAGE).then().statusCode(200);
        given().when().get(STATS).then().statusCode(200);
    }
}
