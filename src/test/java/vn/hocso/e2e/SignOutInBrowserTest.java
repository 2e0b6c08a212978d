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
            Chromium.quit(browser);
        }
    }

    /** The app's cookies as the browser holds them (the session is split over several). */
    private Map<String, String> appCookies() {
        return browser.manage().getCookies().stream().collect(Collectors.toMap(Cookie::getName, Cookie::getValue));
    }

    private static Response replay(Map<String, String> cookies, String path) {
        return given().redirects().follow(false).cookies(cookies).when().get(APP + path);
    }

    private String adminToken() {
        return new KeycloakAdmin(realm).token();
    }

    private String admin(String path) {
        return new KeycloakAdmin(realm).url(path);
    }

    /** Points the client's back-channel logout URL somewhere; answers the URL it had. */
    @SuppressWarnings("unchecked")
    private String backChannelTo(String token, String clientUuid, String url) {
        Map<String, Object> client = given().auth()
                .oauth2(token)
                .when()
                .get(admin("/clients/" + clientUuid))
                .as(Map.class);
        Map<String, Object> attributes = (Map<String, Object>) client.get("attributes");
        String before = (String) attributes.get("backchannel.logout.url");
        attributes.put("backchannel.logout.url", url);
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(client)
                .when()
                .put(admin("/clients/" + clientUuid))
                .then()
                .statusCode(204);
        return before;
    }

    @Test
    void aSessionEndedAtKeycloakEndsHereAtOnceThroughBackChannelLogout() {
        String token = adminToken();
        String clientUuid = given().auth()
                .oauth2(token)
                .queryParam("clientId", "hocso-app")
                .when()
                .get(admin("/clients"))
                .then()
                .statusCode(200)
                .extract()
                .path("[0].id");
        // the realm sends back-channel logouts to the local stack's app (port 8080); for this test, to this app
        String before = backChannelTo(token, clientUuid, APP + "/logout/backchannel");
        try {
            browser.get(APP + "/login");
            Chromium.signIn(browser, wait, "donvi");
            wait.until(ExpectedConditions.urlContains(APP));
            Chromium.settle(wait);
            Map<String, String> kept = appCookies();
            assertEquals(200, replay(kept, "/profile").statusCode());

            // an administrator ends donvi's sessions in Keycloak: Keycloak tells the app, the session ends here
            String user = given().auth()
                    .oauth2(token)
                    .queryParam("username", "donvi")
                    .queryParam("exact", true)
                    .when()
                    .get(admin("/users"))
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("[0].id");
            given().auth()
                    .oauth2(token)
                    .when()
                    .post(admin("/users/" + user + "/logout"))
                    .then()
                    .statusCode(204);

            Response replayed = replay(kept, "/profile");
            assertEquals(302, replayed.statusCode(), "the session outlived its end at Keycloak");
            assertTrue(replayed.header("Location").startsWith(realm + "/"), replayed.header("Location"));
        } finally {
            backChannelTo(token, clientUuid, before);
        }
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
