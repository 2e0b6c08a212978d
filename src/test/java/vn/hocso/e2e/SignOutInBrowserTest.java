package vn.hocso.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Signing out through the real Keycloak ends the session at once: the session cookies a browser held, replayed after
 * signing out, open nothing (before, they kept opening /my until the tokens expired). A plain link to /logout signs
 * no one out.
 */
@QuarkusTest
@TestProfile(RealKeycloakProfile.class)
@Tag("e2e")
class SignOutInBrowserTest {

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
            browser.quit();
        }
    }

    /** The app's cookies as the browser holds them (the session is split over several). */
    private Map<String, String> appCookies() {
        return browser.manage().getCookies().stream().collect(Collectors.toMap(Cookie::getName, Cookie::getValue));
    }

    private static Response replay(Map<String, String> cookies, String path) {
        return given().redirects().follow(false).cookies(cookies).when().get(APP + path);
    }

    @Test
    void replayingTheSessionCookiesAfterSigningOutOpensNothing() {
        browser.get(APP + "/login");
        Chromium.signIn(browser, wait, "giangvien");
        wait.until(ExpectedConditions.urlContains(APP));
        Chromium.settle(wait);
        Map<String, String> kept = appCookies();
        assertTrue(
                kept.keySet().stream().anyMatch(n -> n.startsWith("q_session")),
                kept.keySet().toString());
        assertEquals(200, replay(kept, "/profile").statusCode(), "the copied cookies are a working session");

        // a link (another site's, or a typed address) does not sign out
        browser.get(APP + "/logout");
        assertEquals(200, replay(kept, "/profile").statusCode());
        browser.get(APP + "/profile");
        Chromium.settle(wait);
        assertFalse(browser.getCurrentUrl().startsWith(realm), "a GET /logout signed the person out");

        Chromium.click(wait, By.cssSelector("form.signout button"));
        wait.until(ExpectedConditions.urlMatches("^" + APP + "/(\\?.*)?$"));

        for (String page : new String[] {"/my", "/profile"}) {
            Response replayed = replay(kept, page);
            assertEquals(302, replayed.statusCode(), page + " answered " + replayed.statusCode());
            assertTrue(replayed.header("Location").startsWith(realm + "/"), replayed.header("Location"));
        }
        // public pages treat the old cookies as nobody's
        String catalogue =
                replay(kept, "/courses").then().statusCode(200).extract().asString();
        assertTrue(catalogue.contains("class=\"signin\""));
        assertFalse(catalogue.contains("class=\"signout\""));
    }
}
