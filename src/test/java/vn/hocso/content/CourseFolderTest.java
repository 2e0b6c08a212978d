package vn.hocso.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hocso.TestMessages;
import vn.hocso.account.TargetGroup;

class CourseFolderTest {

    private static final Set<String> CATEGORIES = Set.of("ky-nang-so", "dich-vu-cong");
    private static final ContentMessages MSG = TestMessages.of(ContentMessages.class);

    @TempDir
    Path root;

    static final String COURSE = """
            title:
              vi: "Kỹ năng số"
              en: "Digital skills"
            summary:
              vi: "Tóm tắt"
            category: ky-nang-so
            targetGroups: [citizen, civil-servant]
            level: basic
            status: published
            completion:
              finalQuiz: kiem-tra
            modules:
              - id: mo-dau
                title:
                  vi: "Mở đầu"
                lessons:
                  - id: bai-1
                    kind: text
                    file: lessons/01.md
                  - id: video-1
                    kind: video
                    title: {vi: "Video"}
                    minutes: 4
                    video: media/a.mp4
                    required: false
              - id: ket-thuc
                title: {vi: "Kết thúc"}
                lessons:
                  - id: kiem-tra
                    kind: quiz
                    title: {vi: "Kiểm tra"}
                    file: quiz/final.yaml
            """;

    static final String LESSON = """
            ---
            title:
              vi: "Bài 1"
              en: "Lesson 1"
            minutes: 7
            ---
            ## Nội dung

            Xin chào <script>alert(1)</script>
            """;

    private Path course(String slug, String yaml) throws IOException {
        Path dir = root.resolve(slug);
        Files.createDirectories(dir.resolve("lessons"));
        Files.createDirectories(dir.resolve("quiz"));
        Files.writeString(dir.resolve("course.yaml"), yaml);
        Files.writeString(dir.resolve("lessons/01.md"), LESSON);
        Files.writeString(dir.resolve("quiz/final.yaml"), """
                questions:
                  - {id: mot, type: truefalse, stem: {vi: "Câu một"}, answer: true}
                """);
        return dir;
    }

    private CourseFolder.Result read(Path dir) {
        return CourseFolder.read(root, dir, CATEGORIES, MSG);
    }

    @Test
    void aValidFolderGivesTheWholeCourseInOrder() throws IOException {
        CourseFolder.Result result = read(course("ky-nang-so", COURSE));
        assertEquals(List.of(), result.problems());
        CourseDefinition def = result.definition().orElseThrow();
        assertEquals("ky-nang-so", def.slug());
        assertEquals("Kỹ năng số", def.titleVi());
        assertEquals(List.of(TargetGroup.CITIZEN, TargetGroup.CIVIL_SERVANT), def.targetGroups());
        assertEquals("kiem-tra", def.finalQuizKey());
        assertEquals(
                List.of("mo-dau", "ket-thuc"),
                def.modules().stream().map(m -> m.key()).toList());
        CourseDefinition.LessonDefinition text = def.modules().get(0).lessons().get(0);
        assertEquals("Bài 1", text.titleVi());
        assertEquals("Lesson 1", text.titleEn());
        assertEquals(7, text.minutes());
        assertTrue(text.bodyHtml().contains("&lt;script&gt;"), text.bodyHtml());
        assertEquals(false, def.modules().get(0).lessons().get(1).required());
        assertEquals(11, def.totalMinutes());
    }

    @Test
    void theHashChangesWithALessonFileAndOnlyThen() throws IOException {
        Path dir = course("ky-nang-so", COURSE);
        String first = read(dir).definition().orElseThrow().sourceHash();
        assertEquals(first, read(dir).definition().orElseThrow().sourceHash());
        Files.writeString(dir.resolve("lessons/01.md"), LESSON + "\nThêm một dòng.\n");
        assertNotEquals(first, read(dir).definition().orElseThrow().sourceHash());
    }

    @Test
    void aMissingTitleIsReportedWithFileAndLine() throws IOException {
        CourseFolder.Result result = read(course("ky-nang-so", COURSE.replace("""
                title:
                  vi: "Kỹ năng số"
                  en: "Digital skills"
                """, "")));
        assertTrue(result.definition().isEmpty());
        assertEquals(
                List.of(new ImportProblem("ky-nang-so/course.yaml", 1, "missing_field(title)")), result.problems());
    }

    @Test
    void aLessonFileThatDoesNotExistIsReportedWhereItIsNamed() throws IOException {
        CourseFolder.Result result = read(course("ky-nang-so", COURSE.replace("lessons/01.md", "lessons/99.md")));
        assertTrue(result.definition().isEmpty());
        assertEquals(
                List.of(new ImportProblem("ky-nang-so/course.yaml", 19, "file_missing(lessons/99.md)")),
                result.problems());
    }

    @Test
    void invalidYamlIsReportedAtTheBrokenLine() throws IOException {
        CourseFolder.Result result = read(course("ky-nang-so", COURSE.replace("level: basic", "level: [basic")));
        assertTrue(result.definition().isEmpty());
        assertEquals(1, result.problems().size(), result.problems().toString());
        ImportProblem problem = result.problems().get(0);
        assertEquals("ky-nang-so/course.yaml", problem.file());
        assertTrue(problem.line() >= 9 && problem.line() <= 11, problem.toString());
        assertTrue(problem.message().startsWith("yaml_invalid"), problem.toString());
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() throws IOException {
        String broken = COURSE.replace("category: ky-nang-so", "category: nau-an")
                .replace("level: basic", "level: expert")
                .replace("id: bai-1", "id: Bài 1")
                .replace("file: quiz/final.yaml", "file: ../../etc/passwd");
        CourseFolder.Result result = read(course("ky-nang-so", broken));
        List<String> messages =
                result.problems().stream().map(ImportProblem::toString).toList();
        assertTrue(
                messages.contains("ky-nang-so/course.yaml:6: bad_value(category,dich-vu-cong, ky-nang-so)"),
                messages.toString());
        assertTrue(
                messages.contains("ky-nang-so/course.yaml:8: bad_value(level,advanced, basic, intermediate)"),
                messages.toString());
        assertTrue(messages.contains("ky-nang-so/course.yaml:17: bad_id(Bài 1)"), messages.toString());
        assertTrue(messages.contains("ky-nang-so/course.yaml:32: file_outside(../../etc/passwd)"), messages.toString());
    }

    @Test
    void aLessonWithoutFrontMatterIsReportedInTheLessonFile() throws IOException {
        Path dir = course("ky-nang-so", COURSE);
        Files.writeString(dir.resolve("lessons/01.md"), "## Không có phần đầu\n");
        assertEquals(
                List.of(new ImportProblem("ky-nang-so/lessons/01.md", 1, "front_matter_missing")),
                read(dir).problems());
    }

    @Test
    void frontMatterProblemsPointAtTheLineInTheLessonFile() throws IOException {
        Path dir = course("ky-nang-so", COURSE);
        Files.writeString(dir.resolve("lessons/01.md"), "---\ntitle:\n  en: \"Only English\"\nminutes: 5\n---\nText\n");
        assertEquals(
                List.of(new ImportProblem("ky-nang-so/lessons/01.md", 3, "missing_field(vi)")),
                read(dir).problems());
    }

    @Test
    void unknownFieldsAndDuplicateIdsAreCaught() throws IOException {
        String broken = COURSE.replace("status: published", "status: published\ncolour: red")
                .replace("id: video-1", "id: bai-1");
        List<String> messages = read(course("ky-nang-so", broken)).problems().stream()
                .map(ImportProblem::toString)
                .toList();
        assertTrue(messages.contains("ky-nang-so/course.yaml:10: unknown_field(colour)"), messages.toString());
        assertTrue(messages.contains("ky-nang-so/course.yaml:21: duplicate_id(bai-1)"), messages.toString());
    }

    @Test
    void theFinalQuizMustBeAQuizLessonOfTheCourse() throws IOException {
        List<String> messages =
                read(course("ky-nang-so", COURSE.replace("finalQuiz: kiem-tra", "finalQuiz: bai-1")))
                        .problems()
                        .stream()
                        .map(ImportProblem::toString)
                        .toList();
        assertEquals(List.of("ky-nang-so/course.yaml:11: final_quiz_unknown(bai-1)"), messages);
    }
}
