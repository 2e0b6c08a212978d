package vn.hocso.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.RestAssured;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import vn.hocso.Forms;

/** Addresses no person types, answered with a page and a 4xx or a safe redirect, never a 500. */
@QuarkusTest
class OddInputTest {

    @Test
    void aNulInTheQueryOfAPageIsABadRequestPage() {
        given().urlEncodingEnabled(false)
                .get("/courses?q=%00")
                .then()
                .statusCode(400)
                .contentType(containsString("text/html"))
                .body(containsString("<html"));
    }

    @Test
    void aNulInTheQueryOfTheApiIsABadRequestInJson() {
        given().urlEncodingEnabled(false)
                .get("/api/courses?q=%00")
                .then()
                .statusCode(400)
                .contentType(containsString("application/json"));
    }

    @Test
    void aNulInThePathIsABadRequest() {
        given().urlEncodingEnabled(false).get("/courses/a%00b").then().statusCode(400);
    }

    @Test
    void invalidUtf8InTheQueryIsSearchedAsWhatItDecodesTo() {
        given().urlEncodingEnabled(false).get("/courses?q=%C3%28").then().statusCode(200);
    }

    @Test
    void aBrokenPercentEscapeIsABadRequest() throws IOException {
        // sent over a raw socket: HTTP clients refuse to send such an address at all
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.getOutputStream()
                    .write("GET /courses?q=%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            String statusLine = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertEquals("HTTP/1.1 400 Bad Request", statusLine);
        }
    }

    @Test
    void aLanguageSwitchBackToSomethingThatIsNoAddressGoesHome() {
        assertEquals(
                "/",
                Forms.post("/courses", "/lang", "lang", "en", "back", "/{x}")
                        .then()
                        .statusCode(303)
                        .extract()
                        .header("Location")
                        .replaceAll("^https?://[^/]+", ""));
    }

    @Test
    @TestSecurity(user = "odd", roles = "learner")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "odd-input-learner")})
    void aSignInCarryingANextThatIsNoAddressStillSignsIn() {
        given().redirects()
                .follow(false)
                .urlEncodingEnabled(false)
                .get("/login?next=/a%20b")
                .then()
                .statusCode(303)
                .header("Location", endsWith("%2F"));
    }

    @Test
    @TestSecurity(user = "odd", roles = "learner")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "odd-input-learner")})
    void anUnsupportedContentTypeOnTheApiIs415NamingWhatIsExpected() {
        given().contentType("text/plain")
                .body("ky-nang-so-co-ban")
                .when()
                .post("/api/me/enrolments")
                .then()
                .statusCode(415)
                .contentType(containsString("application/json"))
                .body("status", org.hamcrest.Matchers.equalTo(415))
                .body("error", containsString("application/json"))
                .body("error", containsString("text/plain"))
                .body("error", org.hamcrest.Matchers.not(containsString("hệ thống")));
    }

    @Test
    void aFormBodyThatDoesNotDecodeIsABadRequestPage() {
        Forms.Csrf csrf = Forms.csrfFrom("/courses");
        given().redirects()
                .follow(false)
                .urlEncodingEnabled(false)
                .contentType("application/x-www-form-urlencoded")
                .cookie("csrf-token", csrf.cookie())
                .body("csrf-token=" + csrf.field() + "&lang=en&%zz=%")
                .when()
                .post("/lang")
                .then()
                .statusCode(400)
                .contentType(containsString("text/html"));
    }

    @Test
    @TestSecurity(user = "odd", roles = "learner")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "odd-input-learner")})
    void aJsonStringTheDatabaseCannotTakeIsABadRequest() {
        given().contentType("application/json")
                .body("{\"course\":\"a\\u0000b\"}")
                .when()
                .post("/api/me/enrolments")
                .then()
                .statusCode(400)
                .body("status", org.hamcrest.Matchers.equalTo(400));
    }

    @Test
    void redirectsRefuseWhatIsNoAddress() {
        assertEquals("/", Redirects.localOrHome("/a b"));
        assertEquals("/", Redirects.localOrHome("/{x}"));
        assertEquals("/courses?q=a", Redirects.localOrHome("/courses?q=a"));
    }
}
