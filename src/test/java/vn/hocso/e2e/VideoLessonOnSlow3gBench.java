package vn.hocso.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.hocso.content.CourseImporter;
import vn.hocso.video.VideoFixtures;

/**
 * A benchmark, not a test (run by bench/pages-3g/run, never by the build): a learner opens a video lesson on a 360-px
 * phone over emulated slow 3G (Chrome DevTools network emulation: 500 kbit/s each way, 400 ms round trip, cold cache),
 * waits ten seconds without pressing play, then presses play. Written to target/bench-3g.txt and stdout: bytes on the
 * wire and requests before play, the load event, when the player was ready to play at once, the first frame after
 * the press and the bytes of the first ten seconds of playing. The same class runs on an older tree for "before".
 */
@QuarkusTest
@TestProfile(RealKeycloakProfile.class)
@Tag("e2e")
class VideoLessonOnSlow3gBench {

    static final String APP = "http://127.0.0.1:" + RealKeycloakProfile.PORT;
    static final String COURSE = "khoa-video-3g";
    static final String LESSON = "bai-3g";
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    CourseImporter importer;

    /** A 60-second 720p clip with moving noise, so the encoder spends the ladder's bit rates as real footage does. */
    static Path clip() throws IOException, InterruptedException {
        Path clip = Path.of("target/video-fixtures/bench-3g-60s-720p.mp4");
        if (Files.exists(clip)) {
            return clip;
        }
        Files.createDirectories(clip.getParent());
        Process ffmpeg = new ProcessBuilder(
                        "ffmpeg",
                        "-v",
                        "error",
                        "-y",
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc2=duration=60:size=1280x720:rate=25,noise=alls=10:allf=t+u",
                        "-f",
                        "lavfi",
                        "-i",
                        "sine=frequency=440:duration=60",
                        "-c:v",
                        "libx264",
                        "-preset",
                        "ultrafast",
                        "-b:v",
                        "3000k",
                        "-pix_fmt",
                        "yuv420p",
                        "-c:a",
                        "aac",
                        "-shortest",
                        clip.toString())
                .inheritIO()
                .start();
        if (ffmpeg.waitFor() != 0) {
            throw new IllegalStateException("ffmpeg failed");
        }
        return clip;
    }

    static ChromeDriver phone() {
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
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriver browser = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                        .build(),
                options);
        browser.manage().window().setSize(new Dimension(360, 800));
        return browser;
    }

    /** Bytes received (headers and bodies as sent) and the addresses of requests finished since the last look. */
    record Traffic(long bytes, List<String> urls) {}

    static Traffic traffic(ChromeDriver browser) throws IOException {
        Map<String, String> urls = new HashMap<>();
        long bytes = 0;
        List<String> finished = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode m = JSON.readTree(entry.getMessage()).path("message");
            JsonNode p = m.path("params");
            switch (m.path("method").asText()) {
                case "Network.requestWillBeSent" ->
                    urls.put(
                            p.path("requestId").asText(),
                            p.path("request").path("url").asText());
                case "Network.loadingFinished" -> {
                    bytes += p.path("encodedDataLength").asLong();
                    String url = urls.getOrDefault(p.path("requestId").asText(), "?");
                    finished.add(url.replaceAll("\\?.*", "").replaceAll("^https?://[^/]+", ""));
                }
                default -> {}
            }
        }
        return new Traffic(bytes, finished);
    }

    /** The renditions whose segments were fetched, by their folder ("240p", "720p"…), in the order first fetched. */
    static List<String> rungs(List<String> urls) {
        return urls.stream()
                .filter(u -> u.endsWith(".ts") || u.endsWith(".m4s") || u.endsWith(".mp4") || u.endsWith(".aac"))
                .map(u -> u.substring(0, u.lastIndexOf('/')))
                .map(u -> u.substring(u.lastIndexOf('/') + 1))
                .distinct()
                .toList();
    }

    static double js(ChromeDriver browser, String script) {
        return ((Number) ((JavascriptExecutor) browser).executeScript(script)).doubleValue();
    }

    @Test
    void aVideoLessonOnSlow3g() throws Exception {
        VideoFixtures.ensureCourse(importer, COURSE, List.of(LESSON));
        VideoFixtures.makeReady(COURSE, LESSON, clip());
        ChromeDriver browser = phone();
        List<String> report = new ArrayList<>();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
            // signed in and enrolled at full speed: the sign-in page is not what is measured
            Chromium.signInAndEnrol(browser, wait, APP + "/courses/" + COURSE, "donvi", "Thành phố Hà Nội");
            // three cases: a browser that says nothing about its link, one that sends Save-Data, and a learner who
            // chose 240p on the player (remembered in localStorage)
            for (int n = 0; n < 6; n++) {
                String kind = n < 2 ? "plain" : n < 4 ? "save-data" : "choice-240p";
                int run = n % 2 + 1;
                browser.get(APP + "/courses/" + COURSE);
                Chromium.settle(wait);
                browser.executeScript(
                        "choice-240p".equals(kind)
                                ? "localStorage.setItem('hocso-data-saver', '240p');"
                                : "localStorage.removeItem('hocso-data-saver');");
                browser.executeCdpCommand("Network.enable", Map.of());
                browser.executeCdpCommand(
                        "Network.setExtraHTTPHeaders",
                        Map.of("headers", "save-data".equals(kind) ? Map.of("Save-Data", "on") : Map.of()));
                browser.executeCdpCommand("Network.clearBrowserCache", Map.of());
                browser.executeCdpCommand(
                        "Network.emulateNetworkConditions",
                        Map.of(
                                "offline",
                                false,
                                "latency",
                                400,
                                "downloadThroughput",
                                500_000 / 8,
                                "uploadThroughput",
                                500_000 / 8));
                traffic(browser);
                browser.get(APP + "/courses/" + COURSE + "/lessons/" + LESSON);
                Chromium.settle(wait);
                double load = js(browser, "return performance.getEntriesByType('navigation')[0].loadEventEnd;");
                // ready to play at once: the old page fetched hls.js, the playlists and a first segment by itself;
                // the new one is ready when its script has run (the press starts the fetching)
                wait.until(b -> js(
                                browser,
                                "const v = document.querySelector('.player video');"
                                        + " if (window.playerReadyAt) return 1;"
                                        + " if (v.readyState >= 2 || (v.preload === 'none' && document.readyState === 'complete'))"
                                        + " { window.playerReadyAt = performance.now(); return 1; } return 0;")
                        > 0);
                double ready = js(browser, "return window.playerReadyAt;");
                Thread.sleep(10_000);
                Traffic before = traffic(browser);
                double firstFrame = ((Number) ((JavascriptExecutor) browser).executeAsyncScript("""
                                        const done = arguments[arguments.length - 1];
                                        const v = document.querySelector('.player video');
                                        const t0 = performance.now();
                                        v.addEventListener('playing', () => done(performance.now() - t0), { once: true });
                                        v.play().catch(() => {});""")).doubleValue();
                Thread.sleep(10_000);
                Traffic playing = traffic(browser);
                browser.executeCdpCommand(
                        "Network.emulateNetworkConditions",
                        Map.of("offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
                report.add(String.format(
                        Locale.ROOT,
                        "%s run %d: before play %d B in %d requests %s; load event %.2f s; player ready %.2f s;"
                                + " first frame %.2f s after the press; first 10 s of playing %d B, rungs %s",
                        kind,
                        run,
                        before.bytes(),
                        before.urls().size(),
                        before.urls(),
                        load / 1000,
                        ready / 1000,
                        firstFrame / 1000,
                        playing.bytes(),
                        rungs(playing.urls())));
            }
        } finally {
            browser.quit();
        }
        Files.write(Path.of("target/bench-3g.txt"), report);
        report.forEach(line -> System.out.println("BENCH-3G " + line));
    }
}
