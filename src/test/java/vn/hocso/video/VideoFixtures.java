package vn.hocso.video;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.MessageBundles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import vn.hocso.content.ContentMessages;
import vn.hocso.content.CourseImporter;
import vn.hocso.course.Course;
import vn.hocso.course.Lesson;

/** Test clips made with ffmpeg, a course of video lessons, and uploads the way a browser sends them. */
public final class VideoFixtures {

    public static final String COURSE = "khoa-video-thu";
    static final Path ROOT = Path.of("target/video-fixtures");
    static final HttpClient HTTP = HttpClient.newHttpClient();

    private VideoFixtures() {}

    /** A short test-pattern clip with a tone, made once: seconds long, width×height. */
    public static Path clip(int seconds, int width, int height) {
        Path clip = ROOT.resolve("clip-" + seconds + "s-" + width + "x" + height + ".mp4");
        if (Files.exists(clip)) {
            return clip;
        }
        try {
            Files.createDirectories(ROOT);
            Process ffmpeg = new ProcessBuilder(
                            "ffmpeg",
                            "-v",
                            "error",
                            "-y",
                            "-f",
                            "lavfi",
                            "-i",
                            "testsrc=duration=" + seconds + ":size=" + width + "x" + height + ":rate=25",
                            "-f",
                            "lavfi",
                            "-i",
                            "sine=frequency=440:duration=" + seconds,
                            "-c:v",
                            "libx264",
                            "-preset",
                            "ultrafast",
                            "-pix_fmt",
                            "yuv420p",
                            "-c:a",
                            "aac",
                            "-shortest",
                            "-movflags",
                            "+faststart",
                            clip.toString())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(ffmpeg.getInputStream().readAllBytes());
            if (ffmpeg.waitFor() != 0) {
                throw new IllegalStateException("ffmpeg failed: " + out);
            }
            return clip;
        } catch (IOException e) {
            throw new IllegalStateException("ffmpeg is needed for video tests (apt-get install ffmpeg)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A published course whose lessons are all video lessons, one per key; video files named but absent. */
    public static void ensureCourse(CourseImporter importer, String slug, List<String> lessonKeys) {
        try {
            Path folder = ROOT.resolve("courses").resolve(slug);
            Files.createDirectories(folder);
            StringBuilder yaml = new StringBuilder("""
                    title: {vi: "Khoá học video thử nghiệm", en: "Video test course"}
                    summary: {vi: "Bài học video để kiểm thử.", en: "Video lessons for tests."}
                    category: ky-nang-so
                    targetGroups: [citizen]
                    level: basic
                    status: published
                    authors: [gv]
                    modules:
                      - id: phan-1
                        title: {vi: "Phần 1"}
                        lessons:
                    """);
            for (String key : lessonKeys) {
                yaml.append("      - id: ")
                        .append(key)
                        .append("\n        kind: video\n        title: {vi: \"Bài ")
                        .append(key)
                        .append("\"}\n        minutes: 1\n        video: media/")
                        .append(key)
                        .append(".mp4\n");
            }
            Files.writeString(folder.resolve("course.yaml"), yaml);
            var report = importer.importAll(folder.getParent(), MessageBundles.get(ContentMessages.class));
            if (!report.problems().isEmpty()) {
                throw new IllegalStateException(report.problems().toString());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Lesson lesson(String slug, String key) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Lesson.getActive(Course.findBySlug(slug).orElseThrow().id, key));
    }

    /** Gives the lesson a ready video made from {@code clip} through the real pipeline (upload, check, ffmpeg). */
    public static void makeReady(String slug, String key, Path clip) {
        Lesson lesson = lesson(slug, key);
        if (QuarkusTransaction.requiringNew()
                .call(() -> LessonVideo.findPlaying(lesson.id))
                .isPresent()) {
            return;
        }
        VideoUploads uploads =
                io.quarkus.arc.Arc.container().instance(VideoUploads.class).get();
        vn.hocso.job.JobWorker worker = io.quarkus.arc.Arc.container()
                .instance(vn.hocso.job.JobWorker.class)
                .get();
        try {
            VideoUploads.Started started = uploads.start(lesson, null, Files.size(clip), "video/mp4");
            upload(started, Files.readAllBytes(clip));
            uploads.confirm(lesson.id, started.id());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // run the transcodes here; where the app's own worker is on (browser tests) it may have taken this one first
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (QuarkusTransaction.requiringNew()
                .call(() -> LessonVideo.findPlaying(lesson.id))
                .isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the video of " + slug + "/" + key + " did not become ready");
            }
            if (!worker.runNext(VideoUploads.TRANSCODE)) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
            }
        }
    }

    /** Sends a file to the store with the upload's presigned POST form, as js/video-upload.js does. */
    public static HttpResponse<String> upload(VideoUploads.Started started, byte[] bytes) {
        return upload(started.url(), started.fields(), bytes);
    }

    /** The same, from the JSON answer of the upload resource ({@code url} and {@code fields}). */
    public static HttpResponse<String> upload(io.restassured.response.Response opened, byte[] bytes) {
        return upload(opened.jsonPath().getString("url"), opened.jsonPath().getMap("fields"), bytes);
    }

    /** A multipart form POST like a browser's FormData: the fields in order, then the file. */
    public static HttpResponse<String> upload(String url, Map<String, ?> fields, byte[] bytes) {
        String boundary = "----hocsoFormBoundary" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"video.mp4\"\r\n"
                        + "Content-Type: video/mp4\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static HttpResponse<byte[]> get(String url) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
