package vn.hocso.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hocso.DemoCourses;
import vn.hocso.TestMessages;
import vn.hocso.quiz.Counting;
import vn.hocso.quiz.QuestionType;
import vn.hocso.quiz.QuizDefinition;
import vn.hocso.quiz.QuizDefinition.QuestionDefinition;
import vn.hocso.quiz.ReviewPolicy;

class QuizFileTest {

    private static final Set<String> CATEGORIES = Set.of("ky-nang-so", "dich-vu-cong", "an-toan-thong-tin");
    private static final ContentMessages MSG = TestMessages.of(ContentMessages.class);

    @TempDir
    Path root;

    static final String QUIZ = """
            settings:
              draw: 3
              timeLimitMinutes: 10
              maxAttempts: 2
              delayMinutes: 5
              passPercent: 60
              counting: last
              review: answers
            questions:
              - id: mot
                type: single
                tags: [wifi]
                stem: {vi: "Câu **một**", en: "Question one"}
                options:
                  - {id: a, text: {vi: "Đúng"}, correct: true}
                  - {id: b, text: {vi: "Sai"}}
                feedback: {vi: "Vì sao"}
              - id: hai
                type: multiple
                weight: 2
                stem: {vi: "Câu hai"}
                options:
                  - {id: a, text: {vi: "A"}, correct: true}
                  - {id: b, text: {vi: "B"}, correct: true}
                  - {id: c, text: {vi: "C"}}
              - id: ba
                type: truefalse
                stem: {vi: "Câu ba"}
                answer: false
              - id: bon
                type: text
                stem: {vi: "Câu bốn"}
                answers: ["Hà Nội", "Thủ đô Hà Nội"]
            """;

    private CourseFolder.Result read(String quiz) throws IOException {
        Path dir = root.resolve("khoa");
        Files.createDirectories(dir.resolve("lessons"));
        Files.createDirectories(dir.resolve("quiz"));
        Files.writeString(dir.resolve("course.yaml"), CourseFolderTest.COURSE);
        Files.writeString(dir.resolve("lessons/01.md"), CourseFolderTest.LESSON);
        Files.writeString(dir.resolve("quiz/final.yaml"), quiz);
        return CourseFolder.read(root, dir, CATEGORIES, MSG);
    }

    @Test
    void aValidQuizFileGivesItsSettingsAndQuestionsToTheQuizLesson() throws IOException {
        CourseFolder.Result result = read(QUIZ);
        assertEquals(List.of(), result.problems());
        QuizDefinition quiz = result.definition().orElseThrow().quizzes().get("kiem-tra");
        assertEquals(3, quiz.settings().drawCount());
        assertEquals(10, quiz.settings().timeLimitMinutes());
        assertEquals(2, quiz.settings().maxAttempts());
        assertEquals(5, quiz.settings().delayMinutes());
        assertEquals(60, quiz.settings().passPercent());
        assertEquals(Counting.LAST, quiz.settings().counting());
        assertEquals(ReviewPolicy.ANSWERS, quiz.settings().review());
        assertEquals(
                List.of("mot", "hai", "ba", "bon"),
                quiz.questions().stream().map(QuestionDefinition::key).toList());
        QuestionDefinition first = quiz.questions().get(0);
        assertTrue(first.stemVi().contains("<strong>một</strong>"), first.stemVi());
        assertEquals(List.of("wifi"), first.tags());
        assertEquals(2, quiz.questions().get(1).weight());
        QuestionDefinition trueFalse = quiz.questions().get(2);
        assertEquals(
                List.of("true", "false"),
                trueFalse.options().stream().map(o -> o.key()).toList());
        assertEquals(
                List.of(false, true),
                trueFalse.options().stream().map(o -> o.correct()).toList());
        assertEquals(List.of("Hà Nội", "Thủ đô Hà Nội"), quiz.questions().get(3).accepted());
    }

    @Test
    void theDefaultsAreTheWholeBankShuffledWithoutLimitsAndAPassMarkOf80() throws IOException {
        CourseFolder.Result result = read(QUIZ.substring(QUIZ.indexOf("questions:")));
        QuizDefinition.Settings s =
                result.definition().orElseThrow().quizzes().get("kiem-tra").settings();
        assertEquals(
                new QuizDefinition.Settings(
                        null,
                        java.util.Map.of(),
                        true,
                        true,
                        null,
                        null,
                        0,
                        80,
                        Counting.HIGHEST,
                        ReviewPolicy.MISTAKES),
                s);
    }

    @Test
    void problemsInAQuizFileAreReportedWithTheQuizFileAndLine() throws IOException {
        String broken = QUIZ.replace(
                        "  - {id: b, text: {vi: \"Sai\"}}", "  - {id: b, text: {vi: \"Sai\"}, correct: true}")
                .replace("type: text", "type: essay")
                .replace("answer: false", "answer: false\n    options: []")
                .replace("draw: 3", "draw: 9");
        CourseFolder.Result result = read(broken);
        assertTrue(result.definition().isEmpty());
        assertEquals(
                List.of(
                        "khoa/quiz/final.yaml:15: quiz_single_correct",
                        "khoa/quiz/final.yaml:30: quiz_not_for_type(options,truefalse)",
                        "khoa/quiz/final.yaml:32: bad_value(type,multiple, single, text, truefalse)",
                        "khoa/quiz/final.yaml:2: quiz_draw_too_many(9,3)"),
                result.problems().stream().map(ImportProblem::toString).toList());
    }

    @Test
    void aDuplicateQuestionIdAndAnUnknownFieldAreReported() throws IOException {
        CourseFolder.Result result = read(QUIZ.replace("id: hai", "id: mot").replace("weight: 2", "wieght: 2"));
        assertEquals(
                Set.of(
                        "khoa/quiz/final.yaml:18: quiz_duplicate_id(mot)",
                        "khoa/quiz/final.yaml:20: unknown_field(wieght)"),
                result.problems().stream().map(ImportProblem::toString).collect(Collectors.toSet()));
    }

    @Test
    void aDrawPerTagNeedsEnoughQuestionsWithThatTag() throws IOException {
        CourseFolder.Result result = read(QUIZ.replace("draw: 3", "draw: {wifi: 2}"));
        assertEquals(
                List.of("khoa/quiz/final.yaml:2: quiz_draw_tag(wifi,2,1)"),
                result.problems().stream().map(ImportProblem::toString).toList());
    }

    @Test
    void eachDemoCourseHasAFinalQuizOfAtLeast15QuestionsMixingAllFourTypes() {
        for (String slug : List.of("ky-nang-so-co-ban", "dich-vu-cong-truc-tuyen", "an-toan-tren-mang")) {
            CourseFolder.Result result =
                    CourseFolder.read(DemoCourses.FOLDER, DemoCourses.FOLDER.resolve(slug), CATEGORIES, MSG);
            assertEquals(List.of(), result.problems(), slug);
            CourseDefinition course = result.definition().orElseThrow();
            QuizDefinition quiz = course.quizzes().get(course.finalQuizKey());
            assertTrue(
                    quiz.questions().size() >= 15,
                    slug + " has " + quiz.questions().size() + " questions");
            assertEquals(
                    Set.of(QuestionType.values()),
                    quiz.questions().stream().map(QuestionDefinition::type).collect(Collectors.toSet()),
                    slug);
            assertTrue(
                    quiz.settings().timeLimitMinutes() != null
                            && quiz.settings().maxAttempts() != null,
                    slug);
        }
    }
}
