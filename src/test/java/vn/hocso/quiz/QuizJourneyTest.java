package vn.hocso.quiz;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hocso.DemoCourses;
import vn.hocso.Forms;
import vn.hocso.content.CourseImporter;
import vn.hocso.course.Course;
import vn.hocso.course.Lesson;
import vn.hocso.course.LessonKind;
import vn.hocso.enrolment.Enrolment;
import vn.hocso.progress.ProgressService;

/** A learner takes a demo course's final quiz: fails, waits, retakes, passes, and so completes the course. */
@QuarkusTest
class QuizJourneyTest {

    static final String COURSE = "ky-nang-so-co-ban";
    static final String QUIZ_PAGE = "/courses/" + COURSE + "/lessons/kiem-tra-cuoi-khoa/quiz";

    @Inject
    CourseImporter importer;

    @Inject
    ProgressService progress;

    @BeforeEach
    void demoCourses() {
        DemoCourses.ensureImported(importer);
    }

    private static long startOnPage() {
        Response started = Forms.post(QUIZ_PAGE, QUIZ_PAGE + "/attempts");
        started.then().statusCode(303);
        String location = started.header("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private static Enrolment enrolment(long personId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Enrolment.findOf(personId, Course.findBySlug(COURSE).orElseThrow().id)
                        .orElseThrow());
    }

    @Test
    @TestSecurity(user = "hanh", roles = "learner")
    @OidcSecurity(claims = @Claim(key = "sub", value = "quiz-journey-hanh"))
    void aLearnerFailsWaitsRetakesAndPassesTheFinalQuizWhichCompletesTheCourse() {
        long personId = QuizFixtures.enrolled("quiz-journey-hanh", COURSE);
        // every other lesson is done: only the final quiz is missing
        List<Lesson> lessons = QuarkusTransaction.requiringNew()
                .call(() -> Lesson.listActiveOfCourse(Course.findBySlug(COURSE).orElseThrow().id));
        lessons.stream().filter(l -> l.kind != LessonKind.QUIZ).forEach(l -> progress.complete(personId, l));
        assertNull(enrolment(personId).completedAt);

        // the lesson page leads to the quiz, whose page states its rules
        given().when()
                .get("/courses/" + COURSE + "/lessons/kiem-tra-cuoi-khoa")
                .then()
                .statusCode(200)
                .body(containsString("href=\"" + QUIZ_PAGE + "\""));
        given().when()
                .get(QUIZ_PAGE)
                .then()
                .statusCode(200)
                .body(containsString("Mỗi lần làm bài có 10 câu hỏi"))
                .body(containsString("Thời gian làm bài: 15 phút"))
                .body(containsString("Đạt khi đúng từ 70%"))
                .body(containsString("Được làm tối đa 5 lần"))
                .body(containsString("Bắt đầu làm bài"));

        // first attempt: everything wrong
        long first = startOnPage();
        given().when()
                .get("/quiz/attempts/" + first)
                .then()
                .statusCode(200)
                .body(containsString("class=\"countdown\""))
                .body(containsString("data-seconds-left=\""))
                .body(containsString("Câu 10/10"));
        Map<Integer, QuizService.Posted> wrong = QuizFixtures.answers(first, false);
        Forms.post("/quiz/attempts/" + first, "/quiz/attempts/" + first + "/submit", QuizFixtures.formFields(wrong))
                .then()
                .statusCode(303)
                .header("Location", endsWith("/quiz/attempts/" + first + "/result"));
        // the review policy of this quiz shows the correct answers and the explanations
        given().when()
                .get("/quiz/attempts/" + first + "/result")
                .then()
                .statusCode(200)
                .body(containsString("Chưa đạt"))
                .body(containsString("Xem lại bài làm"))
                .body(containsString("Đáp án đúng"));
        assertNull(enrolment(personId).completedAt);

        // a retake has to wait for the quiz's delay
        Forms.post(QUIZ_PAGE, QUIZ_PAGE + "/attempts").then().statusCode(409);
        given().when()
                .get(QUIZ_PAGE)
                .then()
                .statusCode(200)
                .body(containsString("Bạn có thể làm lại từ"))
                .body(containsString("Lần 1"));
        QuarkusTransaction.requiringNew()
                .run(() -> QuizAttempt.getEntityManager()
                        .createNativeQuery(
                                "update quiz_attempt set submitted_at = submitted_at - interval '2 minutes' where id = ?1")
                        .setParameter(1, first)
                        .executeUpdate());

        // second attempt: every answer right, saved as the learner goes, then submitted
        long second = startOnPage();
        Map<Integer, QuizService.Posted> right = QuizFixtures.answers(second, true);
        Forms.post("/quiz/attempts/" + second, "/quiz/attempts/" + second + "/answers", QuizFixtures.formFields(right))
                .then()
                .statusCode(303);
        given().when()
                .get("/quiz/attempts/" + second + "?saved=1")
                .then()
                .statusCode(200)
                .body(containsString("Đã lưu câu trả lời"))
                .body(containsString(" checked"));
        // the submit button sends the whole form again, here with a code this attempt never showed
        List<String> form = new java.util.ArrayList<>(List.of(QuizFixtures.formFields(right)));
        form.addAll(List.of("q1", "zzzzzzzzzz"));
        Forms.post("/quiz/attempts/" + second, "/quiz/attempts/" + second + "/submit", form.toArray(String[]::new))
                .then()
                .statusCode(303);
        QuizAttempt passed = QuizFixtures.attempt(second);
        assertEquals(100.0, passed.percent, 1e-9, "an unknown option code is ignored");
        assertTrue(passed.passed);
        given().when()
                .get("/quiz/attempts/" + second + "/result")
                .then()
                .statusCode(200)
                .body(containsString("Chúc mừng"))
                // the result page says the course is now completed, and where the certificate is
                .body(containsString("class=\"panel course-complete\""))
                .body(containsString("Bạn đã hoàn thành khoá học"))
                .body(org.hamcrest.Matchers.anyOf(
                        containsString("certificate-link"), containsString("Chứng nhận đang được tạo")));

        // passing the final quiz completed the lesson, and with it the course
        assertNotNull(enrolment(personId).completedAt);
        given().when()
                .get("/courses/" + COURSE)
                .then()
                .statusCode(200)
                .body(containsString("Bạn đã hoàn thành"))
                .body(org.hamcrest.Matchers.anyOf(
                        containsString("certificate-link"), containsString("Chứng nhận đang được tạo")));
        // the history lists both attempts; the result is the best one
        given().when()
                .get(QUIZ_PAGE)
                .then()
                .statusCode(200)
                .body(containsString("Lần 1"))
                .body(containsString("Lần 2"))
                .body(containsString("Kết quả của bạn: 100%"))
                .body(not(containsString("Thống kê câu hỏi")));
        given().when()
                .get("/api/quizzes/" + COURSE + "/kiem-tra-cuoi-khoa")
                .then()
                .statusCode(200)
                .body("result.id", org.hamcrest.Matchers.equalTo((int) second))
                .body("attempts.size()", org.hamcrest.Matchers.equalTo(2));
    }

    @Test
    @TestSecurity(user = "khoa", roles = "learner")
    @OidcSecurity(claims = @Claim(key = "sub", value = "quiz-journey-khoa"))
    void aQuizOfACourseOneIsNotEnrolledInIsRefused() {
        QuizFixtures.enrolled("quiz-journey-khoa", "dich-vu-cong-truc-tuyen");
        // the refusal offers the enrol button (on the course page), not only "home"
        given().when()
                .get(QUIZ_PAGE)
                .then()
                .statusCode(403)
                .body(containsString("đăng ký khoá học"))
                .body(containsString("href=\"/courses/" + COURSE + "#enrol\""));
        Forms.post("/courses", QUIZ_PAGE + "/attempts").then().statusCode(403);
        given().contentType("application/json")
                .when()
                .post("/api/quizzes/" + COURSE + "/kiem-tra-cuoi-khoa/attempts")
                .then()
                .statusCode(403);
        // a text lesson has no quiz
        given().when()
                .get("/courses/dich-vu-cong-truc-tuyen/lessons/loi-thuong-gap/quiz")
                .then()
                .statusCode(404);
    }

    @Test
    @TestSecurity(user = "lan", roles = "learner")
    @OidcSecurity(claims = @Claim(key = "sub", value = "quiz-journey-lan"))
    void aDrawPerTagGivesEachAttemptItsShareOfEveryPartOfTheCourse() {
        QuizFixtures.enrolled("quiz-journey-lan", "dich-vu-cong-truc-tuyen");
        String page = "/courses/dich-vu-cong-truc-tuyen/lessons/kiem-tra-cuoi-khoa/quiz";
        Response started = Forms.post(page, page + "/attempts");
        String location = started.header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        Map<String, Long> byTag = QuarkusTransaction.requiringNew()
                .call(() -> AttemptQuestion.listOfAttempt(id).stream()
                        .map(i -> QuizQuestion.<QuizQuestion>findById(i.questionId).tags[0])
                        .collect(java.util.stream.Collectors.groupingBy(
                                t -> t, java.util.stream.Collectors.counting())));
        assertEquals(Map.of("tai-khoan", 4L, "nop-ho-so", 4L, "theo-doi", 2L), byTag);
        assertFalse(QuizFixtures.attempt(id).isGraded());
    }

    @Test
    @TestSecurity(
            user = "giangvien",
            roles = {"learner", "trainer"})
    @OidcSecurity(claims = @Claim(key = "sub", value = "quiz-journey-giang"))
    void trainersReachTheItemStatisticsFromTheQuizPage() {
        QuizFixtures.enrolled("quiz-journey-giang", COURSE);
        given().when().get(QUIZ_PAGE).then().statusCode(200).body(containsString(QUIZ_PAGE + "/stats"));
        given().when()
                .get(QUIZ_PAGE + "/stats")
                .then()
                .statusCode(200)
                .body(containsString("Phân bố điểm"))
                .body(containsString("Độ phân biệt"));
    }

    @Test
    @TestSecurity(user = "minh", roles = "learner")
    @OidcSecurity(claims = @Claim(key = "sub", value = "quiz-journey-minh"))
    void learnersCannotSeeItemStatistics() {
        QuizFixtures.enrolled("quiz-journey-minh", COURSE);
        given().when().get(QUIZ_PAGE + "/stats").then().statusCode(403);
    }
}
