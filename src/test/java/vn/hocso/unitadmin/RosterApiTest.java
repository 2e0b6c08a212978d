package vn.hocso.unitadmin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hocso.Forms;
import vn.hocso.account.Person;

/**
 * The roster API for clients signed in with a bearer token (no CSRF cookie, no form): the file is the request body.
 * The pages' multipart form keeps its CSRF check.
 */
@QuarkusTest
@TestSecurity(user = ScopeFixtures.DN_ADMIN, roles = "unit-admin")
class RosterApiTest {

    String tag;

    @BeforeEach
    void admin() {
        ScopeFixtures.admin(ScopeFixtures.DN_ADMIN, "48");
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    private byte[] roster() {
        return ("full_name,email,unit_code\nTrần Thị Api,api." + tag + "@example.vn,48\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anApiClientWithoutCsrfCookieUploadsARosterAsTheBodyAndAppliesIt() {
        int id = given().contentType("text/csv")
                .queryParam("fileName", "api-" + tag + ".csv")
                .body(roster())
                .when()
                .post("/api/unit-admin/rosters")
                .then()
                .statusCode(200)
                .body("fileName", equalTo("api-" + tag + ".csv"))
                .body("status", equalTo("dry-run"))
                .body("newRows", equalTo(1))
                .body("rows", hasSize(1))
                .body("rows[0].outcome", equalTo("new"))
                .extract()
                .path("id");
        assertEquals(
                0L, QuarkusTransaction.requiringNew().call(() -> Person.count("email", "api." + tag + "@example.vn")));

        given().contentType("application/json")
                .when()
                .post("/api/unit-admin/rosters/" + id + "/apply")
                .then()
                .statusCode(200)
                .body("status", equalTo("applied"));
        assertEquals(
                1L, QuarkusTransaction.requiringNew().call(() -> Person.count("email", "api." + tag + "@example.vn")));
    }

    @Test
    void anApiUploadSentAsOctetStreamIsReadByItsContent() {
        given().contentType("application/octet-stream")
                .body(roster())
                .when()
                .post("/api/unit-admin/rosters")
                .then()
                .statusCode(200)
                .body("rows[0].outcome", equalTo("new"));
    }

    @Test
    void anEmptyOrOversizedApiUploadIsRefusedWithAMessage() {
        given().contentType("text/csv")
                .body(new byte[0])
                .when()
                .post("/api/unit-admin/rosters")
                .then()
                .statusCode(400);
        byte[] big = new byte[5 * 1_048_576 + 10];
        java.util.Arrays.fill(big, (byte) 'a');
        given().contentType("text/csv")
                .body(big)
                .when()
                .post("/api/unit-admin/rosters")
                .then()
                .statusCode(413);
    }

    @Test
    void thePagesMultipartUploadStillNeedsItsCsrfToken() {
        given().redirects()
                .follow(false)
                .multiPart("file", "x.csv", roster(), "text/csv")
                .when()
                .post("/unit-admin/rosters")
                .then()
                .statusCode(400);
        Forms.Csrf csrf = Forms.csrfFrom("/unit-admin/rosters");
        given().redirects()
                .follow(false)
                .cookie("csrf-token", csrf.cookie())
                .multiPart("csrf-token", "not-" + csrf.field())
                .multiPart("file", "x.csv", roster(), "text/csv")
                .when()
                .post("/unit-admin/rosters")
                .then()
                .statusCode(400);
        given().redirects()
                .follow(false)
                .cookie("csrf-token", csrf.cookie())
                .multiPart("csrf-token", csrf.field())
                .multiPart("file", "x.csv", roster(), "text/csv")
                .when()
                .post("/unit-admin/rosters")
                .then()
                .statusCode(303)
                .header("Location", containsString("/unit-admin/rosters/"));
    }
}
