package vn.hocso.quiz;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hocso.Forms;
import vn.hocso.content.CourseImporter;

/** The integrity rules of QUIZ-3, each against the running app: pages and API alike. */
@QuarkusTest
class QuizIntegrityTest {

    static final String SLUG = "kiem-tra-toan-ven";
    static final String QUIZ_PAGE = "/courses/" + SLUG + "/lessons/" + QuizFixtures.LESSON + "/quiz";
    static final String API = "/api/quizzes/" + SLUG + "/" + QuizFixtures.LESSON;

    @Inject
    CourseImporter importer;

    @Inject
    QuizService quizzes;

    @Inject
    OutOfTimeAttempts sweep;

    Quiz quiz;

    @BeforeEach
    void quizWithDefaultSettings() {
        quiz = QuizFixtures.importCourse(importer, SLUG, QuizFixtures.QUIZ);
        QuizFixtures.set(
                quiz.id, "max_attempts = null, delay_minutes = 0, time_limit_seconds = 600, review = 'answers'");
    }

    /** Starts an attempt through the page, as the signed-in learner, and returns its id. */
    private static long startOnPage() {
        Response started = Forms.post(QUIZ_PAGE, QUIZ_PAGE + "/attempts");
        started.then().statusCode(303).header("Location", containsString("/quiz/attempts/"));
        String location = started.header("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private static List<String> correctOptionKeysAndIds(long attemptId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> secrets = new ArrayList<>();
            for (AttemptQuestion item : AttemptQuestion.listOfAttempt(attemptId)) {
                for (Long optionId : item.optionIds) {
                    QuizOption option = QuizOption.findById(optionId);
                    if (option.correct) {
                        secrets.add(String.valueOf(option.id));
                        secrets.add(option.key);
                    }
                }
            }
            return secrets;
        });
    }

    @Test
    @TestSecurity(user = "toanven-a", roles = "learner")
    @OidcSecurity(claims = @Claim(key = "sub", value = "toanven-a"))
    void theAttemptPageAndTheApiNeverCarryTheCorrectAnswers() {
        QuizFixtures.enrolled("toanven-a", SLUG);
        long id = startOnPage();
        String page = given().when()
                .get("/quiz/attempts/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String json = given().when()
                .get("/api/quiz-attempts/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString();

        // every option is named by an opaque code of this attempt, never by its id or key
        Matcher values = Pattern.compile("type=\"(?:radio|checkbox)\" name=\"q\\d+\" value=\"([^\"]*)\"")
                .matcher(page);
        int options = 0;
        while (values.find()) {
            assertTrue(values.group(1).matches("[a-z2-9]{10}"), values.group(1));
            options++;
        }
        assertEquals(3 + 3 + 2, options);
        // the question count is a number too: a correct option whose id equals it must not pass for a leak
        String attributes = page.replace("name=\"questions\" value=\"4\"", "name=\"questions\"");
        for (String secret : correctOptionKeysAndIds(id)) {
            assertFalse(attributes.contains("value=\"" + secret + "\""), secret);
            assertFalse(json.contains("\"" + secret + "\""), secret);
        }
        // a correct option looks exactly like a wrong one: same markup, text shown once
        Matcher labels = Pattern.compile("<label class=\"option\">(.*?)</label>", Pattern.DOTALL)
                .matcher(page);
        Set<String> shapes = new HashSet<>();
        while (labels.find()) {
            shapes.add(labels.group(1)
                    .replaceAll("value=\"[a-z2-9]{10}\"", "value=\"?\"")
                    .replaceAll("<span>[^<]*</span>", "<span>?</span>")
                    .replaceAll("name=\"q\\d+\"", "name=\"q?\"")
                    .replace("checkbox", "radio"));
        }
        assertEquals(1, shapes.size(), shapes.toString());
        for (String text : List.of("Đáp-án-đơn-ĐÚNG", "Mã-OTP-ĐÚNG", "Mật-khẩu-ĐÚNG")) {
            assertEquals(1, page.split(text, -1).length - 1, text);
        }
        // nor anything else of the answer key: accepted text answers, feedback, weights, a "correct" flag
        for (String output : List.of(page, json)) {
            assertFalse(output.contains("Sông-Hồng-ĐÚNG"));
            assertFalse(output.contains("Hong-River-ĐÚNG"));
            assertFalse(output.contains("Lời-giải-thích-BÍ-MẬT"));
            assertFalse(output.toLowerCase(Locale.ROOT).contains("correct"));
            assertFalse(output.contains("weight"));
            assertFalse(output.contains("accepted"));
        }
        String started = given().contentType("application/json")
                .when()
                .post(API + "/attempts")
                .then()
                .statusCode(200)
                .body("attempt.id", equalTo((int) id))
                .extract()
                .asString();
        assertFalse(started.toLowerCase(Locale.ROOT).contains("correct"));
        assertFalse(started.contains("Sông-Hồng-ĐÚNG"));
    }

    @Test
    @TestSecurity(user = "toanven-b", roles = "learner")
    @OidcSecurity(claims = @Claim(key = "sub", value = "toanven-b"))
    void afterTheDeadlineOnlyTheAnswersSavedInTimeAreGraded() {
        long personId = QuizFixtures.enrolled("toanven-b", SLUG);
        long id = startOnPage();
        Map<Integer, QuizService.Posted> right = QuizFixtures.answers(id, true);
        Map<Integer, QuizService.Posted> wrong = QuizFixtures.answers(id, false);
        // in time: question 1 right, the others wrong
        Map<Integer, QuizService.Posted> saved = new java.util.HashMap<>(wrong);
        saved.put(1, right.get(1));
        Forms.post("/quiz/attempts/" + id, "/quiz/attempts/" + id + "/answers", QuizFixtures.formFields(saved))
                .then()
                .statusCode(303)
                .header("Location", endsWith("/quiz/attempts/" + id + "?saved=1"));

        // twenty minutes pass on a ten-minute quiz (the client's clock plays no part)
        QuarkusTransaction.requiringNew()
                .run(() -> QuizAttempt.getEntityManager()
                        .createNativeQuery("""
                update quiz_attempt set started_at = started_at - interval '20 minutes',
                    deadline = deadline - interval '20 minutes' where id = ?1""")
                        .setParameter(1, id)
                        .executeUpdate());
        QuarkusTransaction.requiringNew()
                .run(() -> QuizAttempt.getEntityManager()
                        .createNativeQuery("""
                update quiz_attempt_question set answered_at = answered_at - interval '20 minutes'
                where attempt_id = ?1""")
                        .setParameter(1, id)
                        .executeUpdate());

        // a late save is refused and changes nothing; the page says time is up
        Forms.post("/courses", "/quiz/attempts/" + id + "/answers", QuizFixtures.formFields(right))
                .then()
                .statusCode(409);
        given().contentType("application/json")
                .body("{\"answers\":[{\"question\":2,\"options\":[]}]}")
                .when()
                .put("/api/quiz-attempts/" + id + "/answers")
                .then()
                .statusCode(409);
        given().when().get("/quiz/attempts/" + id).then().statusCode(200).body(containsString("Đã hết giờ làm bài"));

        // a late submit carrying every right answer (and a "time left") grades what was saved in time: 1 point of 5
        List<String> fields = new ArrayList<>(List.of(QuizFixtures.formFields(right)));
        fields.addAll(List.of("timeLeft", "600"));
        Forms.post("/courses", "/quiz/attempts/" + id + "/submit", fields.toArray(String[]::new))
                .then()
                .statusCode(303)
                .header("Location", endsWith("/quiz/attempts/" + id + "/result"));
        QuizAttempt graded = QuizFixtures.attempt(id);
        assertTrue(graded.isGraded());
        assertTrue(graded.expired);
        assertEquals(1.0, graded.score, 1e-9);
        assertEquals(5.0, graded.maxScore, 1e-9);
        assertEquals(20.0, graded.percent, 1e-9);
        assertFalse(graded.passed);
        assertEquals(personId, graded.personId);
    }

    @Test
    @TestSecurity(user = "toanven-c", roles = "learner")
    @OidcSecurity(claims = @Claim(key = "sub", value = "toanven-c"))
    void anAnswerThatReachedTheDatabaseAfterTheDeadlineIsNotGraded() {
        long personId = QuizFixtures.enrolled("toanven-c", SLUG);
        QuizAttempt attempt = quizzes.start(personId, quiz);
        quizzes.save(personId, attempt.id, QuizFixtures.answers(attempt.id, true));
        // as if a save had raced past the deadline: its time is after deadline + grace
        QuarkusTransaction.requiringNew()
                .run(() -> QuizAttempt.getEntityManager()
                        .createNativeQuery("""
                update quiz_attempt_question set answered_at = (select deadline from quiz_attempt where id = ?1)
                    + interval '31 seconds' where attempt_id = ?1 and position = 1""")
                        .setParameter(1, attempt.id)
                        .executeUpdate());
        QuizAttempt graded = quizzes.submit(personId, attempt.id, Map.of());
        assertEquals(4.0, graded.score, 1e-9);
    }

    @Test
    @TestSecurity(user = "toanven-i", roles = "learner")
    @OidcSecurity(claims = @Claim(key = "sub", value = "toanven-i"))
    void anAttemptLeftOpenPastItsDeadlineIsClosedByTheSweepOrAtTheNextStart() {
        long personId = QuizFixtures.enrolled("toanven-i", SLUG);
        QuizAttempt first = quizzes.start(personId, quiz);
        quizzes.save(personId, first.id, QuizFixtures.answers(first.id, true));
        String late = """
                update quiz_attempt set started_at = started_at - interval '1 hour',
                    deadline = deadline - interval '1 hour' where id = ?1""";
        QuarkusTransaction.requiringNew()
                .run(() -> QuizAttempt.getEntityManager()
                        .createNativeQuery(late)
                        .setParameter(1, first.id)
                        .executeUpdate());
        QuarkusTransaction.requiringNew()
                .run(() -> QuizAttempt.getEntityManager()
                        .createNativeQuery(
                                "update quiz_attempt_question set answered_at = answered_at - interval '1 hour' where attempt_id = ?1")
                        .setParameter(1, first.id)
                        .executeUpdate());
        // the learner closed the tab; the sweep grades what was saved in time
        sweep.close();
        QuizAttempt swept = QuizFixtures.attempt(first.id);
        assertTrue(swept.isGraded() && swept.expired);
        assertEquals(100.0, swept.percent, 1e-9);

        // another one left open: starting again closes it first, then opens a new attempt
        QuizAttempt second = quizzes.start(personId, quiz);
        QuarkusTransaction.requiringNew()
                .run(() -> QuizAttempt.getEntityManager()
                        .createNativeQuery(late)
                        .setParameter(1, second.id)
                        .executeUpdate());
        given().when().get(QUIZ_PAGE).then().statusCode(200).body(containsString("Tiếp tục làm bài"));
        long third = startOnPage();
        assertTrue(QuizFixtures.attempt(second.id).isGraded());
        assertEquals(0.0, QuizFixtures.attempt(second.id).percent, 1e-9);
        assertEquals(3, QuizFixtures.attempt(third).number);
    }

    @Test
    @TestSecurity(user = "toanven-d", roles = "learner")
    @OidcSecurity(claims = @Claim(key = "sub", value = "toanven-d"))
    void twentyConcurrentSubmitsGradeTheAttemptOnceAndAllGetTheSameResult() throws Exception {
        long personId = QuizFixtures.enrolled("toanven-d", SLUG);
        long id = startOnPage();
        quizzes.save(personId, id, QuizFixtures.answers(id, true));
        String body = "{\"answers\":[],\"score\":0}";
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Callable<String>> submits = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            submits.add(() -> {
                go.await();
                var result = given().contentType("application/json")
                        .body(body)
                        .when()
                        .post("/api/quiz-attempts/" + id + "/submit")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
                return result.getString("attempt.submittedAt") + " " + result.getDouble("attempt.percent") + " "
                        + result.getString("result");
            });
        }
        List<Future<String>> results = new ArrayList<>();
        submits.forEach(s -> results.add(pool.submit(s)));
        go.countDown();
        Set<String> submittedAt = new HashSet<>();
        for (Future<String> result : results) {
            submittedAt.add(result.get());
        }
        pool.shutdown();
        assertEquals(1, submittedAt.size(), "every submit returns the one grading: " + submittedAt);
        assertTrue(
                submittedAt.iterator().next().endsWith(" 100.0 /api/quiz-attempts/" + id + "/result"),
                submittedAt.toString());
        given().when()
                .get("/api/quiz-attempts/" + id + "/result")
                .then()
                .statusCode(200)
                .body("questions.correct", equalTo(List.of(true, true, true, true)));
        QuizAttempt graded = QuizFixtures.attempt(id);
        assertEquals(100.0, graded.percent, 1e-9);
        assertNotNull(graded.submittedAt);
        // the lesson was completed once, by the one grading
        long completions = QuarkusTransaction.requiringNew().call(() -> (Long) QuizAttempt.getEntityManager()
                .createNativeQuery("select count(*) from lesson_progress p join quiz q on q.lesson_id = p.lesson_id"
                        + " where p.person_id = ?1 and q.id = ?2 and p.completed_at is not null")
                .setParameter(1, personId)
                .setParameter(2, quiz.id)
                .getSingleResult());
        assertEquals(1, completions);
        // a double click on the page's submit button: the same result, no second grading
        Forms.post("/courses", "/quiz/attempts/" + id + "/submit", "questions", "4")
                .then()
                .statusCode(303);
        assertEquals(graded.submittedAt, QuizFixtures.attempt(id).submittedAt);
    }

    @Test
    @TestSecurity(user = "toanven-e", roles = "learner")
    @OidcSecurity(claims = @Claim(key = "sub", value = "toanven-e"))
    void theAttemptLimitIsEnforcedOnThePageAndThroughTheApi() {
        long personId = QuizFixtures.enrolled("toanven-e", SLUG);
        QuizFixtures.set(quiz.id, "max_attempts = 2");
        for (int i = 0; i < 2; i++) {
            long id = given().contentType("application/json")
                    .when()
                    .post(API + "/attempts")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getLong("attempt.id");
            given().contentType("application/json")
                    .body("{}")
                    .when()
                    .post("/api/quiz-attempts/" + id + "/submit")
                    .then()
                    .statusCode(200);
        }
        Forms.post(QUIZ_PAGE, QUIZ_PAGE + "/attempts")
                .then()
                .statusCode(409)
                .body(containsString("dùng hết số lần làm bài"));
        given().contentType("application/json")
                .when()
                .post(API + "/attempts")
                .then()
                .statusCode(409)
                .body("status", equalTo(409));
        given().when()
                .get(QUIZ_PAGE)
                .then()
                .statusCode(200)
                .body(containsString("dùng hết số lần làm bài"))
                .body(containsString("Lần 2"));
        given().when()
                .get(API)
                .then()
                .statusCode(200)
                .body("canStart", equalTo(false))
                .body("attemptsLeft", equalTo(0))
                .body("attempts.size()", equalTo(2));
        assertEquals(
                2,
                QuarkusTransaction.requiringNew()
                        .call(() -> QuizAttempt.listOfPerson(personId, quiz.id))
                        .size());
    }

    @Test
    @TestSecurity(user = "toanven-f", roles = "learner")
    @OidcSecurity(claims = @Claim(key = "sub", value = "toanven-f"))
    void theDelayBetweenAttemptsIsEnforcedOnThePageAndThroughTheApi() {
        long personId = QuizFixtures.enrolled("toanven-f", SLUG);
        QuizFixtures.set(quiz.id, "delay_minutes = 30");
        long first = startOnPage();
        Forms.post("/quiz/attempts/" + first, "/quiz/attempts/" + first + "/submit", "questions", "4")
                .then()
                .statusCode(303);
        Forms.post(QUIZ_PAGE, QUIZ_PAGE + "/attempts")
                .then()
                .statusCode(409)
                .body(containsString("Bạn có thể làm lại từ"));
        given().contentType("application/json")
                .when()
                .post(API + "/attempts")
                .then()
                .statusCode(409);
        given().when().get(API).then().statusCode(200).body("canStart", equalTo(false));

        // half an hour later
        QuarkusTransaction.requiringNew()
                .run(() -> QuizAttempt.getEntityManager()
                        .createNativeQuery(
                                "update quiz_attempt set submitted_at = submitted_at - interval '31 minutes' where id = ?1")
                        .setParameter(1, first)
                        .executeUpdate());
        long second = given().contentType("application/json")
                .when()
                .post(API + "/attempts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("attempt.id");
        assertTrue(second != first);
        assertEquals(2, QuizFixtures.attempt(second).number);
        assertEquals(personId, QuizFixtures.attempt(second).personId);
    }

    @Test
    @TestSecurity(user = "toanven-g", roles = "learner")
    @OidcSecurity(claims = @Claim(key = "sub", value = "toanven-g"))
    void anotherLearnersAttemptIsNotFoundOnEveryPageAndEndpoint() {
        QuizFixtures.enrolled("toanven-g", SLUG);
        long other = QuizFixtures.enrolled("toanven-someone-else", SLUG);
        QuizAttempt theirs = quizzes.start(other, quiz);
        String base = "/quiz/attempts/" + theirs.id;
        given().when().get(base).then().statusCode(404);
        given().when().get(base + "/result").then().statusCode(404);
        Forms.post("/courses", base + "/answers", QuizFixtures.formFields(QuizFixtures.answers(theirs.id, false)))
                .then()
                .statusCode(404);
        Forms.post("/courses", base + "/submit", "questions", "4").then().statusCode(404);
        String api = "/api/quiz-attempts/" + theirs.id;
        given().when().get(api).then().statusCode(404).body("status", equalTo(404));
        given().when().get(api + "/result").then().statusCode(404);
        given().contentType("application/json")
                .body("{\"answers\":[]}")
                .when()
                .put(api + "/answers")
                .then()
                .statusCode(404);
        given().contentType("application/json")
                .body("{}")
                .when()
                .post(api + "/submit")
                .then()
                .statusCode(404);
        QuizAttempt untouched = QuizFixtures.attempt(theirs.id);
        assertTrue(untouched.isOpen());
    }

    @Test
    @TestSecurity(user = "toanven-h", roles = "learner")
    @OidcSecurity(claims = @Claim(key = "sub", value = "toanven-h"))
    void aPostedScoreOrCorrectFlagChangesNothing() {
        QuizFixtures.enrolled("toanven-h", SLUG);
        long id = startOnPage();
        List<String> fields = new ArrayList<>(List.of(QuizFixtures.formFields(QuizFixtures.answers(id, false))));
        fields.addAll(List.of("score", "100", "percent", "100", "passed", "true", "correct", "true"));
        Forms.post("/quiz/attempts/" + id, "/quiz/attempts/" + id + "/submit", fields.toArray(String[]::new))
                .then()
                .statusCode(303);
        assertEquals(0.0, QuizFixtures.attempt(id).percent, 1e-9);
        given().when()
                .get("/quiz/attempts/" + id + "/result")
                .then()
                .statusCode(200)
                .body(containsString("0%"))
                .body(containsString("Chưa đạt"));

        long second = given().contentType("application/json")
                .when()
                .post(API + "/attempts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("attempt.id");
        given().contentType("application/json")
                .body("{\"score\":100,\"percent\":100,\"passed\":true,\"correct\":true,\"answers\":"
                        + "[{\"question\":3,\"options\":[],\"correct\":true,\"score\":100}]}")
                .when()
                .post("/api/quiz-attempts/" + second + "/submit")
                .then()
                .statusCode(200)
                .body("attempt.percent", equalTo(0.0f))
                .body("attempt.passed", equalTo(false));
    }
}
