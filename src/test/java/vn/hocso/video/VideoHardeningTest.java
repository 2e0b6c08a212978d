package vn.hocso.video;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hocso.Forms;
import vn.hocso.content.CourseImporter;
import vn.hocso.storage.ObjectStore;

/** Issue 9: odd heartbeats, watching faster than the player plays, uploads bounded by the store, captions' size. */
@QuarkusTest
class VideoHardeningTest {

    static final String COURSE = "khoa-video-cung";

    @Inject
    CourseImporter importer;

    @Inject
    VideoUploads uploads;

    @Inject
    VideoCleanup cleanup;

    @Inject
    ObjectStore store;

    @Inject
    EntityManager em;

    @BeforeEach
    void course() {
        VideoFixtures.ensureCourse(
                importer, COURSE, List.of("h-odd", "h-speed", "h-bound", "h-orphan", "h-captions", "h-served"));
    }

    private static String page(String key) {
        return "/courses/" + COURSE + "/lessons/" + key;
    }

    private static String trainerPage(String key) {
        return "/trainer/courses/" + COURSE + "/lessons/" + key + "/video";
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

    private static String ticket(String key) {
        String html =
                given().when().get(page(key)).then().statusCode(200).extract().asString();
        Matcher ticket = Pattern.compile("data-ticket=\"([^\"]+)\"").matcher(html);
        assertTrue(ticket.find(), "no watch ticket on " + page(key));
        return ticket.group(1);
    }

    /** A heartbeat with a raw (already encoded) body and address, as a hostile client sends it. */
    private static Response rawBeat(Forms.Csrf csrf, String path, String body) {
        return given().redirects()
                .follow(false)
                .urlEncodingEnabled(false)
                .contentType("application/x-www-form-urlencoded")
                .cookie("csrf-token", csrf.cookie())
                .body("csrf-token=" + csrf.field() + "&" + body)
                .when()
                .post(path);
    }

    /** Time passes for the learner's watching of the lesson: every clock of the watch row goes back. */
    private void passTime(String subject, String key, int seconds) {
        long lessonId = VideoFixtures.lesson(COURSE, key).id;
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                update video_watch set last_beat_at = last_beat_at - ?3 * interval '1 second',
                                       started_at = started_at - ?3 * interval '1 second'
                where lesson_id = ?1 and person_id = (select id from person where subject = ?2)""")
                        .setParameter(1, lessonId)
                        .setParameter(2, subject)
                        .setParameter(3, seconds)
                        .executeUpdate());
    }

    // --- finding 7: the heartbeat route answers odd input with 4xx

    @Test
    @TestSecurity(user = "hv", roles = "learner")
    @OidcSecurity(claims = @Claim(key = "sub", value = "hardening-odd"))
    void oddHeartbeatsAreRefusedWith400InJsonNeverA500() {
        fakeReady("h-odd", 60_000);
        enrol();
        Forms.Csrf csrf = Forms.csrfFrom(page("h-odd"));
        String ticket = URLEncoder.encode(ticket("h-odd"), StandardCharsets.UTF_8);
        String beat = page("h-odd") + "/video/heartbeat";
        rawBeat(csrf, beat, "ticket=" + ticket + "&watched=0-1000").then().statusCode(200);
        // a NUL in the address, with a valid ticket: it would reach PostgreSQL
        rawBeat(csrf, "/courses/" + COURSE + "%00/lessons/h-odd/video/heartbeat", "ticket=" + ticket)
                .then()
                .statusCode(400)
                .contentType(containsString("application/json"));
        // a NUL in a field
        rawBeat(csrf, beat, "ticket=" + ticket + "&position=%00")
                .then()
                .statusCode(400)
                .contentType(containsString("application/json"));
        // a form body that does not decode
        rawBeat(csrf, beat, "ticket=" + ticket + "&%zz=%")
                .then()
                .statusCode(400)
                .contentType(containsString("application/json"))
                .body("status", equalTo(400));
        // numbers beyond any int
        rawBeat(csrf, beat, "ticket=" + ticket + "&watched=0-99999999999999999999&position=-99999999999999999999")
                .then()
                .statusCode(400);
    }

    // --- finding 9: no faster than the fastest playback speed, counted over the whole watching

    @Test
    @TestSecurity(user = "hv", roles = "learner")
    @OidcSecurity(claims = @Claim(key = "sub", value = "hardening-speed"))
    void heartbeatsClaimingMoreThanTheFastestPlaybackSpeedAreRefusedHoweverTheyAreSpaced() {
        fakeReady("h-speed", 240_000);
        enrol();
        Forms.Csrf csrf = Forms.csrfFrom(page("h-speed"));
        String ticket = URLEncoder.encode(ticket("h-speed"), StandardCharsets.UTF_8);
        String beat = page("h-speed") + "/video/heartbeat";
        rawBeat(csrf, beat, "ticket=" + ticket).then().statusCode(200);
        // every 9 s, the 23 s a rule per heartbeat allowed (2 x 9 s + 5 s of grace each time): 2.6x real time
        int refused = 0;
        int covered = 0;
        for (int i = 0; i < 8; i++) {
            passTime("hardening-speed", "h-speed", 9);
            Response answer =
                    rawBeat(csrf, beat, "ticket=" + ticket + "&watched=" + (i * 23_000) + "-" + ((i + 1) * 23_000));
            if (answer.statusCode() == 409) {
                refused++;
            } else {
                assertEquals(200, answer.statusCode(), answer.asString());
                ticket = URLEncoder.encode(answer.jsonPath().getString("ticket"), StandardCharsets.UTF_8);
            }
            covered = answer.jsonPath().getInt("coveredMs");
        }
        assertTrue(refused > 0, "claims at 2.6x real time are refused");
        // 72 s of wall clock: at most 2x that, plus one grace
        assertTrue(covered <= 2 * 72_000 + Intervals.GRACE_MS, "covered " + covered + " ms in 72 s");
        // at the fastest speed the player offers, the whole video is accepted once 120 s have passed
        passTime("hardening-speed", "h-speed", 48);
        rawBeat(csrf, beat, "ticket=" + ticket + "&watched=0-240000")
                .then()
                .statusCode(200)
                .body("completed", equalTo(true));
    }

    @Test
    @TestSecurity(user = "hv", roles = "learner")
    @OidcSecurity(claims = @Claim(key = "sub", value = "hardening-rate"))
    void thePlayerIsToldTheFastestRateItMayPlayAt() {
        fakeReady("h-speed", 240_000);
        enrol();
        given().when()
                .get(page("h-speed"))
                .then()
                .statusCode(200)
                .body(containsString("data-max-rate=\"" + Intervals.SPEED + "\""));
    }

    // --- finding 8: uploads bounded by the store, rejected keys swept, captions refused before they are read

    @Test
    void theStoreRefusesMoreBytesThanTheUploadDeclaredAndKeepsNothing() {
        byte[] declared = new byte[1000];
        VideoUploads.Started started =
                uploads.start(VideoFixtures.lesson(COURSE, "h-bound"), null, declared.length, "video/mp4");
        HttpResponse<String> tooLarge = VideoFixtures.upload(started, new byte[1001]);
        assertEquals(400, tooLarge.statusCode(), tooLarge.body());
        assertTrue(tooLarge.body().contains("EntityTooLarge"), tooLarge.body());
        String key = started.fields().get("key");
        assertFalse(store.exists(key), "nothing stored");
        // the form names its key: it cannot write another one
        java.util.Map<String, String> other = new java.util.LinkedHashMap<>(started.fields());
        other.put("key", key.replace("/source", "/other"));
        assertEquals(
                403, VideoFixtures.upload(started.url(), other, new byte[10]).statusCode());
        assertFalse(store.exists(key.replace("/source", "/other")));
        // what was declared goes in
        assertEquals(204, VideoFixtures.upload(started, declared).statusCode());
        assertTrue(store.exists(key));
    }

    @Test
    @TestSecurity(
            user = "gv",
            roles = {"learner", "trainer"})
    @OidcSecurity(claims = @Claim(key = "sub", value = "hardening-orphan"))
    void aRejectedUploadSentAgainLeavesAnObjectNoRowKnowsWhichTheSweepRemoves() {
        byte[] html = "<!DOCTYPE html><html></html>".getBytes(StandardCharsets.UTF_8);
        Response opened = Forms.post(
                trainerPage("h-orphan"), trainerPage("h-orphan") + "/uploads", "size", String.valueOf(html.length));
        long id = opened.jsonPath().getLong("id");
        String key = opened.jsonPath().getString("fields.key");
        assertEquals(204, VideoFixtures.upload(opened, html).statusCode());
        Forms.post(trainerPage("h-orphan"), trainerPage("h-orphan") + "/uploads/" + id + "/confirm")
                .then()
                .statusCode(415);
        assertNull(QuarkusTransaction.requiringNew().call(() -> Video.findById(id)));
        assertFalse(store.exists(key));
        // the same form again: the store takes it (the policy is still valid), but no row knows the key
        assertEquals(204, VideoFixtures.upload(opened, html).statusCode());
        assertTrue(store.exists(key));
        // a version the rows know is kept
        byte[] kept = new byte[10];
        VideoUploads.Started known =
                uploads.start(VideoFixtures.lesson(COURSE, "h-orphan"), null, kept.length, "video/mp4");
        VideoFixtures.upload(known, kept);

        // nothing is younger than the cut-off yet: nothing is swept
        cleanup.sweepUnknown(Instant.now().minusSeconds(3600));
        assertTrue(store.exists(key));
        // once older than hocso.video.keep-abandoned (here: the cut-off is in the future)
        assertTrue(cleanup.sweepUnknown(Instant.now().plusSeconds(60)) >= 1);
        assertFalse(store.exists(key), "the orphan is swept");
        assertTrue(store.exists(known.fields().get("key")), "a known version is kept");
    }

    @Test
    @TestSecurity(
            user = "gv",
            roles = {"learner", "trainer"})
    @OidcSecurity(claims = @Claim(key = "sub", value = "hardening-captions"))
    void aTwoMegabyteCaptionFileIs413BeforeItsBodyIsRead() throws IOException {
        fakeReady("h-captions", 60_000);
        Forms.Csrf csrf = Forms.csrfFrom(trainerPage("h-captions"));
        int length = 2 * 1024 * 1024;
        // only the headers and a little of the body are sent: the answer must come without the rest
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + trainerPage("h-captions") + "/captions HTTP/1.1\r\nHost: localhost\r\n"
                            + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: " + length + "\r\n"
                            + "Cookie: csrf-token=" + csrf.cookie() + "\r\nConnection: close\r\n\r\n"
                            + "--b\r\nContent-Disposition: form-data; name=\"csrf-token\"\r\n\r\n" + csrf.field()
                            + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertEquals("HTTP/1.1 413 Request Entity Too Large", status);
        }
        // one whole, as a browser sends it (with its length): a page saying why, in the person's language
        String body = "--b\r\nContent-Disposition: form-data; name=\"csrf-token\"\r\n\r\n" + csrf.field()
                + "\r\n--b\r\nContent-Disposition: form-data; name=\"lang\"\r\n\r\nvi\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.vtt\"\r\n"
                + "Content-Type: text/vtt\r\n\r\nWEBVTT\n\n" + "x".repeat(length) + "\r\n--b--\r\n";
        given().redirects()
                .follow(false)
                .cookie("csrf-token", csrf.cookie())
                .contentType("multipart/form-data; boundary=b")
                .body(body.getBytes(StandardCharsets.UTF_8))
                .when()
                .post(trainerPage("h-captions") + "/captions")
                .then()
                .statusCode(413)
                .contentType(containsString("text/html"))
                .body(containsString("quá lớn"));
        // sent in chunks, with no length to go by: read up to the server's body limit, then refused the same way
        given().redirects()
                .follow(false)
                .cookie("csrf-token", csrf.cookie())
                .multiPart("csrf-token", csrf.field())
                .multiPart("lang", "vi")
                .multiPart("file", "big.vtt", ("WEBVTT\n\n" + "x".repeat(length)).getBytes(StandardCharsets.UTF_8))
                .when()
                .post(trainerPage("h-captions") + "/captions")
                .then()
                .statusCode(413);
    }

    @Test
    @TestSecurity(user = "hv", roles = "learner")
    @OidcSecurity(claims = @Claim(key = "sub", value = "hardening-served"))
    void captionsAndPostersComeFromTheStoreWithTheirTypeShownInPlace() {
        fakeReady("h-served", 60_000);
        long lessonId = VideoFixtures.lesson(COURSE, "h-served").id;
        byte[] vtt = "WEBVTT\n\n00:00.000 --> 00:01.000\nXin chào\n".getBytes(StandardCharsets.UTF_8);
        io.quarkus.arc.Arc.container().instance(Captions.class).get().save(lessonId, "vi", vtt);
        enrol();
        String html = given().when()
                .get(page("h-served"))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String url =
                html.replaceAll("(?s).*<track [^>]*src=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
        HttpResponse<byte[]> fetched = VideoFixtures.get(url);
        assertEquals(200, fetched.statusCode());
        assertEquals(
                "text/vtt; charset=utf-8",
                fetched.headers().firstValue("Content-Type").orElse(""));
        assertTrue(fetched.headers().firstValue("Content-Disposition").isEmpty(), "shown in place, not downloaded");
        // and a stored object keeps the type it was stored with
        store.put("videos/served-check/x/poster.jpg", new ByteArrayInputStream(new byte[] {1}), 1, "image/jpeg");
        assertEquals(
                "image/jpeg",
                VideoFixtures.get(
                                store.presignedGet("videos/served-check/x/poster.jpg", java.time.Duration.ofMinutes(1)))
                        .headers()
                        .firstValue("Content-Type")
                        .orElse(""));
        store.deleteAll("videos/served-check/");
    }
}
