package vn.hocso.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Served at an https public address (TLS ending at a load balancer, so the app itself is reached over HTTP), the
 * CSRF cookie is Secure; it is SameSite=Lax. (The OIDC cookies take the same Secure setting: config.SecureCookies.)
 */
@QuarkusTest
@TestProfile(CookiesOverHttpsTest.Https.class)
class CookiesOverHttpsTest {

    public static class Https implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hocso.public-url", "https://hocso.example.vn");
        }
    }

    @Test
    void theCsrfCookieIsSecureAndSameSite() {
        String cookie =
                given()
                        .when()
                        .get("/courses")
                        .then()
                        .statusCode(200)
                        .extract()
                        .headers()
                        .getValues("Set-Cookie")
                        .stream()
                        .filter(c -> c.startsWith("csrf-token="))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no CSRF cookie set"));
        assertTrue(cookie.contains("; Secure"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);
    }
}
