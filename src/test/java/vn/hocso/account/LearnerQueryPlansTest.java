package vn.hocso.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.hocso.DemoCourses;
import vn.hocso.Forms;
import vn.hocso.PlanProfile;
import vn.hocso.QueryPlans;
import vn.hocso.content.CourseImporter;
import vn.hocso.video.VideoFixtures;

/**
 * Growth (issue 14): no statement of the pages a learner uses all day — the signed-in course page, a lesson, "my
 * learning", a video's heartbeats, a quiz started, saved and submitted — reads a table that grows with learners from
 * end to end, once those tables hold enough rows for the planner to choose. The statements are the ones the pages
 * send (traced from the driver while a signed-in learner opens them, with the sign-in session's check), planned
 * generically on {@value QueryPlans#PEOPLE} people with their enrolments, progress, watches, attempts and
 * certificates. (Here, in account, for that check.)
 */
@QuarkusTest
@TestProfile(PlanProfile.class)
class LearnerQueryPlansTest {

    private static final String SUBJECT = "query-plans";
    private static final String COURSE = "ky-nang-so-co-ban";
    private static final String QUIZ_PAGE = "/courses/" + COURSE + "/lessons/kiem-tra-cuoi-khoa/quiz";
    private static final String VIDEO_COURSE = "khoa-video-ke-hoach";
    private static final String VIDEO_PAGE = "/courses/" + VIDEO_COURSE + "/lessons/v-plan";

    @Inject
    CourseImporter importer;

    @Inject
    AgroalDataSource db;

    @Test
    @TestSecurity(user = "hv-plans", roles = "learner", augmentors = EndedSessionCheck.class)
    @OidcSecurity(claims = {@Claim(key = "sub", value = SUBJECT), @Claim(key = "sid", value = "query-plans-session")})
    void noStatementOfTheLearnersPagesScansAGrowingTable() throws Exception {
        DemoCourses.ensureImported(importer);
        VideoFixtures.ensureCourse(importer, VIDEO_COURSE, List.of("v-plan"));
        VideoFixtures.makeReady(VIDEO_COURSE, "v-plan", VideoFixtures.clip(2, 160, 90));
        given().when().get("/my").then().statusCode(200);
        Forms.post("/courses/" + COURSE, "/courses/" + COURSE + "/enrol");
        Forms.post("/courses/" + VIDEO_COURSE, "/courses/" + VIDEO_COURSE + "/enrol");

        List<String> sql = QueryPlans.capture(() -> {
            given().when().get("/courses/" + COURSE).then().statusCode(200);
            given().when()
                    .get("/courses/" + COURSE + "/lessons/ket-noi-wifi-du-lieu")
                    .then()
                    .statusCode(200);
            given().when().get("/my").then().statusCode(200).body(containsString(COURSE));
            heartbeat();
            Response started = Forms.post(QUIZ_PAGE, QUIZ_PAGE + "/attempts");
            started.then().statusCode(303);
            String attempt = started.header("Location");
            Forms.post(attempt, attempt + "/answers").then().statusCode(303);
            Forms.post(attempt, attempt + "/submit").then().statusCode(303);
        });
        assertTrue(sql.stream().anyMatch(s -> s.contains("video_watch")), "the heartbeat's statement was traced");
        assertTrue(sql.stream().anyMatch(s -> s.contains("ended_session")), "the session check was traced");

        // a control that must be found, so that the check is known to see a scan where there is one
        String control = "select id from enrolment where last_seen_at > $1";
        List<String> checked = new java.util.ArrayList<>(sql);
        checked.add(control);
        assertEquals(
                List.of("Seq Scan on enrolment in: " + control),
                QueryPlans.seqScansOfGrowingTables(db, checked),
                "sequential scans of growing tables in " + sql.size() + " statements of the pages");
    }

    /** A heartbeat as the player sends it: the lesson page's CSRF token and watch ticket, a second watched. */
    private static void heartbeat() {
        Forms.Csrf csrf = Forms.csrfFrom(VIDEO_PAGE);
        String html =
                given().when().get(VIDEO_PAGE).then().statusCode(200).extract().asString();
        Matcher ticket = Pattern.compile("data-ticket=\"([^\"]+)\"").matcher(html);
        assertTrue(ticket.find(), "no watch ticket on " + VIDEO_PAGE);
        given().contentType("application/x-www-form-urlencoded")
                .cookie("csrf-token", csrf.cookie())
                .formParam("csrf-token", csrf.field())
                .formParam("ticket", ticket.group(1))
                .formParam("watched", "0-1000")
                .formParam("position", 1000)
                .when()
                .post(VIDEO_PAGE + "/video/heartbeat")
                .then()
                .statusCode(200);
    }
}
