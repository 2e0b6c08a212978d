package vn.hocso.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.hocso.CookieBrowser;

/**
 * Keycloak stopped and started again for real (the test's own, {@link PrivateKeycloak}) under a running app: while it
 * is down, anonymous pages work, a session signed in before keeps working, a new sign-in gets a 503 page in the
 * person's language with Retry-After instead of a redirect to a provider that does not answer, and readiness says
 * {@code identity-provider} DOWN within seconds; once it is back, signing in works again without restarting the app.
 *
 * <p>How long a signed-in session outlives the provider: its ID token is checked with the provider's keys the app
 * already holds, so until the token expires (Keycloak's access token lifespan, 5 minutes in our realm) pages work as
 * before. The app does not refresh tokens (quarkus.oidc.token.refresh-expired is off): an expired token sends the
 * person to sign in again, which, while the provider is still down, is this same 503 page.
 */
@QuarkusTest
@TestProfile(PrivateKeycloak.class)
@Tag("e2e")
class KeycloakOutageWithRealKeycloakTest {

    static final String APP = "http://127.0.0.1:" + RealKeycloakProfile.PORT;
    static final String VI = "Tạm thời chưa đăng nhập được";
    static final String EN = "Signing in is briefly unavailable";
    /** Readiness must answer within this (each dependency's probe has two seconds). */
    static final Duration PROMPTLY = Duration.ofSeconds(5);

    @TestHTTPResource(value = "", management = true)
    URL management;

    @Test
    void withKeycloakStoppedSignedInSessionsAndAnonymousPagesWorkNewSignInsGetA503AndItComesBack() {
        Browser signedIn = new Browser();
        signedIn.signIn("hocvien");
        assertEquals(200, signedIn.get(APP + "/profile").statusCode());
        assertEquals("UP", identityProvider());

        PrivateKeycloak.stop();
        try {
            Instant stopped = Instant.now();
            await("readiness says the provider is down", () -> "DOWN".equals(identityProvider()));
            assertTrue(
                    Duration.between(stopped, Instant.now()).compareTo(PROMPTLY) < 0,
                    "readiness noticed within " + PROMPTLY);

            Browser anonymous = new Browser();
            assertEquals(200, anonymous.get(APP + "/courses").statusCode());
            assertEquals(200, anonymous.get(APP + "/").statusCode());

            HttpResponse<String> profile = signedIn.get(APP + "/profile");
            assertEquals(200, profile.statusCode(), "a session signed in before keeps working");
            assertTrue(profile.body().contains("name=\"fullName\""), "the profile page itself");

            await(
                    "a new sign-in is refused with a 503 page",
                    () -> new Browser().get(APP + "/my").statusCode() == 503);
            HttpResponse<String> refused = anonymous.get(APP + "/my");
            assertEquals(503, refused.statusCode());
            assertEquals("30", refused.headers().firstValue("Retry-After").orElse(""));
            assertTrue(refused.body().contains(VI), refused.body());
            assertFalse(refused.body().contains("Exception"), refused.body());
            assertFalse(refused.headers().firstValue("Location").isPresent());
            Browser english = new Browser();
            english.cookies.put("hocso-lang", "en");
            HttpResponse<String> inEnglish = english.get(APP + "/login");
            assertEquals(503, inEnglish.statusCode());
            assertTrue(inEnglish.body().contains(EN), inEnglish.body());
            assertTrue(inEnglish.body().contains("lang=\"en\""), inEnglish.body());
        } finally {
            PrivateKeycloak.start();
        }

        await("readiness says the provider is up", () -> "UP".equals(identityProvider()));
        await(
                "sign-ins are sent to the provider again",
                () -> new Browser().get(APP + "/my").statusCode() == 302);
        Browser later = new Browser();
        later.signIn("giangvien");
        assertEquals(200, later.get(APP + "/profile").statusCode(), "signed in after the outage, no restart");
        assertEquals(200, signedIn.get(APP + "/profile").statusCode());
    }

    private String identityProvider() {
        Instant start = Instant.now();
        HttpResponse<String> ready = new Browser().get(management.toString().replaceAll("/$", "") + "/health/ready");
        Duration took = Duration.between(start, Instant.now());
        assertTrue(took.compareTo(PROMPTLY) < 0, "readiness took " + took);
        Matcher m = Pattern.compile("\"name\"\\s*:\\s*\"identity-provider\"[^}]*?\"status\"\\s*:\\s*\"(UP|DOWN)\"")
                .matcher(ready.body());
        assertTrue(m.find(), ready.body());
        return m.group(1);
    }

    private static void await(String what, Supplier<Boolean> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (condition.get()) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("not within 30 s: " + what);
    }

    /** A person's browser against this app (see {@link CookieBrowser}). */
    static final class Browser extends CookieBrowser {

        void signIn(String user) {
            signIn(APP, user);
        }
    }
}
