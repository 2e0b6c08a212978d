package vn.hocso;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void theBalancersProbeOfTrafficAnswersWithoutAskingTheDependencies() {
        given().baseUri(management.toString())
                .when()
                .get("/health/group/traffic")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", not(hasItem("identity-provider")));
    }

    @Test
    void everyAnswerCarriesARequestIdTheBalancersOrOurOwn() {
        given().header("X-Request-Id", "lb-4f2a-9")
                .when()
                .get("/courses")
                .then()
                .statusCode(200)
                .header("X-Request-Id", "lb-4f2a-9");
        String made = given().when().get("/courses").then().extract().header("X-Request-Id");
        assertTrue(made.matches("[0-9a-f]{8}-[0-9a-f]+"), made);
        String other = given().when().get("/courses").then().extract().header("X-Request-Id");
        assertNotEquals(made, other);
        // an id from outside that is not short and plain is not repeated into logs and headers
        String replaced = given().header("X-Request-Id", "x".repeat(65))
                .when()
                .get("/courses")
                .then()
                .extract()
                .header("X-Request-Id");
        assertTrue(replaced.matches("[0-9a-f]{8}-[0-9a-f]+"), replaced);
    }

    @Test
    @TestSecurity(
            user = "qt",
            roles = {"learner", "admin"})
    @OidcSecurity(claims = {@Claim(key = "sub", value = "ops-admin"), @Claim(key = "name", value = "Phạm Thị Dung")})
    void courseImportsAndHeartbeatsMoveTheMetrics() throws IOException {
        String before = Metrics.scrape(management);
        Forms.post("/admin/courses", "/admin/courses/import").then().statusCode(303);
        // a heartbeat without its form is refused (400): heartbeats are counted by status in the HTTP metrics
        given().when().post("/courses/x/lessons/y/video/heartbeat").then().statusCode(400);
        String after = Metrics.scrape(management);
        // what deploy/k8s/validate checks the dashboard's and the alerts' metric names against
        Files.writeString(Path.of("target/metrics.txt"), after);
        assertTrue(
                Metrics.sum(after, "hocso_course_imports_total")
                        >= Metrics.sum(before, "hocso_course_imports_total") + 3,
                "the three demo courses, each counted by outcome");
        String heartbeat = "uri=\"/courses/{slug}/lessons/{key}/video/heartbeat\"";
        assertTrue(
                Metrics.sum(after, "http_server_requests_seconds_count", heartbeat, "status=\"400\"")
                        > Metrics.sum(before, "http_server_requests_seconds_count", heartbeat, "status=\"400\""),
                () -> after.lines()
                        .filter(l -> l.contains("heartbeat"))
                        .toList()
                        .toString());
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
