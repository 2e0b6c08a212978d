package vn.hocso.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium as the browser journeys drive it, Keycloak's login page, and the 360 px check. */
final class Chromium {

    static final Path SCREENSHOTS = Path.of("target/screenshots");

    private Chromium() {}

    /** A fresh browser the size of a small phone (360 × 800 px), in Vietnamese, with {@code extra} switches. */
    static WebDriver phone(String... extra) {
        return open(360, 800, extra);
    }

    static WebDriver open(int width, int height, String... extra) {
        List<String> switches = new ArrayList<>(List.of(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=" + width + "," + height,
                "--lang=vi"));
        switches.addAll(List.of(extra));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .build();
        ChromeOptions options =
                new ChromeOptions().setBinary("/usr/bin/chromium").addArguments(switches);
        // the console, where Chromium reports what the Content-Security-Policy blocked
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        WebDriver browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(width, height));
        return Axe.watch(browser);
    }

    /**
     * Closes the browsers and fails if axe found a serious or critical accessibility violation, or a touch target under
     * 44 px, in any page of the app they showed.
     */
    static void quit(WebDriver... browsers) {
        List<String> violations = new ArrayList<>();
        for (WebDriver browser : browsers) {
            violations.addAll(Axe.violationsOf(browser));
            browser.quit();
        }
        assertEquals(List.of(), violations, "accessibility violations in the pages visited");
    }

    /** Signs a demo user in on Keycloak's own login page, once the browser shows it. */
    static void signIn(WebDriver browser, WebDriverWait wait, String user) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                .sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("hocso123");
        browser.findElement(By.id("kc-login")).click();
    }

    /**
     * From a course page: signs a demo user in, completes their profile on a first sign-in (a civil servant of
     * {@code unit}) and enrols them unless they already are.
     */
    static void signInAndEnrol(WebDriver browser, WebDriverWait wait, String courseUrl, String user, String unit) {
        browser.get(courseUrl);
        browser.findElement(By.cssSelector(".enrol a.button")).click();
        signIn(browser, wait, user);
        wait.until(ExpectedConditions.or(
                ExpectedConditions.urlContains("/profile"), ExpectedConditions.urlToBe(courseUrl)));
        if (browser.getCurrentUrl().contains("/profile")) {
            settle(wait);
            new Select(browser.findElement(By.id("unitId"))).selectByVisibleText(unit);
            click(wait, By.cssSelector("input[name=targetGroup][value=civil-servant]"));
            click(wait, By.cssSelector("form.form button[type=submit]"));
            wait.until(ExpectedConditions.urlToBe(courseUrl));
        }
        settle(wait);
        if (!browser.findElements(By.cssSelector(".enrol button[type=submit]")).isEmpty()) {
            click(wait, By.cssSelector(".enrol button[type=submit]"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash")));
        }
    }

    /** Waits until the page the browser navigated to has finished loading. */
    static void settle(WebDriverWait wait) {
        wait.until(
                driver -> "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
    }

    /**
     * Clicks what {@code by} finds once the page has loaded, looking again if the document changed between finding
     * and clicking: right after a redirect Chromium can answer "node does not belong to the document" for an element
     * it has just handed out (seen once in CI).
     */
    static void click(WebDriverWait wait, By by) {
        settle(wait);
        wait.until(driver -> {
            try {
                driver.findElement(by).click();
                return true;
            } catch (StaleElementReferenceException e) {
                return false;
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return false;
                }
                throw e;
            }
        });
    }

    /**
     * Fails if Chromium's console reported anything our Content-Security-Policy blocked (an inline script or style, a
     * script or media from another origin) on the pages visited since the last look; Keycloak's pages (:8180) answer
     * for their own policy.
     */
    static void assertNoCspViolations(WebDriver browser) {
        List<String> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
                .filter(m -> !m.contains("127.0.0.1:8180"))
                .toList();
        assertEquals(List.of(), violations, "the page broke the Content-Security-Policy");
    }

    /** Keeps a screenshot of the page and fails if it scrolls sideways, naming what sticks out. */
    static void assertFitsA360PixelScreen(WebDriver browser, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        Object overflow = ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        Object culprits = ((JavascriptExecutor) browser).executeScript("""
                const w = document.documentElement.clientWidth;
                return Array.from(document.querySelectorAll('body *'))
                    .filter(e => e.getBoundingClientRect().right > w + 0.5)
                    .map(e => e.tagName + '.' + e.className + '#' + e.id).slice(0, 5).join(' ');""");
        assertEquals(0L, ((Number) overflow).longValue(), name + " scrolls sideways at 360 px: " + culprits);
    }
}
