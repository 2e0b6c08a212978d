package vn.hocso.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
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
 * finishes it on another browser — resuming there too — and the lesson completes by watched coverage.
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
        WebDriver browser = Chromium.phone("--autoplay-policy=no-user-gesture-required", "--mute-audio");
        browsers.add(browser);
        return browser;
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
        browser.get(APP + "/courses/" + COURSE + "/lessons/" + LESSON);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".player video")));
        // hls.js has loaded the playlists and the first segment
        wait.until(b -> js(b, "return document.querySelector('.player video').readyState;") >= 2);
    }

    private void playUntil(WebDriver browser, double seconds) {
        ((JavascriptExecutor) browser).executeScript("document.querySelector('.player video').play();");
        waitIn(browser).until(b -> currentTime(b) >= seconds);
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

        WebDriver phone = openBrowser();
        signInAndOpenLesson(phone);
        Chromium.assertFitsA360PixelScreen(phone, "video-lesson");
        // data saver: 240p, remembered on this device
        new Select(phone.findElement(By.cssSelector(".player .saver"))).selectByValue("240p");
        waitIn(phone).until(b -> js(b, "return document.querySelector('.player video').readyState;") >= 2);
        playUntil(phone, 4.0);
        double left = currentTime(phone);
        assertEquals(0.0, js(phone, "return window.Hls ? 0 : 1;"), "hls.js plays the lesson");

        // leaving the page sends the last heartbeat (sendBeacon)
        phone.get(APP + "/my");
        waitIn(phone).until(b -> Math.abs(storedPositionMs() / 1000.0 - left) < 1.5);

        phone.get(APP + "/courses/" + COURSE + "/lessons/" + LESSON);
        waitIn(phone).until(b -> js(b, "return document.querySelector('.player video').readyState;") >= 1);
        waitIn(phone).until(b -> currentTime(b) > 0);
        assertTrue(Math.abs(currentTime(phone) - left) < 1.5, "resumed at " + currentTime(phone) + ", left at " + left);
        assertEquals(
                "240p",
                new Select(phone.findElement(By.cssSelector(".player .saver")))
                        .getFirstSelectedOption()
                        .getAttribute("value"));

        // another device: a fresh browser, same learner, same second
        WebDriver laptop = openBrowser();
        signInAndOpenLesson(laptop);
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
