package vn.hocso.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.hocso.e2e.RealKeycloakProfile;

/** Bearer tokens from the real Keycloak, verified once and then answered from memory, with every rule intact. */
@QuarkusTest
@TestProfile(RealKeycloakProfile.class)
@Tag("e2e")
class BearerTokensWithRealKeycloakTest {

    static final String COURSE = "an-toan-tren-mang";

    @Inject
    VerifiedBearerTokens tokens;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realm;

    @ConfigProperty(name = "quarkus.oidc.credentials.secret")
    String secret;

    private String token(String user) {
        return given().formParam("grant_type", "password")
                .formParam("client_id", "hocso-app")
                .formParam("client_secret", secret)
                .formParam("username", user)
                .formParam("password", "hocso123")
                .when()
                .post(realm + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    @Test
    void aRepeatedTokenIsAnsweredFromMemoryAndStillProvesOnlyItsOwner() {
        String donvi = token("donvi");
        String quantri = token("quantri");
        int before = tokens.remembered();
        long answered = tokens.answeredFromMemory();

        given().auth()
                .oauth2(donvi)
                .contentType(ContentType.JSON)
                .body("{\"course\":\"" + COURSE + "\"}")
                .when()
                .post("/api/me/enrolments")
                .then()
                .statusCode(200);
        assertEquals(before + 1, tokens.remembered(), "verified by OIDC, then remembered");
        assertEquals(answered, tokens.answeredFromMemory());
        given().auth()
                .oauth2(donvi)
                .when()
                .get("/api/me/enrolments")
                .then()
                .statusCode(200)
                .body("course", hasItem(COURSE));
        assertEquals(answered + 1, tokens.answeredFromMemory(), "answered from memory");
        assertEquals(before + 1, tokens.remembered());

        given().auth()
                .oauth2(quantri)
                .when()
                .get("/api/me/enrolments")
                .then()
                .statusCode(200)
                .body("course", not(hasItem(COURSE)));
        assertEquals(before + 2, tokens.remembered());
    }

    @Test
    void aRememberedTokenWithAnAlteredSignatureOrPayloadIsRefused() {
        String donvi = token("donvi");
        given().auth().oauth2(donvi).when().get("/api/me/enrolments").then().statusCode(200);

        String[] parts = donvi.split("\\.");
        char last = parts[2].charAt(parts[2].length() - 2);
        String badSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 2)
                + (last == 'A' ? 'B' : 'A') + parts[2].charAt(parts[2].length() - 1);
        assertNotEquals(donvi, badSignature);
        given().auth()
                .oauth2(badSignature)
                .when()
                .get("/api/me/enrolments")
                .then()
                .statusCode(401);

        String otherPayload = parts[0] + "." + token("quantri").split("\\.")[1] + "." + parts[2];
        given().auth()
                .oauth2(otherPayload)
                .when()
                .get("/api/me/enrolments")
                .then()
                .statusCode(401);
        given().when()
                .get("/api/me/enrolments")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"));
    }
}
