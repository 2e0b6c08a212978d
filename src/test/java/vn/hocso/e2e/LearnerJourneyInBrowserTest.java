package vn.hocso.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The first learner journey in headless Chromium, signing in on the real Keycloak login page. */
@QuarkusTest
@TestProfile(RealKeycloakProfile.class)
@Tag("e2e")
class LearnerJourneyInBrowserTest {

    static final String APP = "http://127.0.0.1:" + RealKeycloakProfile.PORT;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realm;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = Chromium.phone();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            Chromium.quit(browser);
        }
    }

    @Test
    void aLearnerSignsInFindsACourseEnrolsReadsALessonAndSeesProgress() throws IOException {
        browser.get(APP + "/courses");
        Chromium.assertFitsA360PixelScreen(browser, "catalogue");

        // find a course by typing without diacritics
        browser.findElement(By.id("q")).sendKeys("an toan tren mang");
        Chromium.click(wait, By.cssSelector("form.search button[type=submit]"));
        wait.until(ExpectedConditions.urlContains("q="));
        Chromium.click(wait, By.cssSelector("a[href='/courses/an-toan-tren-mang']"));
        wait.until(ExpectedConditions.urlContains("/courses/an-toan-tren-mang"));
        Chromium.assertFitsA360PixelScreen(browser, "course");

        // sign in on Keycloak's own page
        Chromium.click(wait, By.cssSelector(".enrol a.button"));
        Chromium.signIn(browser, wait, "hocvien");

        // first sign-in: complete the profile, then land back on the course
        wait.until(ExpectedConditions.urlContains("/profile"));
        assertEquals("Nguyễn Văn An", browser.findElement(By.id("fullName")).getAttribute("value"));
        new Select(browser.findElement(By.id("unitId"))).selectByVisibleText("Thành phố Đà Nẵng");
        Chromium.click(wait, By.cssSelector("input[name=targetGroup][value=community-team]"));
        Chromium.assertFitsA360PixelScreen(browser, "profile");
        Chromium.click(wait, By.cssSelector("form.form button[type=submit]"));
        wait.until(ExpectedConditions.urlToBe(APP + "/courses/an-toan-tren-mang"));

        // enrol, then continue to the first lesson and mark it done
        Chromium.click(wait, By.cssSelector(".enrol button[type=submit]"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash")));
        Chromium.click(wait, By.cssSelector(".enrol a.button"));
        wait.until(ExpectedConditions.urlContains("/lessons/"));
        String firstLesson = browser.getCurrentUrl();
        assertTrue(browser.findElement(By.cssSelector(".prose")).getText().length() > 200);
        Chromium.assertFitsA360PixelScreen(browser, "lesson");
        Chromium.click(wait, By.cssSelector(".lesson-actions button[type=submit]"));
        wait.until(ExpectedConditions.not(ExpectedConditions.urlToBe(firstLesson)));
        assertTrue(browser.findElement(By.cssSelector(".flash")).getText().contains("học xong bài này"));

        // the course page and "my learning" show 1 of N required lessons, with a bar
        browser.get(APP + "/my");
        String progress = browser.findElement(By.cssSelector(".progress-text")).getText();
        assertTrue(progress.startsWith("Đã xong 1/"), progress);
        assertTrue(Integer.parseInt(
                        browser.findElement(By.cssSelector(".progress")).getAttribute("value"))
                > 0);
        Chromium.assertFitsA360PixelScreen(browser, "my-learning");
        browser.get(firstLesson);
        assertTrue(browser.findElement(By.cssSelector(".done-badge")).isDisplayed());

        // the API described for people: Swagger UI renders the operations under the site's policy
        browser.get(APP + "/api-docs");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#swagger-ui .opblock")));
        assertTrue(browser.findElement(By.id("swagger-ui")).getText().contains("/api/courses"));
        Chromium.assertNoCspViolations(browser);
        assertTrue(
                browser.findElements(By.cssSelector("form.signout")).size() == 1,
                "still signed in on the API page (its address must not pick the bearer-only OIDC tenant)");

        // signing out ends the Keycloak session too: the next person on this phone must sign in again
        Chromium.click(wait, By.cssSelector("form.signout button"));
        wait.until(ExpectedConditions.urlMatches("^" + APP + "/(\\?.*)?$"));
        browser.get(APP + "/my");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertTrue(browser.getCurrentUrl().startsWith(realm + "/"), browser.getCurrentUrl());
        Chromium.assertNoCspViolations(browser);
    }
}
