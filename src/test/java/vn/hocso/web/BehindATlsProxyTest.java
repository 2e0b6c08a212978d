package vn.hocso.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Behind a TLS-terminating proxy the app is trusted to read the original scheme (deploy/README.md): answers to
 * requests that came over HTTPS carry Strict-Transport-Security, those over plain HTTP do not (browsers would
 * ignore it there anyway).
 */
@QuarkusTest
@TestProfile(BehindATlsProxyTest.Proxied.class)
class BehindATlsProxyTest {

    public static class Proxied implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.enable-forwarded-host", "true");
        }
    }

    @Test
    void httpsAnswersCarryHstsAndPlainOnesDoNot() {
        assertEquals(
                ResponseHeaders.HSTS,
                given().header("X-Forwarded-Proto", "https")
                        .when()
                        .get("/courses")
                        .header("Strict-Transport-Security"));
        assertEquals(
                ResponseHeaders.HSTS,
                given().header("X-Forwarded-Proto", "https")
                        .when()
                        .get("/no-such-page")
                        .header("Strict-Transport-Security"));
        assertNull(given().when().get("/courses").header("Strict-Transport-Security"));
    }

    @Test
    void aFormFromOurHttpsAddressIsOursBehindTheProxy() {
        var csrf = vn.hocso.Forms.csrfFrom("/courses");
        assertEquals(
                303,
                given().redirects()
                        .follow(false)
                        .header("X-Forwarded-Proto", "https")
                        .header("X-Forwarded-Host", "hocso.example.vn")
                        .header("Origin", "https://hocso.example.vn")
                        .contentType("application/x-www-form-urlencoded")
                        .cookie("csrf-token", csrf.cookie())
                        .formParam("csrf-token", csrf.field())
                        .formParam("lang", "vi")
                        .formParam("back", "/courses")
                        .when()
                        .post("/lang")
                        .statusCode());
    }
}
