package vn.hocso.quiz;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.hocso.Forms;
import vn.hocso.content.CourseImporter;

/** Issue 12: publishing an edited quiz does not change the rules of an attempt already under way. */
@QuarkusTest
class AttemptRulesTest {

    static final String SLUG = "khoa-luat-lam-bai";

    @Inject
    CourseImporter importer;

    @Test
    @TestSecurity(user = "luat", roles = "learner")
    @OidcSecurity(claims = @Claim(key = "sub", value = "attempt-rules"))
    void anAttemptInProgressIsGradedAgainstThePassMarkItStartedWith() {
        Quiz quiz = QuizFixtures.importCourse(importer, SLUG, """
                settings:
                  passPercent: 50
                  shuffleQuestions: false
                questions:
                  - id: mot
                    type: truefalse
                    stem: {vi: "Câu một?"}
                    answer: true
                  - id: hai
                    type: truefalse
                    stem: {vi: "Câu hai?"}
                    answer: false
                """);
        QuizFixtures.enrolled("attempt-rules", SLUG);
        String page = "/courses/" + SLUG + "/lessons/" + QuizFixtures.LESSON + "/quiz";
        Response started = Forms.post(page, page + "/attempts");
        String location = started.header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        // the quiz is edited and published while the learner answers: now 100 % is needed
        QuizFixtures.set(quiz.id, "pass_percent = 100");

        Map<Integer, QuizService.Posted> half = new HashMap<>(QuizFixtures.answers(id, true));
        half.put(2, QuizFixtures.answers(id, false).get(2));
        Forms.post("/quiz/attempts/" + id, "/quiz/attempts/" + id + "/submit", QuizFixtures.formFields(half))
                .then()
                .statusCode(303);
        QuizAttempt graded = QuizFixtures.attempt(id);
        assertEquals(50.0, graded.percent, 0.001);
        assertTrue(graded.passed, "graded against the 50 % it started with");
    }

    static final String KEYED = """
            settings:
              passPercent: 100
              shuffleQuestions: false
              shuffleOptions: false
            questions:
              - id: mot
                type: truefalse
                stem: {vi: "Câu-một-LÚC-BẮT-ĐẦU?"}
                answer: true
              - id: hai
                type: single
                stem: {vi: "Câu hai?"}
                options:
                  - {id: a, text: {vi: "Phương án A"}, correct: true}
                  - {id: b, text: {vi: "Phương án B"}}
              - id: ba
                type: text
                stem: {vi: "Câu ba?"}
                answers: ["Hà Nội"]
            """;

    @Test
    @TestSecurity(user = "luat-khoa", roles = "learner")
    @OidcSecurity(claims = @Claim(key = "sub", value = "attempt-rules-key"))
    void anAttemptInProgressKeepsTheQuestionsAndAnswerKeyItStartedWith() {
        String slug = "khoa-luat-dap-an";
        QuizFixtures.importCourse(importer, slug, KEYED);
        QuizFixtures.enrolled("attempt-rules-key", slug);
        String page = "/courses/" + slug + "/lessons/" + QuizFixtures.LESSON + "/quiz";
        String location = Forms.post(page, page + "/attempts").header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        // right by the key the attempt started with
        Map<Integer, QuizService.Posted> right = QuizFixtures.answers(id, true);

        // a draft is published while the learner answers: every answer changes, and the first question's text
        QuizFixtures.importCourse(
                importer,
                slug,
                KEYED.replace("answer: true", "answer: false")
                        .replace(", correct: true}", "}")
                        .replace("{vi: \"Phương án B\"}}", "{vi: \"Phương án B\"}, correct: true}")
                        .replace("[\"Hà Nội\"]", "[\"Huế\"]")
                        .replace("Câu-một-LÚC-BẮT-ĐẦU?", "Câu-một-ĐÃ-SỬA?"));

        given().when()
                .get("/quiz/attempts/" + id)
                .then()
                .statusCode(200)
                .body(containsString("Câu-một-LÚC-BẮT-ĐẦU?"), not(containsString("Câu-một-ĐÃ-SỬA?")));
        Forms.post("/quiz/attempts/" + id, "/quiz/attempts/" + id + "/submit", QuizFixtures.formFields(right))
                .then()
                .statusCode(303);
        QuizAttempt graded = QuizFixtures.attempt(id);
        assertEquals(100.0, graded.percent, 0.001);
        assertTrue(graded.passed, "graded against the answer key it started with");
        given().when()
                .get("/quiz/attempts/" + id + "/result")
                .then()
                .statusCode(200)
                .body(containsString("Câu-một-LÚC-BẮT-ĐẦU?"));

        // the next attempt is drawn from the published bank and graded by its key
        String next = Forms.post(page, page + "/attempts").header("Location");
        long nextId = Long.parseLong(next.substring(next.lastIndexOf('/') + 1));
        given().when().get("/quiz/attempts/" + nextId).then().body(containsString("Câu-một-ĐÃ-SỬA?"));
        Forms.post(
                        "/quiz/attempts/" + nextId,
                        "/quiz/attempts/" + nextId + "/submit",
                        QuizFixtures.formFields(QuizFixtures.answers(nextId, true)))
                .then()
                .statusCode(303);
        assertEquals(100.0, QuizFixtures.attempt(nextId).percent, 0.001);
    }
}
