package vn.hocso;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpsTest {

    @Test
    void healthChecksTheDatabaseAndTheObjectStore() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("object-store"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void metricsAreExposedForPrometheus() {
        given().when().get("/courses").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(containsString("/api/courses"))
                .body(containsString("/api/me/enrolments"));
    }

    @Test
    @TestSecurity(user = "hv", roles = "learner")
    @OidcSecurity(claims = @Claim(key = "sub", value = "ops-learner"))
    void aLearnerCannotOpenTheAdminImport() {
        given().when().get("/admin/courses").then().statusCode(403).body(containsString("không có quyền"));
        Forms.post("/courses", "/admin/courses/import").then().statusCode(403);
    }

    @Test
    @TestSecurity(
            user = "qt",
            roles = {"learner", "admin"})
    @OidcSecurity(claims = {@Claim(key = "sub", value = "ops-admin"), @Claim(key = "name", value = "Phạm Thị Dung")})
    void anAdminReimportsTheCoursesFolderAndSeesTheReport() {
        Forms.post("/admin/courses", "/admin/courses/import")
                .then()
                .statusCode(303)
                .header("Location", containsString("/admin/courses"));
        given().when()
                .get("/admin/courses")
                .then()
                .statusCode(200)
                .body(containsString("Phạm Thị Dung"))
                .body(containsString("ky-nang-so-co-ban"));
    }

    @Test
    void theLanguageSwitchRemembersTheChoiceAndGoesBack() {
        Forms.post("/courses", "/lang", "lang", "en", "back", "/courses?q=an")
                .then()
                .statusCode(303)
                .header("Location", containsString("/courses?q=an"))
                .cookie("hocso-lang", "en");
        Forms.post("/courses", "/lang", "lang", "vi", "back", "//evil.example/x")
                .then()
                .statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/"));
    }
}
