package vn.hocso.account;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.hocso.Forms;

/**
 * Sessions end at sign-out on every instance (the list is in PostgreSQL), and only a form POST with the CSRF token
 * signs anyone out. (Replaying a real session cookie after signing out through the real Keycloak is
 * e2e.SignOutInBrowserTest.)
 */
@QuarkusTest
class SignOutTest {

    @Inject
    EndedSessions ended;

    private static int myLearning() {
        return given().redirects()
                .follow(false)
                .when()
                .get("/my")
                .then()
                .extract()
                .statusCode();
    }

    @Test
    @TestSecurity(user = "hv", roles = "learner", augmentors = EndedSessionCheck.class)
    @OidcSecurity(claims = @Claim(key = "sid", value = "session-ended-elsewhere"))
    void aSessionEndedOnAnyInstanceSignsNoOneInFromTheNextRequestOn() {
        assertEquals200(myLearning());

        ended.end("session-ended-elsewhere");

        assertTrue(ended.hasEnded("session-ended-elsewhere"));
        assertNotEquals(200, myLearning(), "an ended session still opens /my");
    }

    @Test
    @TestSecurity(user = "hv", roles = "learner", augmentors = EndedSessionCheck.class)
    @OidcSecurity(claims = @Claim(key = "sid", value = "session-with-a-link"))
    void aLinkOrAPostWithoutTheCsrfTokenSignsNoOneOut() {
        given().redirects().follow(false).when().get("/logout").then().statusCode(405);
        given().redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("x", "y")
                .when()
                .post("/logout")
                .then()
                .statusCode(400);
        assertFalse(ended.hasEnded("session-with-a-link"));
        assertEquals200(myLearning());
    }

    @Test
    @TestSecurity(user = "hv", roles = "learner", augmentors = EndedSessionCheck.class)
    @OidcSecurity(claims = @Claim(key = "sid", value = "session-signed-out"))
    void theSignOutFormEndsTheSession() {
        Forms.post("/courses", "/logout").then().statusCode(303);
        assertTrue(ended.hasEnded("session-signed-out"));
        assertNotEquals(200, myLearning());
    }

    private static void assertEquals200(int status) {
        org.junit.jupiter.api.Assertions.assertEquals(200, status);
    }
}
