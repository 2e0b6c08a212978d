package vn.hocso.quiz;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.hocso.content.CourseImporter;

@QuarkusTest
class QuizBankImportTest {

    static final String SLUG = "kiem-tra-nhap-lai";

    @Inject
    CourseImporter importer;

    @Inject
    QuizService quizzes;

    private static Map<String, QuizQuestion> questions(long quizId) {
        return QuarkusTransaction.requiringNew().call(() -> QuizQuestion.listAllOfQuiz(quizId).stream()
                .collect(Collectors.toMap(q -> q.key, q -> q)));
    }

    private static Map<String, Long> optionIds(long questionId) {
        return QuarkusTransaction.requiringNew().call(() -> QuizOption.listOfQuestions(List.of(questionId)).stream()
                .collect(Collectors.toMap(o -> o.key, o -> o.id)));
    }

    @Test
    void reimportingAnEditedQuizKeepsQuestionAndOptionIdsAndRetiresWhatWasDropped() {
        Quiz quiz = QuizFixtures.importCourse(importer, SLUG, QuizFixtures.QUIZ);
        Map<String, QuizQuestion> before = questions(quiz.id);
        Map<String, Long> optionsBefore = optionIds(before.get("thu-do").id);
        long personId = QuizFixtures.enrolled("nhap-lai", SLUG);
        QuizAttempt attempt = quizzes.start(personId, quiz);

        // reword a question and an option, change the settings, drop the text question
        String edited = QuizFixtures.QUIZ
                .replace("Thủ đô của Việt Nam là thành phố nào?", "Thủ đô nước ta là thành phố nào?")
                .replace("{vi: \"Huế\"}", "{vi: \"Thành phố Huế\"}")
                .replace("passPercent: 75", "passPercent: 50");
        edited = edited.substring(0, edited.indexOf("  - id: tong-dai"));
        Quiz again = QuizFixtures.importCourse(importer, SLUG, edited);
        assertEquals(quiz.id, again.id);
        assertEquals(50, again.passPercent);
        Map<String, QuizQuestion> after = questions(quiz.id);
        for (String key : before.keySet()) {
            assertEquals(before.get(key).id, after.get(key).id, key);
        }
        assertEquals(optionsBefore, optionIds(before.get("thu-do").id));
        assertTrue(after.get("thu-do").stemVi.contains("Thủ đô nước ta"));
        assertTrue(after.get("tong-dai").retired, "a dropped question is retired, not deleted");
        assertFalse(after.get("thu-do").retired);

        // the attempt started before the change still works and can be graded and reviewed
        QuizAttempt graded = quizzes.submit(personId, attempt.id, QuizFixtures.answers(attempt.id, true));
        assertEquals(100.0, graded.percent, 1e-9);
        // a new attempt draws from the active bank only
        QuizAttempt next = quizzes.start(personId, QuizFixtures.quiz(SLUG));
        assertEquals(3, QuarkusTransaction.requiringNew().call(() -> AttemptQuestion.listOfAttempt(next.id)).size());
    }

    @Test
    void theQuizApiIsDocumentedInOpenApi() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/quizzes/{slug}/{key}/attempts"))
                .body(containsString("/api/quiz-attempts/{id}/submit"))
                .body(containsString("/api/quiz-attempts/{id}/answers"))
                .body(containsString("/api/quiz-attempts/{id}/result"))
                .body(containsString("\"Quizzes\""));
    }
}
