package vn.hocso.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hocso.DemoCourses;
import vn.hocso.Forms;
import vn.hocso.Metrics;
import vn.hocso.content.CourseImporter;
import vn.hocso.course.Course;
import vn.hocso.course.Lesson;
import vn.hocso.org.OrgUnit;

/**
 * Dependency outages for real: PostgreSQL cut or frozen behind a proxy, the object store stopped and started again or
 * frozen, the OpenID Connect provider down. Pages that need the missing system answer a 503 page in the person's
 * language with Retry-After; pages that do not keep working; readiness names what is down within seconds; and the app
 * recovers by itself when the system is back.
 */
@QuarkusTest
@TestProfile(OutageProfile.class)
class DependencyOutageTest {

    static final String COURSE = "an-toan-tren-mang";
    static final String VI_503 = "Hệ thống đang tạm thời gián đoạn";
    static final String EN_503 = "Part of the platform is briefly unavailable";
    /** Readiness must answer within this, whatever a dependency does (each probe has two seconds, side by side). */
    static final Duration PROMPTLY = Duration.ofSeconds(5);

    @TestHTTPResource(value = "", management = true)
    URL management;

    @Inject
    CourseImporter importer;

    private boolean storeKilled;

    @BeforeEach
    void demoCourses() {
        DemoCourses.ensureImported(importer);
    }

    @AfterEach
    void everythingBack() {
        OutageProfile.control("database pass");
        OutageProfile.control("object-store pass");
        OutageProfile.control("identity-provider pass");
        if (storeKilled) {
            OutageProfile.control("object-store restart");
            storeKilled = false;
        }
        await("database and object store ready again", () -> {
            Response ready = ready();
            return ready.path("checks.find { it.name == 'database' }.status").equals("UP")
                    && ready.path("checks.find { it.name == 'object-store' }.status")
                            .equals("UP");
        });
    }

    private Response ready() {
        Instant start = Instant.now();
        Response response = given().baseUri(management.toString()).when().get("/health/ready");
        Duration took = Duration.between(start, Instant.now());
        assertTrue(took.compareTo(PROMPTLY) < 0, "readiness took " + took);
        return response;
    }

    private static String status(Response ready, String check) {
        return ready.path("checks.find { it.name == '" + check + "' }.status");
    }

    private static void await(String what, Supplier<Boolean> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (condition.get()) {
                    return;
                }
            } catch (AssertionError | RuntimeException notYet) {
                // not yet
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("not within 40 s: " + what);
    }

    @Test
    void readinessNamesEachDependencyAndTheProviderIsDownFromTheStartWhileAnonymousPagesWork() {
        Response ready = ready();
        assertEquals(503, ready.statusCode());
        assertEquals("UP", status(ready, "database"));
        assertEquals("UP", status(ready, "object-store"));
        assertEquals("DOWN", status(ready, "identity-provider"));
        given().when().get("/courses").then().statusCode(200).body(containsString(COURSE));
        given().when().get("/courses/" + COURSE).then().statusCode(200);
        given().when().get("/verify").then().statusCode(200);
    }

    @Test
    void aCutDatabaseGivesA503PageInThePersonsLanguageAndTheAppRecoversByItself() throws Exception {
        // the warning of each such request carries its request id (the balancer's here) in the log line's MDC
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler warnings = new Handler() {
            @Override
            public void publish(LogRecord record) {
                try {
                    logged.add(String.valueOf(
                            record.getClass().getMethod("getMdc", String.class).invoke(record, "requestId")));
                } catch (ReflectiveOperationException e) {
                    logged.add("no MDC: " + e);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger errorPages = Logger.getLogger("vn.hocso.web.ErrorPages");
        errorPages.addHandler(warnings);
        OutageProfile.control("database cut");
        try {
            given().header("X-Request-Id", "lb-outage-1")
                    .when()
                    .get("/courses")
                    .then()
                    .statusCode(503)
                    .header("X-Request-Id", "lb-outage-1");
        } finally {
            errorPages.removeHandler(warnings);
        }
        assertTrue(logged.contains("lb-outage-1"), logged.toString());
        given().when()
                .get("/courses")
                .then()
                .statusCode(503)
                .header("Retry-After", "30")
                .contentType(containsString("text/html"))
                .body(containsString(VI_503))
                .body(not(containsString("SQL")))
                .body(not(containsString("Exception")))
                .body(not(containsString("org.")));
        given().cookie("hocso-lang", "en")
                .when()
                .get("/courses/" + COURSE)
                .then()
                .statusCode(503)
                .body(containsString(EN_503));
        given().when()
                .get("/api/courses")
                .then()
                .statusCode(503)
                .header("Retry-After", "30")
                .body("status", equalTo(503))
                .body("error", containsString(VI_503));
        Response ready = ready();
        assertEquals(503, ready.statusCode());
        assertEquals("DOWN", status(ready, "database"));
        assertEquals("UP", status(ready, "object-store"));
        // what the "dependency down" alert reads, probed by each instance every 15 s
        await(
                "hocso_dependency_up{dependency=database} at 0",
                () -> Metrics.sum(Metrics.scrape(management), "hocso_dependency_up", "dependency=\"database\"") == 0);

        OutageProfile.control("database pass");
        await(
                "the catalogue again, without a restart",
                () -> given().when().get("/courses").statusCode() == 200);
        assertEquals("UP", status(ready(), "database"));
    }

    @Test
    void frozenDependenciesAreReportedDownWithinSecondsAgainAndAgain() {
        OutageProfile.control("database frozen");
        OutageProfile.control("object-store frozen");
        OutageProfile.control("identity-provider frozen");
        for (int i = 0; i < 3; i++) {
            Response ready = ready();
            assertEquals(503, ready.statusCode());
            assertEquals("DOWN", status(ready, "database"), ready.asString());
            assertEquals("DOWN", status(ready, "object-store"), ready.asString());
            assertEquals("DOWN", status(ready, "identity-provider"), ready.asString());
        }
    }

    @Test
    @TestSecurity(
            user = "outage",
            roles = {"learner", "admin"})
    @OidcSecurity(
            claims = {@Claim(key = "sub", value = "outage-learner"), @Claim(key = "email", value = "o@example.vn")})
    void withTheObjectStoreStoppedTextLessonsWorkWhatNeedsItAnswers503AndItComesBack() {
        given().redirects().follow(false).when().get("/login").then().statusCode(303);
        long unit = QuarkusTransaction.requiringNew()
                .call(() -> OrgUnit.findCurrentByCode("48").orElseThrow().id);
        Forms.post(
                        "/profile",
                        "/profile",
                        "fullName",
                        "Võ Văn Sự Cố",
                        "unitId",
                        String.valueOf(unit),
                        "targetGroup",
                        "citizen",
                        "next",
                        "/courses/" + COURSE)
                .then()
                .statusCode(303);
        Forms.post("/courses/" + COURSE, "/courses/" + COURSE + "/enrol").then().statusCode(303);
        String lesson = QuarkusTransaction.requiringNew()
                .call(() -> Lesson.listActiveOfCourse(Course.findBySlug(COURSE).orElseThrow().id)
                        .get(0)
                        .key);

        OutageProfile.control("object-store kill");
        storeKilled = true;
        given().when().get("/courses").then().statusCode(200);
        given().when()
                .get("/courses/" + COURSE + "/lessons/" + lesson)
                .then()
                .statusCode(200)
                .body(containsString("class=\"prose\""));
        given().when().get("/my").then().statusCode(200);
        Response ready = ready();
        assertEquals("DOWN", status(ready, "object-store"));
        assertEquals("UP", status(ready, "database"));
        // a roster upload keeps the file in the object store
        byte[] roster =
                "full_name,email,unit_code\nTrần Thị Sự Cố,su.co@example.vn,48\n".getBytes(StandardCharsets.UTF_8);
        given().contentType("text/csv")
                .body(roster)
                .when()
                .post("/api/unit-admin/rosters")
                .then()
                .statusCode(503)
                .header("Retry-After", "30");

        OutageProfile.control("object-store restart");
        storeKilled = false;
        await("the object store ready again", () -> "UP".equals(status(ready(), "object-store")));
        given().contentType("text/csv")
                .body(roster)
                .when()
                .post("/api/unit-admin/rosters")
                .then()
                .statusCode(200)
                .body("newRows", equalTo(1));
    }
}
