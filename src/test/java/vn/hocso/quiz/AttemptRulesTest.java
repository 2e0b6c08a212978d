package vn.hocso.quiz;

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
}
