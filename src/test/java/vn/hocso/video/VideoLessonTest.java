package vn.hocso.video;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hocso.Forms;
import vn.hocso.account.Person;
import vn.hocso.content.CourseImporter;
import vn.hocso.course.Lesson;
import vn.hocso.job.Job;
import vn.hocso.job.JobStatus;
import vn.hocso.job.JobWorker;
import vn.hocso.job.Jobs;
import vn.hocso.storage.ObjectStore;

@QuarkusTest
class VideoLessonTest {

    static final String COURSE = VideoFixtures.COURSE;
    static final List<String> LESSONS = List.of(
            "v-upload",
            "v-html",
            "v-play",
            "v-cover",
            "v-forge",
            "v-flood",
            "v-shared",
            "v-corrupt",
            "v-empty",
            "v-replace",
            "v-rerun",
            "v-sweep",
            "v-captions",
            "v-pending",
            "v-ticket");

    @Inject
    CourseImporter importer;

    @Inject
    @io.quarkus.cache.CacheName(HeartbeatThrottle.CACHE)
    io.quarkus.cache.Cache throttleBuckets;

    @Inject
    VideoUploads uploads;

    @Inject
    JobWorker worker;

    @Inject
    Jobs jobs;

    @Inject
    TranscodeJob transcodeJob;

    @Inject
    ObjectStore store;

    @Inject
    EntityManager em;

    @Inject
    WatchTickets tickets;

    @Inject
    Watchers watchers;

    @ConfigProperty(name = "hocso.video.ticket-secret")
    String ticketSecret;

    @BeforeEach
    void course() {
        VideoFixtures.ensureCourse(importer, COURSE, LESSONS);
    }

    private static String page(String key) {
        return "/courses/" + COURSE + "/lessons/" + key;
    }

    private static String trainerPage(String key) {
        return "/trainer/courses/" + COURSE + "/lessons/" + key + "/video";
    }

    private void drain() {
        while (worker.runNext(VideoUploads.TRANSCODE)) {
            // run every due transcode, whichever test queued it
        }
    }

    /** The lesson's video through the real pipeline: presigned POST form, confirm, ffmpeg; reused once ready. */
    private Video transcoded(String key, Path clip) throws IOException {
        Lesson lesson = VideoFixtures.lesson(COURSE, key);
        Optional<Video> playing = QuarkusTransaction.requiringNew().call(() -> LessonVideo.findPlaying(lesson.id));
        if (playing.isPresent()) {
            return playing.get();
        }
        VideoUploads.Started started = uploads.start(lesson, null, Files.size(clip), "video/mp4");
        assertEquals(
                204, VideoFixtures.upload(started, Files.readAllBytes(clip)).statusCode());
        uploads.confirm(lesson.id, started.id());
        drain();
        Video video = QuarkusTransaction.requiringNew().call(() -> Video.<Video>findById(started.id()));
        assertEquals(VideoState.READY, video.status, "error: " + video.errorCode);
        return video;
    }

    private void fakeReady(String key, int durationMs) {
        long lessonId = VideoFixtures.lesson(COURSE, key).id;
        QuarkusTransaction.requiringNew().run(() -> {
            if (LessonVideo.findPlaying(lessonId).isPresent()) {
                return;
            }
            Number id = (Number) em.createNativeQuery("""
                    insert into video (lesson_id, status, source_key, prefix, duration_ms)
                    values (?1, 'ready', 'none', 'videos/fake/', ?2) returning id""")
                    .setParameter(1, lessonId)
                    .setParameter(2, durationMs)
                    .getSingleResult();
            em.createNativeQuery("""
                    insert into lesson_video (lesson_id, video_id) values (?1, ?2)
                    on conflict (lesson_id) do update set video_id = excluded.video_id""")
                    .setParameter(1, lessonId)
                    .setParameter(2, id.longValue())
                    .executeUpdate();
        });
    }

    private static void enrol() {
        Forms.post("/courses/" + COURSE, "/courses/" + COURSE + "/enrol").then().statusCode(303);
    }

    /** What the lesson page hands its player for heartbeats: the CSRF token and the watch ticket. */
    private record Watching(Forms.Csrf csrf, String ticket) {

        Watching withTicket(String other) {
            return new Watching(csrf, other);
        }
    }

    private static Watching watching(String key) {
        Forms.Csrf csrf = Forms.csrfFrom(page(key));
        String html =
                given().when().get(page(key)).then().statusCode(200).extract().asString();
        Matcher ticket = Pattern.compile("data-ticket=\"([^\"]+)\"").matcher(html);
        assertTrue(ticket.find(), "no watch ticket on " + page(key));
        return new Watching(csrf, ticket.group(1));
    }

    private static Response beat(Watching w, String key, String watched, int position) {
        var request = given().redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .cookie("csrf-token", w.csrf().cookie())
                .formParam("csrf-token", w.csrf().field())
                .formParam("watched", watched)
                .formParam("position", position);
        if (w.ticket() != null) {
            request.formParam("ticket", w.ticket());
        }
        return request.when().post(page(key) + "/video/heartbeat");
    }

    private static long personOf(String subject) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Person.findBySubject(subject).orElseThrow().id);
    }

    private void rewindClock(String subject, String key, String interval) {
        long lessonId = VideoFixtures.lesson(COURSE, key).id;
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                update video_watch set last_beat_at = now() - cast(?3 as interval),
                                       started_at = now() - cast(?3 as interval)
                where lesson_id = ?1 and person_id = (select id from person where subject = ?2)""")
                        .setParameter(1, lessonId)
                        .setParameter(2, subject)
                        .setParameter(3, interval)
                        .executeUpdate());
    }

    private static Response trainerPost(String key, String action, String... fields) {
        return Forms.post(trainerPage(key), trainerPage(key) + action, fields);
    }

    // --- VID-1: upload straight to the store, checked by content

    @Test
    @TestSecurity(
            user = "gv",
            roles = {"learner", "trainer"})
    @OidcSecurity(claims = @Claim(key = "sub", value = "video-trainer-upload"))
    void aTrainerUploadsStraightToTheStoreAndARealMp4IsAcceptedAndQueued() throws IOException {
        byte[] mp4 = Files.readAllBytes(VideoFixtures.clip(2, 320, 180));
        given().when()
                .get(trainerPage("v-upload"))
                .then()
                .statusCode(200)
                .body(containsString("class=\"panel video-upload\""))
                .body(containsString("Bài này chưa có video."));

        Response opened = trainerPost("v-upload", "/uploads", "size", String.valueOf(mp4.length));
        opened.then().statusCode(200);
        long id = opened.jsonPath().getLong("id");
        // the key is the server's own, the upload goes to the object store, not to the app, with a signed policy
        assertTrue(opened.jsonPath().getString("fields.key").startsWith("videos/"), opened.asString());
        assertNotNull(opened.jsonPath().getString("fields.x-amz-signature"), opened.asString());
        assertEquals(204, VideoFixtures.upload(opened, mp4).statusCode());

        trainerPost("v-upload", "/uploads/" + id + "/confirm")
                .then()
                .statusCode(200)
                .body("status", equalTo("queued"))
                .body("text", equalTo("Đang chờ xử lý"));
        Video video = QuarkusTransaction.requiringNew().call(() -> Video.<Video>findById(id));
        assertEquals(VideoState.QUEUED, video.status);
        assertEquals(mp4.length, video.sizeBytes);
        assertTrue(QuarkusTransaction.requiringNew()
                .call(() -> Job.findByDedupeKey("transcode:" + id))
                .isPresent());
        // confirming twice (a double click, a retry) changes nothing
        trainerPost("v-upload", "/uploads/" + id + "/confirm")
                .then()
                .statusCode(200)
                .body("status", equalTo("queued"));
    }

    @Test
    @TestSecurity(
            user = "gv",
            roles = {"learner", "trainer"})
    @OidcSecurity(claims = @Claim(key = "sub", value = "video-trainer-html"))
    void anHtmlFileNamedMp4IsRejectedAndDeletedWithNoRowLeft() {
        byte[] html = "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        Response opened = trainerPost("v-html", "/uploads", "size", String.valueOf(html.length));
        long id = opened.jsonPath().getLong("id");
        assertEquals(204, VideoFixtures.upload(opened, html).statusCode());
        String sourceKey = QuarkusTransaction.requiringNew().call(() -> Video.<Video>findById(id).sourceKey);
        assertTrue(store.exists(sourceKey));

        trainerPost("v-html", "/uploads/" + id + "/confirm")
                .then()
                .statusCode(415)
                .body("error", containsString("không phải video"));
        assertNull(QuarkusTransaction.requiringNew().call(() -> Video.findById(id)));
        assertFalse(store.exists(sourceKey));
        // too large is refused before anything is sent
        trainerPost("v-html", "/uploads", "size", String.valueOf(3L << 30))
                .then()
                .statusCode(413)
                .body("error", containsString("2 GB"));
    }

    @Test
    @TestSecurity(user = "hv", roles = "learner")
    @OidcSecurity(claims = @Claim(key = "sub", value = "video-learner-not-trainer"))
    void aLearnerCannotManageVideos() {
        given().redirects()
                .follow(false)
                .when()
                .get(trainerPage("v-upload"))
                .then()
                .statusCode(403);
        Forms.post("/courses", trainerPage("v-upload") + "/uploads", "size", "1000")
                .then()
                .statusCode(403);
    }

    // --- VID-2 and VID-3: transcoding, presigned playback

    @Test
    @TestSecurity(user = "hv", roles = "learner")
    @OidcSecurity(claims = @Claim(key = "sub", value = "video-learner-play"))
    void aTranscodedClipPlaysFromPresignedSegmentsThatTheStoreServesDirectly() throws IOException {
        Video video = transcoded("v-play", VideoFixtures.clip(5, 640, 360));
        assertTrue(video.durationMs >= 4900 && video.durationMs <= 5200, "duration " + video.durationMs);
        assertEquals(
                List.of("240p", "360p", "audio"),
                video.renditions.stream().map(Rendition::name).toList());
        enrol();
        String base = page("v-play") + "/video/" + video.id;

        String master = given().when()
                .get(base + "/master.m3u8")
                .then()
                .statusCode(200)
                .contentType(containsString("mpegurl"))
                .extract()
                .asString();
        assertTrue(master.contains("240p.m3u8") && master.contains("360p.m3u8"), master);
        assertFalse(master.contains("720p"), "no upscaling: " + master);

        for (String rendition : List.of("240p", "360p", "audio")) {
            String media = given().when()
                    .get(base + "/" + rendition + ".m3u8")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            List<String> segments = Arrays.stream(media.split("\n"))
                    .filter(l -> !l.startsWith("#"))
                    .toList();
            assertFalse(segments.isEmpty(), media);
            for (String segment : segments) {
                // fetched from S3Proxy itself: the app is not in between
                assertTrue(segment.startsWith("http://127.0.0.1:") && segment.contains("X-Amz-Signature="), segment);
                assertFalse(segment.contains(":" + io.restassured.RestAssured.port + "/"), segment);
                HttpResponse<byte[]> bytes = VideoFixtures.get(segment);
                assertEquals(200, bytes.statusCode(), segment);
                assertEquals(0x47, bytes.body()[0] & 0xFF, "an MPEG-TS segment starts with its sync byte");
            }
        }
        given().when().get(base + "/720p.m3u8").then().statusCode(404);

        // the lesson page has the player, resuming at 0, with a poster the store serves
        String lessonPage = given().when()
                .get(page("v-play"))
                .then()
                .statusCode(200)
                .body(containsString("class=\"player\""))
                .body(containsString("data-master=\"" + base + "/master.m3u8\""))
                .body(containsString("data-hls=\"/vendor/hls.js/hls.min.js?v="))
                .body(containsString("preload=\"none\""))
                .body(not(containsString("<script src=\"/vendor/hls.js")))
                .body(not(containsString("đang được chuẩn bị")))
                .extract()
                .asString();
        String poster =
                lessonPage.replaceAll("(?s).*poster=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
        HttpResponse<byte[]> image = VideoFixtures.get(poster);
        assertEquals(200, image.statusCode(), poster);
        assertEquals(0xFF, image.body()[0] & 0xFF, "a JPEG");
    }

    @Test
    @TestSecurity(user = "la", roles = "learner")
    @OidcSecurity(claims = @Claim(key = "sub", value = "video-stranger"))
    void aLearnerNotEnrolledGets403ForThePlaylist() throws IOException {
        Video video = transcoded("v-play", VideoFixtures.clip(5, 640, 360));
        String base = page("v-play") + "/video/" + video.id;
        given().when().get(base + "/master.m3u8").then().statusCode(403).body("error", containsString("đăng ký"));
        given().when().get(base + "/240p.m3u8").then().statusCode(403);
        // a watch ticket kept from before (say, an enrolment since withdrawn) does not let them record anything
        Forms.Csrf csrf = Forms.csrfFrom("/courses/" + COURSE);
        String kept =
                tickets.issue(watchers.keyOf(personOf("video-stranger")), VideoFixtures.lesson(COURSE, "v-play").id);
        beat(new Watching(csrf, kept), "v-play", "0-1000", 1000).then().statusCode(403);
    }

    @Test
    @TestSecurity(
            user = "gv",
            roles = {"learner", "trainer"})
    @OidcSecurity(claims = @Claim(key = "sub", value = "video-trainer-corrupt"))
    void aCorruptVideoEndsAsFailedWithAReasonNotAsAStuckJob() {
        byte[] corrupt = new byte[64 * 1024];
        new java.util.Random(7).nextBytes(corrupt);
        System.arraycopy(new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'}, 0, corrupt, 0, 12);
        Response opened = trainerPost("v-corrupt", "/uploads", "size", String.valueOf(corrupt.length));
        long id = opened.jsonPath().getLong("id");
        VideoFixtures.upload(opened, corrupt);
        trainerPost("v-corrupt", "/uploads/" + id + "/confirm")
                .then()
                .statusCode(200)
                .body("status", equalTo("queued"));
        drain();

        Video video = QuarkusTransaction.requiringNew().call(() -> Video.<Video>findById(id));
        assertEquals(VideoState.FAILED, video.status);
        assertEquals("unreadable", video.errorCode);
        Job job = QuarkusTransaction.requiringNew()
                .call(() -> Job.findByDedupeKey("transcode:" + id).orElseThrow());
        assertEquals(JobStatus.FAILED, job.status);
        assertEquals(1, job.attempts, "a corrupt file is not retried");
        given().when()
                .get(trainerPage("v-corrupt") + "/uploads/status")
                .then()
                .statusCode(200)
                .body("status", equalTo("failed"))
                .body("text", containsString("bị hỏng"));
    }

    @Test
    @TestSecurity(
            user = "gv",
            roles = {"learner", "trainer"})
    @OidcSecurity(claims = @Claim(key = "sub", value = "video-trainer-empty"))
    void aZeroLengthVideoEndsAsFailedWithAReason() throws IOException {
        byte[] mp4 = Files.readAllBytes(VideoFixtures.clip(2, 320, 180));
        Lesson lesson = VideoFixtures.lesson(COURSE, "v-empty");
        VideoUploads.Started started = uploads.start(lesson, null, mp4.length, "video/mp4");
        VideoFixtures.upload(started, mp4);
        uploads.confirm(lesson.id, started.id());
        // the object is emptied between the check and the transcoding
        String key = QuarkusTransaction.requiringNew().call(() -> Video.<Video>findById(started.id()).sourceKey);
        store.put(key, new ByteArrayInputStream(new byte[0]), 0, "video/mp4");
        drain();
        Video video = QuarkusTransaction.requiringNew().call(() -> Video.<Video>findById(started.id()));
        assertEquals(VideoState.FAILED, video.status);
        assertEquals("empty", video.errorCode);
        given().when().get(trainerPage("v-empty")).then().statusCode(200).body(containsString("Tệp rỗng"));
        // an empty upload is refused at once
        trainerPost("v-empty", "/uploads", "size", "0").then().statusCode(400);
    }

    @Test
    void aSecondRunOfThePlayingVersionLeavesItPlaying() throws Exception {
        Video video = transcoded("v-rerun", VideoFixtures.clip(2, 320, 180));
        Lesson lesson = VideoFixtures.lesson(COURSE, "v-rerun");
        Job job = QuarkusTransaction.requiringNew()
                .call(() -> Job.findByDedupeKey("transcode:" + video.id).orElseThrow());
        // two runs of one job overlap when its lease lapses: the later one passed the status check before the
        // earlier one published, so it runs on a version that is by now the playing one
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("update video set status = 'processing' where id = ?1")
                        .setParameter(1, video.id)
                        .executeUpdate());
        transcodeJob.run(job, percent -> {});

        assertEquals(
                VideoState.READY, QuarkusTransaction.requiringNew().call(() -> Video.<Video>findById(video.id)).status);
        assertEquals(
                Optional.of(video.id),
                QuarkusTransaction.requiringNew()
                        .call(() -> LessonVideo.findPlaying(lesson.id).map(v -> v.id)));
    }

    @Test
    @TestSecurity(
            user = "gv",
            roles = {"learner", "trainer"})
    @OidcSecurity(claims = @Claim(key = "sub", value = "video-trainer-replace"))
    void reuploadingSwapsTheWholeLadderAtOnce() throws IOException {
        Video first = transcoded("v-replace", VideoFixtures.clip(5, 640, 360));
        Lesson lesson = VideoFixtures.lesson(COURSE, "v-replace");
        Path small = VideoFixtures.clip(2, 320, 180);
        VideoUploads.Started started = uploads.start(lesson, null, Files.size(small), "video/mp4");
        VideoFixtures.upload(started, Files.readAllBytes(small));
        uploads.confirm(lesson.id, started.id());
        // while the new version is queued, learners still get the whole previous ladder
        assertEquals(
                first.id,
                QuarkusTransaction.requiringNew()
                        .call(() -> LessonVideo.findPlaying(lesson.id))
                        .orElseThrow()
                        .id);
        given().when()
                .get(trainerPage("v-replace") + "/uploads/status")
                .then()
                .body("status", equalTo("queued"))
                .body("replacing", equalTo(true));
        drain();

        assertEquals(
                started.id(),
                QuarkusTransaction.requiringNew()
                        .call(() -> LessonVideo.findPlaying(lesson.id))
                        .orElseThrow()
                        .id);
        assertEquals(
                VideoState.REPLACED,
                QuarkusTransaction.requiringNew().call(() -> Video.<Video>findById(first.id)).status);
        // a source smaller than 240p gets one rung at its own height, no upscaling
        given().when()
                .get(page("v-replace") + "/video/" + started.id() + "/master.m3u8")
                .then()
                .statusCode(200)
                .body(containsString("180p.m3u8"))
                .body(not(containsString("240p")));
        // a player still on the previous version finishes it
        given().when()
                .get(page("v-replace") + "/video/" + first.id + "/240p.m3u8")
                .then()
                .statusCode(200);
    }

    @Test
    @TestSecurity(
            user = "gv",
            roles = {"learner", "trainer"})
    @OidcSecurity(claims = @Claim(key = "sub", value = "video-trainer-sweep"))
    void anAbandonedUploadIsSweptADayLaterRowAndObject() {
        byte[] bytes = "abandoned".getBytes(StandardCharsets.UTF_8);
        Response opened = trainerPost("v-sweep", "/uploads", "size", String.valueOf(bytes.length));
        long id = opened.jsonPath().getLong("id");
        VideoFixtures.upload(opened, bytes);
        String key = QuarkusTransaction.requiringNew().call(() -> Video.<Video>findById(id).sourceKey);
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "update video set updated_at = now() - interval '25 hours' where id = ?1")
                        .setParameter(1, id)
                        .executeUpdate());
        QuarkusTransaction.requiringNew().run(() -> jobs.enqueue(VideoCleanup.KIND, Map.of(), "test-sweep", 1));
        assertTrue(worker.runNext(VideoCleanup.KIND));
        assertNull(QuarkusTransaction.requiringNew().call(() -> Video.findById(id)));
        assertFalse(store.exists(key));
    }

    @Test
    @TestSecurity(
            user = "gv",
            roles = {"learner", "trainer"})
    @OidcSecurity(claims = @Claim(key = "sub", value = "video-trainer-captions"))
    void aTrainerAttachesWebVttCaptionsThatThePlayerShows() {
        fakeReady("v-captions", 60_000);
        Forms.Csrf csrf = Forms.csrfFrom(trainerPage("v-captions"));
        byte[] vtt = "WEBVTT\n\n00:00.000 --> 00:02.000\nXin chào các bạn\n".getBytes(StandardCharsets.UTF_8);
        given().redirects()
                .follow(false)
                .cookie("csrf-token", csrf.cookie())
                .multiPart("csrf-token", csrf.field())
                .multiPart("lang", "vi")
                .multiPart("file", "phu-de.vtt", vtt, "text/vtt")
                .when()
                .post(trainerPage("v-captions") + "/captions")
                .then()
                .statusCode(303);
        given().redirects()
                .follow(false)
                .cookie("csrf-token", csrf.cookie())
                .multiPart("csrf-token", csrf.field())
                .multiPart("lang", "en")
                .multiPart("file", "x.vtt", "<html>".getBytes(StandardCharsets.UTF_8), "text/vtt")
                .when()
                .post(trainerPage("v-captions") + "/captions")
                .then()
                .statusCode(400)
                .body(containsString("WebVTT"));
        long lessonId = VideoFixtures.lesson(COURSE, "v-captions").id;
        List<VideoCaption> captions = QuarkusTransaction.requiringNew().call(() -> VideoCaption.listOfLesson(lessonId));
        assertEquals(1, captions.size());
        enrol();
        String html = given().when()
                .get(page("v-captions"))
                .then()
                .statusCode(200)
                .body(containsString("<track kind=\"captions\" srclang=\"vi\" label=\"Tiếng Việt\""))
                .body(containsString("Quản lý video của bài này"))
                .extract()
                .asString();
        String url =
                html.replaceAll("(?s).*<track [^>]*src=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
        HttpResponse<byte[]> fetched = VideoFixtures.get(url);
        assertEquals(200, fetched.statusCode());
        assertTrue(new String(fetched.body(), StandardCharsets.UTF_8).contains("Xin chào"));
    }

    // --- VID-4: resume and completion by watched coverage

    @Test
    @TestSecurity(user = "hv", roles = "learner")
    @OidcSecurity(claims = @Claim(key = "sub", value = "video-learner-cover"))
    void heartbeatsCompleteTheLessonAt90PercentAndNotAt89() {
        fakeReady("v-cover", 100_000);
        enrol();
        given().when()
                .get(page("v-cover"))
                .then()
                .statusCode(200)
                .body(containsString("data-resume=\"0.0\""))
                .body(not(containsString("<p class=\"done-badge\">Bạn đã học xong bài này")))
                // the mark the player's script reveals when a heartbeat answers "completed"
                .body(containsString("<p class=\"done-badge video-done\" hidden>"));
        Watching w = watching("v-cover");
        beat(w, "v-cover", "", 0).then().statusCode(200);
        rewindClock("video-learner-cover", "v-cover", "10 minutes");

        // 89 % watched, out of order and overlapping: not complete, whatever the playhead says
        beat(w, "v-cover", "50000-89000,0-30000,20000-50000", 60_000)
                .then()
                .statusCode(200)
                .body("percent", equalTo(89))
                .body("completed", equalTo(false));
        given().when()
                .get(page("v-cover"))
                .then()
                .body(not(containsString("<p class=\"done-badge\">Bạn đã học xong bài này")))
                .body(containsString("data-resume=\"60.0\""));
        // the same heartbeat again (a retry) adds nothing
        beat(w, "v-cover", "0-89000", 89_000).then().statusCode(200).body("coveredMs", equalTo(89_000));

        beat(w, "v-cover", "89000-90000", 61_000)
                .then()
                .statusCode(200)
                .body("percent", equalTo(90))
                .body("completed", equalTo(true));
        given().when()
                .get(page("v-cover"))
                .then()
                .body(containsString("<p class=\"done-badge\">Bạn đã học xong bài này"))
                .body(containsString("data-resume=\"61.0\""));

        // the coverage was saved but recording the completion failed (a crash between the two): the next
        // heartbeat records it
        long lessonId = VideoFixtures.lesson(COURSE, "v-cover").id;
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("delete from lesson_progress where lesson_id = ?1")
                        .setParameter(1, lessonId)
                        .executeUpdate());
        given().when()
                .get(page("v-cover"))
                .then()
                .body(not(containsString("<p class=\"done-badge\">Bạn đã học xong bài này")));
        beat(w, "v-cover", "", 61_000).then().statusCode(200).body("completed", equalTo(true));
        given().when()
                .get(page("v-cover"))
                .then()
                .body(containsString("<p class=\"done-badge\">Bạn đã học xong bài này"));
    }

    @Test
    @TestSecurity(user = "hv", roles = "learner")
    @OidcSecurity(claims = @Claim(key = "sub", value = "video-learner-forge"))
    void aForgedHeartbeatClaimingAnHourAfterTenSecondsIsRefused() {
        fakeReady("v-forge", 7_200_000);
        enrol();
        Watching w = watching("v-forge");
        beat(w, "v-forge", "", 0).then().statusCode(200);
        rewindClock("video-learner-forge", "v-forge", "10 seconds");
        beat(w, "v-forge", "0-3600000", 3_600_000)
                .then()
                .statusCode(409)
                .body("error", containsString("nhiều hơn thời gian thực"))
                .body("coveredMs", equalTo(0));
        // what ten seconds allow is recorded
        beat(w, "v-forge", "0-10000", 10_000).then().statusCode(200).body("coveredMs", equalTo(10_000));
        // garbage and claims past the end are malformed
        beat(w, "v-forge", "10-5", 0).then().statusCode(400);
        beat(w, "v-forge", "0-9000000", 0).then().statusCode(400);
        // without the CSRF token, nothing
        given().redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("watched", "0-1")
                .when()
                .post(page("v-forge") + "/video/heartbeat")
                .then()
                .statusCode(400);
    }

    @Test
    @TestSecurity(user = "hv", roles = "learner")
    @OidcSecurity(claims = @Claim(key = "sub", value = "video-learner-flood"))
    void aFloodOfHeartbeatsIsThrottledWith429() {
        fakeReady("v-flood", 60_000);
        enrol();
        Watching w = watching("v-flood");
        int throttled = 0;
        long started = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            int status = beat(w, "v-flood", "", 0).statusCode();
            if (status == 429) {
                throttled++;
            } else {
                assertEquals(200, status);
            }
        }
        // a burst of 10, then one every two seconds (30 a minute): a slow machine earns back a few while it sends
        double seconds = (System.nanoTime() - started) / 1e9;
        int accepted = 20 - throttled;
        assertTrue(accepted <= 11 + seconds / 2, accepted + " accepted in " + seconds + " s");
        assertTrue(throttled > 0, "a flood of 20 is throttled");
    }

    @Test
    @TestSecurity(user = "hv", roles = "learner")
    @OidcSecurity(claims = @Claim(key = "sub", value = "video-learner-shared-bucket"))
    void theHeartbeatLimitHoldsAcrossInstancesBecauseTheBucketIsInTheDatabase() {
        fakeReady("v-shared", 60_000);
        enrol();
        Watching w = watching("v-shared");
        int accepted = 0;
        long started = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            // each heartbeat as if it reached another instance: one whose memory has never seen this learner
            throttleBuckets.invalidateAll().await().indefinitely();
            int status = beat(w, "v-shared", "", 0).statusCode();
            if (status == 200) {
                accepted++;
            } else {
                assertEquals(429, status);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertTrue(accepted <= 11 + seconds / 2, accepted + " accepted in " + seconds + " s by fresh instances");
        assertTrue(accepted >= 10, "the burst itself is allowed: " + accepted);
    }

    @Test
    @TestSecurity(user = "hv", roles = "learner")
    @OidcSecurity(claims = @Claim(key = "sub", value = "video-learner-ticket"))
    void aHeartbeatRecordsNothingWithoutTheWatchTicketOfThatLearnerAndLesson() {
        fakeReady("v-ticket", 60_000);
        fakeReady("v-cover", 100_000);
        enrol();
        Watching w = watching("v-ticket");
        long me = personOf("video-learner-ticket");
        long lesson = VideoFixtures.lesson(COURSE, "v-ticket").id;

        beat(w.withTicket(null), "v-ticket", "", 0)
                .then()
                .statusCode(401)
                .body("error", containsString("tải lại trang"));
        beat(w.withTicket("garbage"), "v-ticket", "", 0).then().statusCode(401);
        // claims changed after signing: someone else's watcher key on my signature
        String[] parts = w.ticket().split("\\.");
        beat(w.withTicket(UUID.randomUUID() + "." + parts[1] + "." + parts[2] + "." + parts[3]), "v-ticket", "", 0)
                .then()
                .statusCode(401);
        // a ticket signed with another secret, or one that has run out
        beat(
                        w.withTicket(new WatchTickets("another-secret-of-at-least-32-characters", Duration.ofHours(6))
                                .issue(watchers.keyOf(me), lesson)),
                        "v-ticket",
                        "",
                        0)
                .then()
                .statusCode(401);
        beat(
                        w.withTicket(new WatchTickets(
                                        ticketSecret,
                                        Duration.ofHours(6),
                                        Clock.offset(Clock.systemUTC(), Duration.ofHours(-7)))
                                .issue(watchers.keyOf(me), lesson)),
                        "v-ticket",
                        "",
                        0)
                .then()
                .statusCode(401);
        // the ticket of another lesson does not open this one
        beat(w.withTicket(watching("v-cover").ticket()), "v-ticket", "", 0)
                .then()
                .statusCode(401);
        QuarkusTransaction.requiringNew()
                .run(() -> assertTrue(VideoWatch.findOf(me, lesson).isEmpty()));

        String fresh =
                beat(w, "v-ticket", "", 0).then().statusCode(200).extract().path("ticket");
        assertEquals(Optional.of(new WatchTickets.Ticket(watchers.keyOf(me), lesson)), tickets.read(fresh));
        beat(w.withTicket(fresh), "v-ticket", "", 0).then().statusCode(200);
    }

    /** A learner enrolled in the course, as the database has them (no session needed). */
    private long enrolledLearner(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("insert into person (subject, full_name) values (?1, 'Đỗ Thị Hoa') "
                            + "on conflict (subject) do nothing")
                    .setParameter(1, subject)
                    .executeUpdate();
            long id = Person.findBySubject(subject).orElseThrow().id;
            em.createNativeQuery("insert into enrolment (person_id, course_id) select ?1, id from course "
                            + "where slug = ?2 on conflict do nothing")
                    .setParameter(1, id)
                    .setParameter(2, COURSE)
                    .executeUpdate();
            return id;
        });
    }

    private String signed(String claims) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(ticketSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return claims + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(mac.doFinal(claims.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void aTicketForgedForAnotherLearnerFromTheSecretAndTheirSequentialIdRecordsNothing() throws Exception {
        fakeReady("v-ticket", 60_000);
        long victim = enrolledLearner("video-victim");
        watchers.keyOf(victim); // the victim has watched before: they have a watcher key
        long lesson = VideoFixtures.lesson(COURSE, "v-ticket").id;
        long expiry = Clock.systemUTC().instant().getEpochSecond() + 3600;
        Forms.Csrf csrf = Forms.csrfFrom("/courses/" + COURSE);
        // the attacker knows the secret (here the committed test default) and that person ids are sequential
        for (String forged : List.of(
                signed(victim + "." + lesson + "." + expiry),
                signed(new UUID(0, victim) + "." + lesson + "." + expiry),
                tickets.issue(new UUID(0, victim), lesson))) {
            beat(new Watching(csrf, forged), "v-ticket", "0-10000", 10_000)
                    .then()
                    .statusCode(401);
        }
        QuarkusTransaction.requiringNew()
                .run(() -> assertTrue(VideoWatch.findOf(victim, lesson).isEmpty(), "coverage stored for the victim"));
    }

    @Test
    void aHeartbeatNeedsNoSessionOnlyItsTicketAndAnswersInTheChosenLanguage() {
        fakeReady("v-ticket", 60_000);
        long me = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("insert into person (subject, full_name) values ('video-anon', 'Lê Văn Bình') "
                            + "on conflict (subject) do nothing")
                    .executeUpdate();
            long id = Person.findBySubject("video-anon").orElseThrow().id;
            em.createNativeQuery("insert into enrolment (person_id, course_id) select ?1, id from course "
                            + "where slug = ?2 on conflict do nothing")
                    .setParameter(1, id)
                    .setParameter(2, COURSE)
                    .executeUpdate();
            return id;
        });
        // no session cookie, no token: a page's CSRF pair and the ticket are all the player has
        Watching w = new Watching(
                Forms.csrfFrom("/courses/" + COURSE),
                tickets.issue(watchers.keyOf(me), VideoFixtures.lesson(COURSE, "v-ticket").id));
        beat(w, "v-ticket", "", 0).then().statusCode(200).body("percent", equalTo(0));
        // the route runs before authentication: a bad token (or an expired session) in the request is not looked at
        given().redirects()
                .follow(false)
                .header("Authorization", "Bearer not-a-token")
                .contentType("application/x-www-form-urlencoded")
                .cookie("csrf-token", w.csrf().cookie())
                .formParam("csrf-token", w.csrf().field())
                .formParam("watched", "")
                .formParam("position", 0)
                .formParam("ticket", w.ticket())
                .when()
                .post(page("v-ticket") + "/video/heartbeat")
                .then()
                .statusCode(200);
        given().redirects()
                .follow(false)
                .cookie("hocso-lang", "en")
                .contentType("application/x-www-form-urlencoded")
                .cookie("csrf-token", w.csrf().cookie())
                .formParam("csrf-token", w.csrf().field())
                .formParam("watched", "")
                .formParam("position", 0)
                .formParam("ticket", "forged")
                .when()
                .post(page("v-ticket") + "/video/heartbeat")
                .then()
                .statusCode(401)
                .body("error", containsString("Reload the page"));
        // a heartbeat is a form post, nothing else
        given().redirects()
                .follow(false)
                .contentType("application/json")
                .cookie("csrf-token", w.csrf().cookie())
                .body("{\"ticket\":\"" + w.ticket() + "\"}")
                .when()
                .post(page("v-ticket") + "/video/heartbeat")
                .then()
                .statusCode(415);
    }

    @Test
    @TestSecurity(user = "hv", roles = "learner")
    @OidcSecurity(claims = @Claim(key = "sub", value = "video-learner-pending"))
    void aLessonWithoutAReadyVideoSaysItIsBeingPreparedAndCannotBeMarkedDone() {
        enrol();
        given().when()
                .get(page("v-pending"))
                .then()
                .statusCode(200)
                .body(containsString("Video của bài học này đang được chuẩn bị."))
                .body(not(containsString("class=\"player\"")))
                .body(not(containsString("Quản lý video")));
        Forms.post(page("v-pending"), page("v-pending") + "/done").then().statusCode(409);
        // no player, so no ticket on the page; one from before the video was withdrawn records nothing
        String kept = tickets.issue(
                watchers.keyOf(personOf("video-learner-pending")), VideoFixtures.lesson(COURSE, "v-pending").id);
        beat(new Watching(Forms.csrfFrom(page("v-pending")), kept), "v-pending", "0-1000", 1000)
                .then()
                .statusCode(409);
    }

    @Test
    void theVideoBundleHasTheSameKeysInBothLanguages() {
        assertNotNull(VideoStatus.size(2L << 30));
        assertEquals("2 GB", VideoStatus.size(2L << 30));
        assertEquals("500 MB", VideoStatus.size(500L << 20));
        assertEquals("1:05", VideoStatus.duration(65_000));
    }
}
