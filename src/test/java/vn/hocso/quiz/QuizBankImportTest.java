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
        return QuarkusTransaction.requiringNew()
                .call(() -> QuizQuestion.listAllOfQuiz(quizId).stream().collect(Collectors.toMap(q -> q.key, q -> q)));
    }

    private static Map<String, Long> optionIds(long questionId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> QuizOption.listOfQuestions(List.of(questionId)).stream()
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
        assertEquals(
                3,
                QuarkusTransaction.requiringNew()
                        .call(() -> AttemptQuestion.listOfAttempt(next.id))
                        .size());
    }

    @Test
    void aCorrectOptionDroppedByAReimportIsOwedOnlyByTheAttemptsThatShowedIt() {
        String slug = "kiem-tra-bo-dap-an";
        Quiz quiz = QuizFixtures.importCourse(importer, slug, QuizFixtures.QUIZ);
        long personId = QuizFixtures.enrolled("bo-dap-an", slug);
        QuizAttempt before = quizzes.start(personId, quiz);

        QuizFixtures.importCourse(
                importer,
                slug,
                QuizFixtures.QUIZ.replace(
                        "      - {id: mat-khau, text: {vi: \"Mật-khẩu-ĐÚNG\"}, correct: true}\n", ""));
        long dropped = optionIds(questions(quiz.id).get("ma-bao-mat").id).get("mat-khau");

        // the attempt that showed the dropped option still owes it: choosing only the other one is partial
        AttemptQuestion showedBoth = multipleChoice(before.id);
        assertTrue(List.of(showedBoth.optionIds).contains(dropped));
        Map<Integer, QuizService.Posted> answers = QuizFixtures.answers(before.id, true);
        List<String> both = answers.get(showedBoth.position).codes();
        assertEquals(2, both.size());
        answers.put(showedBoth.position, new QuizService.Posted(both.subList(0, 1), null));
        quizzes.submit(personId, before.id, answers);
        assertEquals(1, multipleChoice(before.id).score, 1e-9);

        // a new attempt never shows it, so choosing every correct option it shows is fully correct
        QuizAttempt after = quizzes.start(personId, QuizFixtures.quiz(slug));
        assertFalse(List.of(multipleChoice(after.id).optionIds).contains(dropped));
        QuizAttempt graded = quizzes.submit(personId, after.id, QuizFixtures.answers(after.id, true));
        assertEquals(100.0, graded.percent, 1e-9);
        AttemptQuestion scored = multipleChoice(after.id);
        assertEquals(2, scored.score, 1e-9);
        assertTrue(scored.correct);
    }

    /** The attempt's multiple choice question, as stored now. */
    private static AttemptQuestion multipleChoice(long attemptId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> AttemptQuestion.listOfAttempt(attemptId).stream()
                        .filter(item -> QuizQuestion.<QuizQuestion>findById(item.questionId)
                                .isMultiple())
                        .findFirst()
                        .orElseThrow());
    }

    @Test
    void theQuizApiIsDocumentedInOpenApi() {
        given().when()
                .get("/api/openapi?format=json")
                .then()
                .statusCode(200)
                .body(containsString("/api/quizzes/{slug}/{key}/attempts"))
                .body(containsString("/api/quiz-attempts/{id}/submit"))
                .body(containsString("/api/quiz-attempts/{id}/answers"))
                .body(containsString("/api/quiz-attempts/{id}/result"))
                .body(containsString("\"Quizzes\""));
    }
}
