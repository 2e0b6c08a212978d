package vn.hocso.content;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hocso.DemoCourses;
import vn.hocso.content.ImportReport.Outcome;
import vn.hocso.course.Course;
import vn.hocso.course.Lesson;

@QuarkusTest
class CourseImportTest {

    @Inject
    CourseImporter importer;

    Path root;

    @BeforeEach
    void freshFolder() throws IOException {
        root = Files.createTempDirectory("hocso-import-test");
    }

    private ImportReport importFrom(Path folder) {
        return importer.importAll(folder, MessageBundles.get(ContentMessages.class));
    }

    private static Map<String, Long> lessonIds(String slug) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Lesson.listAllOfCourse(Course.findBySlug(slug).orElseThrow().id).stream()
                        .collect(Collectors.toMap(l -> l.key, l -> l.id)));
    }

    private static boolean exists(String slug) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Course.findBySlug(slug).isPresent());
    }

    private Path copyOfDemoCourse(String slug, String as) throws IOException {
        Path from = DemoCourses.FOLDER.resolve(slug);
        Path to = root.resolve(as);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return to;
    }

    @Test
    void reimportingTheDemoCoursesChangesNothing() {
        DemoCourses.ensureImported(importer);
        Map<String, Long> before = lessonIds("ky-nang-so-co-ban");
        ImportReport again = DemoCourses.ensureImported(importer);
        assertEquals(3, again.count(Outcome.UNCHANGED), again.toString());
        assertEquals(before, lessonIds("ky-nang-so-co-ban"));
    }

    @Test
    void aChangedCourseIsUpdatedInPlaceAndKeepsItsLessonIds() throws IOException {
        Path course = copyOfDemoCourse("an-toan-tren-mang", "doi-moi");
        Files.writeString(
                course.resolve("course.yaml"),
                Files.readString(course.resolve("course.yaml")) + "slug: \"bai-test-cap-nhat\"\n");
        assertEquals(Outcome.CREATED, importFrom(root).courses().get(0).outcome());
        Map<String, Long> before = lessonIds("bai-test-cap-nhat");

        // edit a lesson's text, and drop a lesson from the course
        String yaml = Files.readString(course.resolve("course.yaml"));
        Path firstLesson;
        try (Stream<Path> lessons = Files.list(course.resolve("lessons"))) {
            firstLesson = lessons.sorted().findFirst().orElseThrow();
        }
        Files.writeString(firstLesson, Files.readString(firstLesson) + "\nMột đoạn mới được thêm vào.\n");
        String dropped = """
                      - id: mang-xa-hoi-an-toan
                        kind: text
                        file: lessons/07-mang-xa-hoi-an-toan.md
                """;
        assertTrue(yaml.contains(dropped));
        Files.writeString(course.resolve("course.yaml"), yaml.replace(dropped, ""));

        ImportReport report = importFrom(root);
        assertEquals(Outcome.UPDATED, report.courses().get(0).outcome(), report.toString());
        Map<String, Long> after = lessonIds("bai-test-cap-nhat");
        assertEquals(before, after, "every lesson keeps its id, the dropped one included");
        List<Lesson> active = QuarkusTransaction.requiringNew()
                .call(() -> Lesson.listActiveOfCourse(
                        Course.findBySlug("bai-test-cap-nhat").orElseThrow().id));
        assertEquals(before.size() - 1, active.size(), "the dropped lesson is retired, not deleted");
        assertTrue(active.get(0).bodyHtml.contains("Một đoạn mới được thêm vào."));
        assertEquals(Outcome.UNCHANGED, importFrom(root).courses().get(0).outcome());
    }

    @Test
    void aLessonsEnglishBodyIsTheEnMdFileBesideItAndGoesWhenTheFileGoes() throws IOException {
        Path course = copyOfDemoCourse("an-toan-tren-mang", "tieng-anh");
        Files.writeString(
                course.resolve("course.yaml"),
                Files.readString(course.resolve("course.yaml")) + "slug: \"bai-test-tieng-anh\"\n");
        Path firstLesson;
        try (Stream<Path> lessons = Files.list(course.resolve("lessons"))) {
            firstLesson = lessons.sorted().findFirst().orElseThrow();
        }
        Path english =
                firstLesson.resolveSibling(firstLesson.getFileName().toString().replace(".md", ".en.md"));
        Files.writeString(english, "## In English\n\nA <script>alert(1)</script> **safe** body.\n");
        assertEquals(Outcome.CREATED, importFrom(root).courses().get(0).outcome());
        Lesson lesson = firstLessonOf("bai-test-tieng-anh");
        assertTrue(lesson.bodyHtmlEn.contains("<h2>In English</h2>"), lesson.bodyHtmlEn);
        assertTrue(lesson.bodyHtmlEn.contains("<strong>safe</strong>"));
        assertFalse(lesson.bodyHtmlEn.contains("<script>"), "rendered and sanitised like the Vietnamese body");

        Files.delete(english);
        assertEquals(Outcome.UPDATED, importFrom(root).courses().get(0).outcome());
        assertEquals(null, firstLessonOf("bai-test-tieng-anh").bodyHtmlEn);
    }

    private static Lesson firstLessonOf(String slug) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Lesson.listActiveOfCourse(Course.findBySlug(slug).orElseThrow().id)
                        .get(0));
    }

    @Test
    void aBrokenCourseLeavesNoTraceAndDoesNotStopTheOthers() throws IOException {
        Path broken = copyOfDemoCourse("dich-vu-cong-truc-tuyen", "hong");
        Files.writeString(
                broken.resolve("course.yaml"),
                Files.readString(broken.resolve("course.yaml"))
                                .replaceFirst("file: \"?lessons/[^\\n]+", "file: lessons/khong-ton-tai.md")
                        + "slug: \"khoa-hoc-hong\"\n");
        Path fine = copyOfDemoCourse("ky-nang-so-co-ban", "tot");
        Files.writeString(
                fine.resolve("course.yaml"),
                Files.readString(fine.resolve("course.yaml")) + "slug: \"khoa-hoc-tot\"\n");

        ImportReport report = importFrom(root);
        ImportReport.CourseOutcome hong = report.courses().stream()
                .filter(c -> c.folder().equals("hong"))
                .findFirst()
                .orElseThrow();
        assertEquals(Outcome.REJECTED, hong.outcome());
        assertEquals(1, hong.problems().size(), hong.problems().toString());
        assertEquals("hong/course.yaml", hong.problems().get(0).file());
        assertTrue(hong.problems().get(0).line() > 1);
        assertTrue(hong.problems().get(0).message().contains("lessons/khong-ton-tai.md"));
        assertFalse(exists("khoa-hoc-hong"));
        assertTrue(exists("khoa-hoc-tot"));
    }

    @Test
    void twoFoldersWithTheSameSlugAreBothRefused() throws IOException {
        for (String folder : List.of("mot", "hai")) {
            Path course = copyOfDemoCourse("ky-nang-so-co-ban", folder);
            Files.writeString(
                    course.resolve("course.yaml"),
                    Files.readString(course.resolve("course.yaml")) + "slug: \"trung-ma\"\n");
        }
        ImportReport report = importFrom(root);
        assertEquals(2, report.count(Outcome.REJECTED));
        ImportProblem problem = report.courses().get(0).problems().get(0);
        assertEquals("hai/course.yaml", problem.file());
        assertNotEquals(1, problem.line());
        assertTrue(problem.message().contains("mot/course.yaml"), problem.message());
        assertFalse(exists("trung-ma"));
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"learner", "admin"})
    @OidcSecurity(claims = @Claim(key = "sub", value = "import-page-admin"))
    void theImportPageShowsProblemsEscapedOnce() throws IOException {
        Path broken = copyOfDemoCourse("dich-vu-cong-truc-tuyen", "ngoac-kep");
        Files.writeString(
                broken.resolve("course.yaml"),
                Files.readString(broken.resolve("course.yaml"))
                                .replaceFirst("file: \"?lessons/[^\\n]+", "file: lessons/<b>&x.md")
                        + "slug: \"khoa-ngoac-kep\"\n");
        ImportReport report = importFrom(root);
        String message = report.courses().get(0).problems().get(0).message();
        assertTrue(message.contains("\"lessons/<b>&x.md\""), message);
        QuarkusTransaction.requiringNew().run(() -> ContentImport.record("test", OffsetDateTime.now(), report));
        String html = given().when()
                .get("/admin/courses")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(html.contains("&quot;lessons/&lt;b&gt;&amp;x.md&quot;"), html);
        assertFalse(html.contains("&amp;quot;"), "escaped twice");
        assertFalse(html.contains("<b>&x"), "not escaped");
    }

    @Test
    void aSymlinkedLessonFileIsRefusedAndItsTargetNeverRead() throws IOException {
        Path secret = Files.createTempFile("hocso-secret", ".md");
        Files.writeString(secret, "# Bí mật\n\nmat-khau-may-chu\n");
        Path course = copyOfDemoCourse("ky-nang-so-co-ban", "lien-ket");
        Path lesson = course.resolve("lessons/01-bat-dau-su-dung.md");
        Files.delete(lesson);
        Files.createSymbolicLink(lesson, secret);
        Files.writeString(
                course.resolve("course.yaml"),
                Files.readString(course.resolve("course.yaml")) + "slug: \"khoa-lien-ket\"\n");

        ImportReport report = importFrom(root);
        ImportReport.CourseOutcome outcome = report.courses().get(0);
        assertEquals(Outcome.REJECTED, outcome.outcome());
        assertTrue(
                outcome.problems().stream()
                        .anyMatch(p -> p.message().contains("lessons/01-bat-dau-su-dung.md")
                                && p.message().contains("liên kết")),
                outcome.problems().toString());
        assertFalse(exists("khoa-lien-ket"));
    }

    @Test
    void aSymlinkedFolderInsideACourseIsRefusedToo() throws IOException {
        Path outside = Files.createTempDirectory("hocso-outside");
        Path course = copyOfDemoCourse("ky-nang-so-co-ban", "thu-muc-lien-ket");
        try (Stream<Path> files = Files.list(course.resolve("lessons"))) {
            for (Path file : files.toList()) {
                Files.move(file, outside.resolve(file.getFileName().toString()));
            }
        }
        Files.delete(course.resolve("lessons"));
        Files.createSymbolicLink(course.resolve("lessons"), outside);
        Files.writeString(
                course.resolve("course.yaml"),
                Files.readString(course.resolve("course.yaml")) + "slug: \"khoa-thu-muc-lien-ket\"\n");
        ImportReport.CourseOutcome outcome = importFrom(root).courses().get(0);
        assertEquals(Outcome.REJECTED, outcome.outcome());
        assertTrue(
                outcome.problems().stream().allMatch(p -> p.message().contains("liên kết")),
                outcome.problems().toString());
        assertFalse(exists("khoa-thu-muc-lien-ket"));
    }

    @Test
    void aPathLeavingTheFolderIsRefused() throws IOException {
        Path course = copyOfDemoCourse("ky-nang-so-co-ban", "ra-ngoai");
        Files.writeString(
                course.resolve("course.yaml"),
                Files.readString(course.resolve("course.yaml"))
                                .replaceFirst("file: lessons/01-bat-dau-su-dung.md", "file: ../../etc/passwd")
                        + "slug: \"khoa-ra-ngoai\"\n");
        ImportReport.CourseOutcome outcome = importFrom(root).courses().get(0);
        assertEquals(Outcome.REJECTED, outcome.outcome());
        assertTrue(
                outcome.problems().stream().anyMatch(p -> p.message().contains("ngoài thư mục")),
                outcome.problems().toString());
    }

    @Test
    void aMissingCoursesFolderIsReportedNotThrown() {
        ImportReport report = importFrom(root.resolve("khong-co"));
        assertEquals(1, report.count(Outcome.REJECTED));
    }
}
