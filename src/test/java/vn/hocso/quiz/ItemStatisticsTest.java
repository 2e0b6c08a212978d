package vn.hocso.quiz;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hocso.content.CourseImporter;

/**
 * Item statistics on a dataset with known answers: five learners, three one-point questions, who got what right
 * fixed in advance, so facility, discrimination, option counts and the score distribution can be worked out by hand.
 */
@QuarkusTest
class ItemStatisticsTest {

    static final String SLUG = "kiem-tra-thong-ke";

    static final String QUIZ = """
            settings:
              shuffleQuestions: false
              shuffleOptions: false
              passPercent: 60
            questions:
              - id: c1
                type: single
                stem: {vi: "Câu 1"}
                options:
                  - {id: a, text: {vi: "A1"}, correct: true}
                  - {id: b, text: {vi: "B1"}}
                  - {id: c, text: {vi: "C1"}}
              - id: c2
                type: truefalse
                stem: {vi: "Câu 2"}
                answer: true
              - id: c3
                type: text
                stem: {vi: "Câu 3"}
                answers: ["ba"]
            """;

    /** Rows: learners; columns: questions; 1 = answered right. */
    static final int[][] MATRIX = {
        {1, 1, 1},
        {1, 1, 0},
        {1, 0, 0},
        {0, 1, 0},
        {1, 0, 1},
    };

    @Inject
    CourseImporter importer;

    @Inject
    QuizService quizzes;

    @Inject
    ItemStatistics statistics;

    Quiz quiz;

    @BeforeEach
    void gradedAttemptsOfKnownAnswers() {
        quiz = QuizFixtures.importCourse(importer, SLUG, QUIZ);
        long graded = QuarkusTransaction.requiringNew().call(() -> QuizAttempt.count("quizId = ?1", quiz.id));
        if (graded > 0) {
            return;
        }
        for (int learner = 0; learner < MATRIX.length; learner++) {
            long personId = QuizFixtures.enrolled("thong-ke-" + learner, SLUG);
            QuizAttempt attempt = quizzes.start(personId, quiz);
            Map<Integer, QuizService.Posted> right = QuizFixtures.answers(attempt.id, true);
            Map<Integer, QuizService.Posted> wrong = QuizFixtures.answers(attempt.id, false);
            Map<Integer, QuizService.Posted> answers = new HashMap<>();
            for (int q = 0; q < 3; q++) {
                answers.put(q + 1, MATRIX[learner][q] == 1 ? right.get(q + 1) : wrong.get(q + 1));
            }
            quizzes.submit(personId, attempt.id, answers);
        }
        // an attempt still open does not count
        quizzes.start(QuizFixtures.enrolled("thong-ke-open", SLUG), quiz);
    }

    /** Pearson correlation, worked out here independently of PostgreSQL. */
    static double pearson(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / y.length;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /** The item's score against the share of the other two points each learner got. */
    static double discrimination(int item) {
        double[] x = new double[MATRIX.length];
        double[] rest = new double[MATRIX.length];
        for (int l = 0; l < MATRIX.length; l++) {
            x[l] = MATRIX[l][item];
            rest[l] = (MATRIX[l][0] + MATRIX[l][1] + MATRIX[l][2] - MATRIX[l][item]) / 2.0;
        }
        return pearson(x, rest);
    }

    @Test
    void facilityIsTheShareOfAttemptsThatGotTheQuestionRight() {
        List<ItemStatistics.Row> rows = statistics.items(quiz.id, AttemptApi.language("vi"));
        assertEquals(
                List.of(5L, 5L, 5L),
                rows.stream().map(ItemStatistics.Row::shown).toList());
        assertEquals(0.8, rows.get(0).facility(), 1e-9);
        assertEquals(0.6, rows.get(1).facility(), 1e-9);
        assertEquals(0.4, rows.get(2).facility(), 1e-9);
    }

    @Test
    void discriminationIsTheCorrelationOfTheItemWithTheRestOfTheTest() {
        List<ItemStatistics.Row> rows = statistics.items(quiz.id, AttemptApi.language("vi"));
        // worked by hand: 0, -0.3/√0.84 and 0.1/√0.36
        assertEquals(0.0, discrimination(0), 1e-9);
        assertEquals(-0.3 / Math.sqrt(0.84), discrimination(1), 1e-9);
        assertEquals(0.1 / Math.sqrt(0.36), discrimination(2), 1e-9);
        for (int item = 0; item < 3; item++) {
            assertEquals(discrimination(item), rows.get(item).discrimination(), 1e-9, "item " + (item + 1));
        }
    }

    @Test
    void everyOptionCountsHowOftenItWasChosen() {
        List<ItemStatistics.Row> rows = statistics.items(quiz.id, AttemptApi.language("vi"));
        assertEquals(
                List.of(4L, 1L, 0L),
                rows.get(0).options().stream()
                        .map(ItemStatistics.OptionCount::count)
                        .toList());
        // true/false: "true" is right, chosen by learners 1, 2 and 4
        assertEquals(
                List.of("Đúng", "Sai"),
                rows.get(1).options().stream()
                        .map(ItemStatistics.OptionCount::label)
                        .toList());
        assertEquals(
                List.of(3L, 2L),
                rows.get(1).options().stream()
                        .map(ItemStatistics.OptionCount::count)
                        .toList());
        assertEquals(List.of(), rows.get(2).options());
    }

    @Test
    void theScoreDistributionCountsGradedAttemptsByTenths() {
        List<ItemStatistics.Bucket> buckets = statistics.distribution(quiz.id);
        assertEquals(10, buckets.size());
        long[] counts = buckets.stream().mapToLong(ItemStatistics.Bucket::count).toArray();
        // scores: 100, 66.7, 33.3, 33.3, 66.7
        assertEquals(2, counts[3]);
        assertEquals(2, counts[6]);
        assertEquals(1, counts[9]);
        assertEquals(5, java.util.Arrays.stream(counts).sum());
        assertEquals(100, buckets.get(3).width());
        ItemStatistics.Summary summary = statistics.summary(quiz.id);
        assertEquals(5, summary.attempts());
        assertEquals(5, summary.learners());
        assertEquals(3, summary.passed());
        assertEquals(60.0, summary.meanPercent(), 1e-9);
    }

    @Test
    void aQuestionNobodyHasSeenHasNoFiguresYet() {
        QuizFixtures.importCourse(importer, SLUG, QUIZ + """
                  - id: c4
                    type: truefalse
                    stem: {vi: "Câu 4"}
                    answer: false
                """);
        ItemStatistics.Row row =
                statistics.items(quiz.id, AttemptApi.language("vi")).get(3);
        assertEquals(0, row.shown());
        assertNull(row.facility());
        assertNull(row.discrimination());
    }

    @Test
    @TestSecurity(
            user = "binh",
            roles = {"learner", "trainer"})
    @OidcSecurity(claims = @Claim(key = "sub", value = "thong-ke-trainer"))
    void theTrainerSeesTheFiguresOnTheStatisticsPage() {
        given().when()
                .get("/courses/" + SLUG + "/lessons/" + QuizFixtures.LESSON + "/quiz/stats")
                .then()
                .statusCode(200)
                .body(containsString("5 lượt làm bài đã chấm của 5 học viên"))
                .body(containsString("class=\"facility\">80%"))
                .body(containsString("class=\"discrimination\">-0.33"))
                .body(containsString("<meter class=\"bar\" min=\"0\" max=\"100\" value=\"100\" aria-label="));
    }
}
