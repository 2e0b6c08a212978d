package vn.hocso.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.hocso.content.CourseImporter;
import vn.hocso.course.Course;
import vn.hocso.course.CourseAuthor;
import vn.hocso.video.VideoFixtures;

/**
 * A learner watches a video lesson in headless Chromium on a 360-px screen, signed in through the real Keycloak as
 * the demo user donvi: at 240p (data saver, remembered), leaves mid-way, comes back to the same second, then
 * finishes it on another browser — resuming there too — and the lesson completes by watched coverage. Opening the
 * lesson costs nothing but the poster until play: no playlist, no segment, no hls.js (Chromium's network log says so),
 * whether the browser plays HLS itself (Chromium does now) or needs hls.js (emulated by hiding its native HLS).
 */
@QuarkusTest
@TestProfile(RealKeycloakProfile.class)
@Tag("e2e")
class VideoLessonInBrowserTest {

    static final String APP = "http://127.0.0.1:" + RealKeycloakProfile.PORT;
    static final String COURSE = "khoa-video-trinh-duyet";
    static final String LESSON = "xem-video";

    @Inject
    CourseImporter importer;

    @Inject
    EntityManager em;

    final List<WebDriver> browsers = new ArrayList<>();

    private WebDriver openBrowser() {
        return openBrowser(false);
    }

    /**
     * A phone-sized Chromium that logs every request it makes; {@code withoutNativeHls}: as a browser that cannot play
     * HLS itself (Firefox, older Chrome), so the page needs hls.js.
     */
    private WebDriver openBrowser(boolean withoutNativeHls) {
        ChromeOptions options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--window-size=360,800",
                        "--lang=vi",
                        "--autoplay-policy=no-user-gesture-required",
                        "--mute-audio");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriver browser = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                        .build(),
                options);
        browser.manage().window().setSize(new Dimension(360, 800));
        if (withoutNativeHls) {
            browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                            const canPlay = HTMLMediaElement.prototype.canPlayType;
                            HTMLMediaElement.prototype.canPlayType = function (type) {
                              return /mpegurl/i.test(type) ? '' : canPlay.call(this, type);
                            };"""));
        }
        browsers.add(browser);
        return browser;
    }

    /** The addresses the browser asked for since the last look (Chromium's network log). */
    private static List<String> requested(WebDriver browser) {
        List<String> urls = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            try {
                JsonNode message = JSON.readTree(entry.getMessage()).path("message");
                if ("Network.requestWillBeSent".equals(message.path("method").asText())) {
                    urls.add(message.path("params").path("request").path("url").asText());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return urls;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Video bytes or the player library: what a lesson page must not fetch before play. */
    private static List<String> videoCosts(List<String> urls) {
        return urls.stream()
                .filter(u -> u.contains(".m3u8") || u.contains(".ts?") || u.endsWith(".ts") || u.contains("hls.min.js"))
                .toList();
    }

    /** Presses the play button on the poster, as a person would. */
    private static void pressPlay(WebDriver browser) {
        browser.findElement(By.cssSelector(".player .player-start")).click();
    }

    @AfterEach
    void closeBrowsers() {
        Chromium.quit(browsers.toArray(WebDriver[]::new));
    }

    private static WebDriverWait waitIn(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private static double js(WebDriver browser, String script) {
        return ((Number) ((JavascriptExecutor) browser).executeScript(script)).doubleValue();
    }

    private static double currentTime(WebDriver browser) {
        return js(browser, "return document.querySelector('.player video').currentTime;");
    }

    /** Signs in as donvi from the course page (completing the profile on the first sign-in) and opens the lesson. */
    private void signInAndOpenLesson(WebDriver browser) {
        WebDriverWait wait = waitIn(browser);
        Chromium.signInAndEnrol(browser, wait, APP + "/courses/" + COURSE, "donvi", "Thành phố Hà Nội");
        requested(browser);
        browser.get(APP + "/courses/" + COURSE + "/lessons/" + LESSON);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".player video")));
        Chromium.settle(wait);
    }

    /** Nothing of the video but its poster was fetched: no playlist, no segment, no hls.js. */
    private static void assertNothingLoadedBeforePlay(WebDriver browser) {
        // a moment for anything the page would start by itself
        ((JavascriptExecutor) browser).executeAsyncScript("setTimeout(arguments[arguments.length - 1], 1500);");
        List<String> urls = requested(browser);
        assertTrue(urls.stream().anyMatch(u -> u.contains("/lessons/" + LESSON)), "the lesson page: " + urls);
        assertEquals(List.of(), videoCosts(urls), "fetched before play");
        assertTrue(urls.stream().anyMatch(u -> u.contains("poster.jpg")), "the poster is shown: " + urls);
        assertEquals(0.0, js(browser, "return document.querySelector('.player video').readyState;"));
    }

    /** Where the server thinks donvi stopped, in milliseconds; -1 before any heartbeat. */
    private int storedPositionMs() {
        List<?> rows = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("""
                select w.position_ms from video_watch w join person p on p.id = w.person_id
                join lesson l on l.id = w.lesson_id join course c on c.id = l.course_id
                where p.email = 'donvi@demo.hocso.vn' and c.slug = ?1 and l.key = ?2""")
                        .setParameter(1, COURSE)
                        .setParameter(2, LESSON)
                        .getResultList());
        return rows.isEmpty() ? -1 : ((Number) rows.get(0)).intValue();
    }

    @Test
    void aLearnerWatchesAt240pLeavesMidwayResumesOnAnotherBrowserAndCompletesByCoverage() throws IOException {
        VideoFixtures.ensureCourse(importer, COURSE, List.of(LESSON));
        VideoFixtures.makeReady(COURSE, LESSON, VideoFixtures.clip(10, 640, 360));

        // a browser that needs hls.js
        WebDriver phone = openBrowser(true);
        signInAndOpenLesson(phone);
        assertNothingLoadedBeforePlay(phone);
        Chromium.assertFitsA360PixelScreen(phone, "video-lesson");
        // data saver: 240p, remembered on this device
        new Select(phone.findElement(By.cssSelector(".player .saver"))).selectByValue("240p");
        assertEquals(List.of(), videoCosts(requested(phone)), "choosing the data saver loads nothing yet");
        pressPlay(phone);
        waitIn(phone).until(b -> currentTime(b) >= 4.0);
        double left = currentTime(phone);
        assertEquals(0.0, js(phone, "return window.Hls ? 0 : 1;"), "hls.js plays the lesson");
        assertEquals(240.0, js(phone, "return document.querySelector('.player video').videoHeight;"), "at 240p");
        List<String> afterPlay = requested(phone);
        assertEquals(
                1,
                afterPlay.stream().filter(u -> u.contains("hls.min.js?v=")).count(),
                "hls.js once, at its versioned address: " + afterPlay);
        assertTrue(afterPlay.stream().noneMatch(u -> u.contains("/720p") || u.contains("/360p")), afterPlay.toString());

        // leaving the page sends the last heartbeat (sendBeacon)
        phone.get(APP + "/my");
        waitIn(phone).until(b -> Math.abs(storedPositionMs() / 1000.0 - left) < 1.5);

        phone.get(APP + "/courses/" + COURSE + "/lessons/" + LESSON);
        Chromium.settle(waitIn(phone));
        pressPlay(phone);
        waitIn(phone).until(b -> currentTime(b) > 0);
        ((JavascriptExecutor) phone).executeScript("document.querySelector('.player video').pause();");
        assertTrue(Math.abs(currentTime(phone) - left) < 1.5, "resumed at " + currentTime(phone) + ", left at " + left);
        assertEquals(
                "240p",
                new Select(phone.findElement(By.cssSelector(".player .saver")))
                        .getFirstSelectedOption()
                        .getAttribute("value"));

        // another device: a fresh browser, same learner, same second
        // another device, a browser that plays HLS itself (Chromium does): hls.js is never fetched there
        WebDriver laptop = openBrowser(false);
        signInAndOpenLesson(laptop);
        assertNothingLoadedBeforePlay(laptop);
        pressPlay(laptop);
        waitIn(laptop).until(b -> currentTime(b) > 0);
        assertTrue(Math.abs(currentTime(laptop) - left) < 1.5, "resumed at " + currentTime(laptop));
        ((JavascriptExecutor) laptop).executeScript("document.querySelector('.player video').play();");
        waitIn(laptop).until(b -> (Boolean)
                ((JavascriptExecutor) b).executeScript("return document.querySelector('.player video').ended;"));
        // 0–4 s on the phone, 4–10 s here: the union covers the video, so the lesson is done
        waitIn(laptop).until(b -> {
            b.navigate().refresh();
            return !b.findElements(By.cssSelector(".done-badge")).isEmpty();
        });
        Chromium.assertFitsA360PixelScreen(laptop, "video-lesson-done");
        assertEquals(0.0, js(laptop, "return window.Hls ? 1 : 0;"), "no hls.js where the browser plays HLS");
        assertTrue(requested(laptop).stream().noneMatch(u -> u.contains("hls.min.js")));
        Chromium.assertNoCspViolations(phone);
        Chromium.assertNoCspViolations(laptop);
    }

    @Test
    void aTrainerUploadsFromTheBrowserAndSeesTheStatusChangeInPlace() throws IOException {
        VideoFixtures.ensureCourse(importer, COURSE, List.of(LESSON, "tai-len"));
        // only a course's authors may upload its videos
        QuarkusTransaction.requiringNew()
                .run(() -> CourseAuthor.add(Course.findBySlug(COURSE).orElseThrow().id, "giangvien", "test"));
        WebDriver browser = openBrowser();
        WebDriverWait wait = waitIn(browser);
        String page = APP + "/trainer/courses/" + COURSE + "/lessons/tai-len/video";
        browser.get(page);
        Chromium.signIn(browser, wait, "giangvien");
        wait.until(ExpectedConditions.urlToBe(page));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".status-text"), "chưa có video"));
        Chromium.assertFitsA360PixelScreen(browser, "trainer-video");

        // the file goes from the browser to the object store (a presigned POST form), then the app checks it
        ((JavascriptExecutor) browser).executeScript("window.stillTheSamePage = true;");
        browser.findElement(By.id("video-file"))
                .sendKeys(VideoFixtures.clip(3, 426, 240).toAbsolutePath().toString());
        Chromium.click(wait, By.cssSelector(".upload-start"));
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".status-text"), "Đang chờ xử lý"));
        // a worker transcodes it (this one, or the app's own, which is on here); the page follows without reloading
        io.quarkus.arc.Arc.container()
                .instance(vn.hocso.job.JobWorker.class)
                .get()
                .runNext("transcode");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".status-text"), "Sẵn sàng"));
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript("return window.stillTheSamePage;"));
        Chromium.assertFitsA360PixelScreen(browser, "trainer-video-ready");
        Chromium.assertNoCspViolations(browser);
    }
}
