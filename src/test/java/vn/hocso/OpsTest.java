package vn.hocso;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import java.net.URL;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpsTest {

    @TestHTTPResource(value = "", management = true)
    URL management;

    @Test
    void healthChecksTheDatabaseAndTheObjectStoreOnTheManagementPort() {
        // the provider (the shared Keycloak) may or may not run beside the tests: its check is there either way
        given().baseUri(management.toString())
                .when()
                .get("/health/ready")
                .then()
                .body("checks.find { it.name == 'database' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'object-store' }.status", equalTo("UP"))
                .body("checks.name", hasItem("identity-provider"));
    }

    @Test
    void metricsAreExposedForPrometheusOnTheManagementPort() {
        given().when().get("/courses").then().statusCode(200);
        given().baseUri(management.toString())
                .when()
                .get("/metrics")
                .then()
                .statusCode(200)
                .body(containsString("http_server_requests"));
    }

    @Test
    void thePublicPortServesNoManagementEndpoint() {
        for (String path : List.of("/q/health", "/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui")) {
            given().when().get(path).then().statusCode(404);
        }
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        given().queryParam("format", "json")
                .when()
                .get("/api/openapi")
                .then()
                .statusCode(200)
                .body(containsString("/api/courses"))
                .body(containsString("/api/me/enrolments"))
                .body(not(containsString("/admin/certificates")))
                .body(not(containsString("\"/profile\"")));
    }

    @Test
    void peopleReadTheApiOnAPageOfTheSiteWithSwaggerUiFromOurOrigin() {
        String page = given().when()
                .get("/api-docs")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("id=\"swagger-ui\""))
                .body(containsString("data-document=\"/api/openapi\""))
                .extract()
                .asString();
        Matcher scripts = Pattern.compile("<script src=\"([^\"]+)\"").matcher(page);
        int count = 0;
        while (scripts.find()) {
            count++;
            assertTrue(scripts.group(1).startsWith("/"), "a script from elsewhere: " + scripts.group(1));
            given().when().get(scripts.group(1)).then().statusCode(200).contentType(containsString("javascript"));
        }
        assertTrue(count >= 2, "the page loads Swagger UI and its own script");
        given().when()
                .get("/api-docs/swagger-ui/swagger-ui.css")
                .then()
                .statusCode(200)
                .contentType(containsString("text/css"));
        given().when()
                .get("/courses")
                .then()
                .body(containsString("href=\"/api-docs\""))
                .body(not(containsString("/q/openapi")));
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
