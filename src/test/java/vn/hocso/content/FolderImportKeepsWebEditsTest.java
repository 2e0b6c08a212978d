package vn.hocso.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.hocso.content.ImportReport.Outcome;
import vn.hocso.course.Course;

/** Issue 12: the courses folder, imported at every start, never silently undoes what a trainer published on the web. */
@QuarkusTest
class FolderImportKeepsWebEditsTest {

    static final String SLUG = "khoa-giu-ban-web";

    @Inject
    CourseImporter importer;

    @Inject
    Drafts drafts;

    private final ContentMessages msg = MessageBundles.get(ContentMessages.class);

    private static String yaml(String title) {
        return """
                title: {vi: "%s"}
                summary: {vi: "Khoá học thử việc nhập thư mục."}
                category: ky-nang-so
                targetGroups: [citizen]
                level: basic
                status: published
                modules:
                  - id: chinh
                    title: {vi: "Nội dung"}
                    lessons:
                      - id: bai-doc
                        kind: text
                        file: lessons/01.md
                """.formatted(title);
    }

    private static Path folder(String title) throws IOException {
        Path root = Files.createTempDirectory("hocso-keep");
        Path dir = root.resolve(SLUG);
        Files.createDirectories(dir.resolve("lessons"));
        Files.writeString(dir.resolve("course.yaml"), yaml(title));
        Files.writeString(dir.resolve("lessons/01.md"), "---\ntitle: {vi: \"Bài đọc\"}\n---\nNội dung.\n");
        return root;
    }

    private static String title() {
        return QuarkusTransaction.requiringNew()
                .call(() -> Course.findBySlug(SLUG).orElseThrow().titleVi);
    }

    private static Outcome outcome(ImportReport report) {
        return report.courses().stream()
                .filter(c -> SLUG.equals(c.slug()))
                .findFirst()
                .orElseThrow()
                .outcome();
    }

    @Test
    void aCoursePublishedFromTheEditorIsKeptAndReportedAndAZipStillReplacesIt() throws IOException {
        assertEquals(Outcome.CREATED, outcome(importer.importAll(folder("Bản thư mục 1"), msg)));
        // the folder still updates a course that came from it
        assertEquals(Outcome.UPDATED, outcome(importer.importAll(folder("Bản thư mục 2"), msg)));
        assertEquals("Bản thư mục 2", title());

        // a trainer publishes an edit on the web
        Course course = QuarkusTransaction.requiringNew()
                .call(() -> Course.findBySlug(SLUG).orElseThrow());
        drafts.change(course, "test", "details", null, yaml -> yaml.titleVi = "Bản sửa trên web");
        drafts.submit(course, "test", msg);
        drafts.publish(course, "test", msg);
        assertEquals("Bản sửa trên web", title());

        // the next start-up import of an older (or changed) folder keeps the web version and says so
        ImportReport report = importer.importAll(folder("Bản thư mục 3"), msg);
        assertEquals(Outcome.KEPT, outcome(report));
        assertEquals("Bản sửa trên web", title());
        assertEquals(1, report.problems().size());
        assertTrue(
                report.problems().get(0).message().contains("zip"),
                report.problems().toString());

        // an admin who wants the folder's version imports it as a zip, on purpose
        ImportReport zip = importer.importFiles(
                Map.of(
                        SLUG,
                        Map.of(
                                "course.yaml",
                                yaml("Bản thư mục 3").getBytes(StandardCharsets.UTF_8),
                                "lessons/01.md",
                                "---\ntitle: {vi: \"Bài đọc\"}\n---\nNội dung.\n".getBytes(StandardCharsets.UTF_8))),
                true,
                msg);
        assertEquals(Outcome.UPDATED, outcome(zip));
        assertEquals("Bản thư mục 3", title());
        // a course that came from a zip is not undone by the folder either
        assertEquals(Outcome.KEPT, outcome(importer.importAll(folder("Bản thư mục 4"), msg)));
        assertEquals("Bản thư mục 3", title());
    }
}
