package vn.hocso.video;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
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
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.hocso.content.ContentMessages;
import vn.hocso.content.CourseImporter;
import vn.hocso.content.ImportReport;
import vn.hocso.course.Lesson;
import vn.hocso.storage.ObjectStore;

@QuarkusTest
class VideoImportTest {

    @Inject
    CourseImporter importer;

    private ImportReport importFrom(Path root) {
        return importer.importAll(root, MessageBundles.get(ContentMessages.class));
    }

    @Test
    void importingACourseUploadsItsVideoAndCaptionsOnceAndAMissingFileIsNoError() throws IOException {
        Path root = Files.createTempDirectory("hocso-video-import");
        Path course = root.resolve("khoa-video-nhap");
        Files.createDirectories(course.resolve("media"));
        Files.copy(
                VideoFixtures.clip(2, 320, 180),
                course.resolve("media/gioi-thieu.mp4"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(course.resolve("media/gioi-thieu.vi.vtt"), "WEBVTT\n\n00:00.000 --> 00:01.000\nXin chào\n");
        Files.writeString(course.resolve("course.yaml"), """
                title: {vi: "Khoá nhập video"}
                summary: {vi: "Video từ thư mục khoá học."}
                category: ky-nang-so
                targetGroups: [citizen]
                level: basic
                status: published
                modules:
                  - id: phan-1
                    title: {vi: "Phần 1"}
                    lessons:
                      - id: gioi-thieu
                        kind: video
                        title: {vi: "Giới thiệu"}
                        minutes: 1
                        video: media/gioi-thieu.mp4
                        captions: {vi: media/gioi-thieu.vi.vtt, en: media/khong-co.en.vtt}
                      - id: chua-co-video
                        kind: video
                        title: {vi: "Chưa có video"}
                        minutes: 1
                        video: media/chua-quay.mp4
                """);
        ImportReport first = importFrom(root);
        assertTrue(first.problems().isEmpty(), first.problems().toString());
        Lesson lesson = VideoFixtures.lesson("khoa-video-nhap", "gioi-thieu");
        List<Video> versions = QuarkusTransaction.requiringNew().call(() -> Video.<Video>list("lessonId", lesson.id));
        assertEquals(1, versions.size());
        assertEquals(VideoState.QUEUED, versions.get(0).status);
        assertEquals(
                List.of("vi"),
                QuarkusTransaction.requiringNew().call(() -> VideoCaption.listOfLesson(lesson.id)).stream()
                        .map(c -> c.lang)
                        .toList());

        // the same file again: nothing new is uploaded
        importFrom(root);
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> Video.count("lessonId", lesson.id)));

        Lesson missing = VideoFixtures.lesson("khoa-video-nhap", "chua-co-video");
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> Video.count("lessonId", missing.id)));
    }

    @Test
    void aCaptionsKeyThatIsNotALanguageIsReportedWithItsLine() throws IOException {
        Path root = Files.createTempDirectory("hocso-video-import-bad");
        Path course = root.resolve("khoa-video-loi");
        Files.createDirectories(course);
        Files.writeString(course.resolve("course.yaml"), """
                title: {vi: "Khoá lỗi"}
                summary: {vi: "Phụ đề sai."}
                category: ky-nang-so
                targetGroups: [citizen]
                level: basic
                modules:
                  - id: phan-1
                    title: {vi: "Phần 1"}
                    lessons:
                      - id: bai-1
                        kind: video
                        title: {vi: "Bài 1"}
                        video: media/a.mp4
                        captions: {fr: media/a.fr.vtt, vi: ../ngoai.vtt}
                """);
        ImportReport report = importFrom(root);
        assertEquals(2, report.problems().size(), report.problems().toString());
        assertTrue(
                report.problems().stream().allMatch(p -> p.line() == 14),
                report.problems().toString());
        given().when().get("/courses/khoa-video-loi").then().statusCode(404);
        assertTrue(report.problems().get(0).message().contains("fr")
                || report.problems().get(1).message().contains("fr"));
        given().when().get("/courses").then().statusCode(200).body(containsString("<"));
    }

    @Inject
    ObjectStore store;

    @Test
    void captionsInAnImportedZipBecomeTheLessonsCaptionsTrack() throws IOException {
        String vtt = "WEBVTT\n\n00:00.000 --> 00:01.000\nPhụ đề từ tệp zip\n";
        byte[] yaml = """
                title: {vi: "Khoá zip có phụ đề"}
                summary: {vi: "Phụ đề đi cùng tệp zip."}
                category: ky-nang-so
                targetGroups: [citizen]
                level: basic
                status: published
                modules:
                  - id: phan-1
                    title: {vi: "Phần 1"}
                    lessons:
                      - id: co-phu-de
                        kind: video
                        title: {vi: "Có phụ đề"}
                        minutes: 1
                        video: media/khong-co-trong-zip.mp4
                        captions: {vi: media/co-phu-de.vi.vtt}
                """.getBytes(StandardCharsets.UTF_8);
        ImportReport report = importer.importFiles(
                Map.of(
                        "khoa-zip-phu-de",
                        Map.of("course.yaml", yaml, "media/co-phu-de.vi.vtt", vtt.getBytes(StandardCharsets.UTF_8))),
                true,
                MessageBundles.get(ContentMessages.class));
        assertTrue(report.problems().isEmpty(), report.problems().toString());
        Lesson lesson = VideoFixtures.lesson("khoa-zip-phu-de", "co-phu-de");
        List<VideoCaption> captions =
                QuarkusTransaction.requiringNew().call(() -> VideoCaption.listOfLesson(lesson.id));
        assertEquals(List.of("vi"), captions.stream().map(c -> c.lang).toList());
        try (var in = store.get(captions.get(0).objectKey)) {
            assertEquals(vtt, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
