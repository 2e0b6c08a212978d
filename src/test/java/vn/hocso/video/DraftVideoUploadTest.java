package vn.hocso.video;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.hocso.Forms;
import vn.hocso.course.Course;
import vn.hocso.course.Lesson;

/**
 * Issue 12: a trainer uploads the video and captions of a video lesson while the course (or the lesson) exists only
 * as a draft; publishing keeps the lesson, and its video, under the same id. Only the course's authors may.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DraftVideoUploadTest {

    static final String SLUG = "khoa-video-ban-nhap";
    static final String PAGE = "/trainer/courses/" + SLUG;
    static final String VIDEO = PAGE + "/lessons/gioi-thieu/video";

    private static Lesson reserved() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Course course = Course.findBySlug(SLUG).orElseThrow();
            return Lesson.findByKey(course.id, "gioi-thieu").orElseThrow();
        });
    }

    @Test
    @Order(1)
    @TestSecurity(
            user = "gv-video-nhap",
            roles = {"learner", "trainer"})
    @OidcSecurity(claims = @Claim(key = "sub", value = "draft-video-author"))
    void aTrainerUploadsTheVideoAndCaptionsOfALessonBeforeTheCourseIsPublished() throws Exception {
        Forms.post("/trainer/courses/new", "/trainer/courses/new", "slug", SLUG, "title", "Khoá video bản nháp")
                .then()
                .statusCode(303);
        Forms.post(PAGE, PAGE + "/modules", "id", "phan-1", "titleVi", "Phần 1")
                .then()
                .statusCode(303);
        Forms.post(
                        PAGE,
                        PAGE + "/lessons",
                        "module",
                        "phan-1",
                        "id",
                        "gioi-thieu",
                        "kind",
                        "video",
                        "titleVi",
                        "Giới thiệu")
                .then()
                .statusCode(303);
        // the draft's "Video" button readies the lesson and leads to its video page
        given().when().get(PAGE).then().statusCode(200).body(containsString("/lessons/gioi-thieu/video/prepare"));
        given().when().get(VIDEO).then().statusCode(404);
        Forms.post(PAGE, VIDEO + "/prepare").then().statusCode(303).header("Location", containsString(VIDEO));
        given().when().get(VIDEO).then().statusCode(200).body(containsString("Giới thiệu"));
        // a lesson the draft does not have is not readied
        Forms.post(PAGE, PAGE + "/lessons/khong-co/video/prepare").then().statusCode(404);

        byte[] mp4 = Files.readAllBytes(VideoFixtures.clip(2, 320, 180));
        Response opened = Forms.post(VIDEO, VIDEO + "/uploads", "size", String.valueOf(mp4.length));
        opened.then().statusCode(200);
        long id = opened.jsonPath().getLong("id");
        assertEquals(204, VideoFixtures.upload(opened, mp4).statusCode());
        Forms.post(VIDEO, VIDEO + "/uploads/" + id + "/confirm").then().statusCode(200);

        Forms.Csrf csrf = Forms.csrfFrom(VIDEO);
        given().redirects()
                .follow(false)
                .cookie("csrf-token", csrf.cookie())
                .multiPart("csrf-token", csrf.field())
                .multiPart("lang", "vi")
                .multiPart(
                        "file",
                        "vi.vtt",
                        "WEBVTT\n\n00:00.000 --> 00:01.000\nXin chào\n".getBytes(StandardCharsets.UTF_8))
                .when()
                .post(VIDEO + "/captions")
                .then()
                .statusCode(303);

        Lesson lesson = reserved();
        assertTrue(lesson.retired, "hidden from learners until published");
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> Video.count("lessonId", lesson.id)));
        assertEquals(
                1,
                QuarkusTransaction.requiringNew()
                        .call(() -> VideoCaption.listOfLesson(lesson.id))
                        .size());
        given().when().get("/courses/" + SLUG).then().statusCode(404);
    }

    @Test
    @Order(2)
    @TestSecurity(
            user = "gv-khac-video",
            roles = {"learner", "trainer"})
    @OidcSecurity(claims = @Claim(key = "sub", value = "draft-video-other"))
    void anotherTrainerCannotReadyOrUploadTheDraftsVideo() {
        given().when().get(VIDEO).then().statusCode(403);
        given().when().get(VIDEO + "/uploads/status").then().statusCode(403);
        Forms.Csrf csrf = Forms.csrfFrom("/trainer/courses");
        for (String action : new String[] {"/prepare", "/uploads"}) {
            given().redirects()
                    .follow(false)
                    .cookie("csrf-token", csrf.cookie())
                    .contentType("application/x-www-form-urlencoded")
                    .formParam("csrf-token", csrf.field())
                    .formParam("size", "1000")
                    .when()
                    .post(VIDEO + action)
                    .then()
                    .statusCode(403);
        }
    }

    @Test
    @Order(3)
    @TestSecurity(
            user = "gv-video-nhap",
            roles = {"learner", "trainer"})
    @OidcSecurity(claims = @Claim(key = "sub", value = "draft-video-author"))
    void theAuthorSubmitsTheDraft() {
        Forms.post(
                        PAGE,
                        PAGE + "/details",
                        "titleVi",
                        "Khoá video bản nháp",
                        "summaryVi",
                        "Tóm tắt.",
                        "category",
                        "ky-nang-so",
                        "targetGroups",
                        "citizen",
                        "level",
                        "basic",
                        "version",
                        String.valueOf(courseFileVersion()))
                .then()
                .statusCode(303);
        Forms.post(PAGE, PAGE + "/submit").then().statusCode(303);
    }

    @Test
    @Order(4)
    @TestSecurity(
            user = "qt-video",
            roles = {"learner", "admin"})
    @OidcSecurity(claims = @Claim(key = "sub", value = "draft-video-admin"))
    void publishingKeepsTheReservedLessonAndItsVideo() {
        long before = reserved().id;
        Forms.post(PAGE, PAGE + "/publish").then().statusCode(303);
        Lesson published = reserved();
        assertEquals(before, published.id);
        assertFalse(published.retired);
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> Video.count("lessonId", published.id)));
        assertEquals(
                1,
                QuarkusTransaction.requiringNew()
                        .call(() -> VideoCaption.listOfLesson(published.id))
                        .size());
    }

    private static int courseFileVersion() {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) Course.getEntityManager()
                                .createNativeQuery("""
                                        select f.version from draft_file f join course_draft d on d.id = f.draft_id
                                        join course c on c.id = d.course_id where c.slug = ?1 and f.path = 'course.yaml'""")
                                .setParameter(1, SLUG)
                                .getSingleResult())
                        .intValue());
    }
}
