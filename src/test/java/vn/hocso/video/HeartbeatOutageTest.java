package vn.hocso.video;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.hocso.ops.OutageProfile;

/**
 * A heartbeat the database cannot take (PostgreSQL cut behind the test's proxy) is answered 503 with Retry-After in
 * the learner's language, so the player keeps its watched stretches and sends them again (js/video-player.js), and the
 * log gets one warning line rather than a stack trace per heartbeat.
 */
@QuarkusTest
@TestProfile(OutageProfile.class)
class HeartbeatOutageTest {

    @Inject
    WatchTickets tickets;

    @Test
    void aHeartbeatTheDatabaseCouldNotTakeIsA503ThePlayerRetries() {
        String ticket = tickets.issue(UUID.randomUUID(), 1L);
        OutageProfile.control("database cut");
        try {
            given().contentType("application/x-www-form-urlencoded")
                    .cookie("csrf-token", "outage-token")
                    .cookie("hocso-lang", "en")
                    .formParam("csrf-token", "outage-token")
                    .formParam("ticket", ticket)
                    .formParam("watched", "0-10")
                    .formParam("position", 10)
                    .when()
                    .post("/courses/any/lessons/any/video/heartbeat")
                    .then()
                    .statusCode(503)
                    .header("Retry-After", "30")
                    .body("status", equalTo(503))
                    .body("error", containsString("Part of the platform is briefly unavailable"));
        } finally {
            OutageProfile.control("database pass");
        }
    }
}
