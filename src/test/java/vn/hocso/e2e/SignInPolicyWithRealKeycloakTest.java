package vn.hocso.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The sign-in flow as the real Keycloak enforces it with the realm of deploy/keycloak/hocso-realm.json: PKCE (S256)
 * and a nonce on the app's side, exact redirect and post-logout addresses and PKCE on the realm's, and sign-ins and
 * administrators' changes recorded as events.
 */
@QuarkusTest
@TestProfile(RealKeycloakProfile.class)
@Tag("e2e")
class SignInPolicyWithRealKeycloakTest {

    static final String APP = "http://127.0.0.1:" + RealKeycloakProfile.PORT;
    static final String CALLBACK = APP + "/login";
    /** A valid S256 challenge (of the verifier in RFC 7636's example). */
    static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realm;

    private RequestSpecification authorization(String redirectUri) {
        return given().redirects()
                .follow(false)
                .queryParam("client_id", "hocso-app")
                .queryParam("response_type", "code")
                .queryParam("scope", "openid")
                .queryParam("state", "s")
                .queryParam("nonce", "n")
                .queryParam("redirect_uri", redirectUri);
    }

    private Response authorize(RequestSpecification request) {
        return request.when().get(realm + "/protocol/openid-connect/auth");
    }

    @Test
    void theAppAsksForTheCodeWithPkceANonceAndItsOneCallback() {
        Response challenge = given().redirects().follow(false).when().get(APP + "/my");
        assertEquals(302, challenge.statusCode());
        String location = URLDecoder.decode(challenge.header("Location"), StandardCharsets.UTF_8);
        assertTrue(location.startsWith(realm + "/protocol/openid-connect/auth?"), location);
        assertTrue(location.contains("code_challenge_method=S256"), location);
        assertTrue(location.matches(".*[?&]code_challenge=[A-Za-z0-9_-]{43}(&.*)?$"), location);
        assertTrue(location.matches(".*[?&]nonce=[^&]+.*"), location);
        assertTrue(
                location.contains("redirect_uri=" + CALLBACK + "&") || location.endsWith("redirect_uri=" + CALLBACK));
    }

    @Test
    void keycloakRefusesAnyRedirectAddressButTheExactCallback() {
        // the exact callback, with PKCE: the login page
        assertEquals(
                200,
                authorize(authorization(CALLBACK)
                                .queryParam("code_challenge", CHALLENGE)
                                .queryParam("code_challenge_method", "S256"))
                        .statusCode());
        for (String foreign : new String[] {
            "http://127.0.0.1:" + RealKeycloakProfile.PORT + "/anything",
            "http://127.0.0.1:8081/login",
            "http://localhost:" + RealKeycloakProfile.PORT + "/login",
            "https://evil.example/login"
        }) {
            Response refused = authorize(authorization(foreign)
                    .queryParam("code_challenge", CHALLENGE)
                    .queryParam("code_challenge_method", "S256"));
            assertEquals(400, refused.statusCode(), foreign);
            assertTrue(refused.asString().contains("redirect_uri"), foreign);
        }
    }

    @Test
    void keycloakRefusesAnAuthorizationRequestWithoutPkce() {
        for (RequestSpecification withoutPkce : new RequestSpecification[] {
            authorization(CALLBACK), authorization(CALLBACK).queryParam("code_challenge", CHALLENGE)
        }) {
            Response refused = authorize(withoutPkce);
            // the error goes back to the (valid) callback, no login page is shown
            assertEquals(302, refused.statusCode());
            String location = refused.header("Location");
            assertTrue(location.startsWith(CALLBACK + "?") && location.contains("error=invalid_request"), location);
        }
        // a plain (not S256) challenge is refused too
        Response plain = authorize(authorization(CALLBACK)
                .queryParam("code_challenge", CHALLENGE)
                .queryParam("code_challenge_method", "plain"));
        assertEquals(302, plain.statusCode());
        assertTrue(plain.header("Location").contains("error=invalid_request"), plain.header("Location"));
    }

    @Test
    void keycloakRefusesAForeignPostLogoutAddress() {
        Response refused = given().redirects()
                .follow(false)
                .queryParam("client_id", "hocso-app")
                .queryParam("post_logout_redirect_uri", APP + "/anything")
                .when()
                .get(realm + "/protocol/openid-connect/logout");
        assertEquals(400, refused.statusCode());
        Response home = given().redirects()
                .follow(false)
                .queryParam("client_id", "hocso-app")
                .queryParam("post_logout_redirect_uri", APP + "/")
                .when()
                .get(realm + "/protocol/openid-connect/logout");
        // no session to end: Keycloak goes straight back to the app's home page
        assertEquals(302, home.statusCode());
        assertEquals(APP + "/", home.header("Location"));
    }

    @Test
    void theRealmRecordsSignInsAndAdministratorsChanges() {
        String base = realm.substring(0, realm.indexOf("/realms/"));
        String admin = given().formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", "admin")
                .formParam("password", "admin")
                .when()
                .post(base + "/realms/master/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        Response settings = given().auth().oauth2(admin).when().get(base + "/admin/realms/hocso");
        assertEquals(Boolean.TRUE, settings.path("eventsEnabled"));
        assertEquals(Boolean.TRUE, settings.path("adminEventsEnabled"));
        assertEquals(Boolean.TRUE, settings.path("adminEventsDetailsEnabled"));
        assertTrue(settings.<java.util.List<String>>path("enabledEventTypes").contains("LOGIN"));
        assertTrue(settings.<java.util.List<String>>path("enabledEventTypes").contains("LOGOUT"));
    }
}
