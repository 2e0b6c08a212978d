package vn.hocso.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The public statistics page: open to anyone, no personal data, figures kept in memory between refreshes and served as
 * they were while a refresh runs.
 */
@QuarkusTest
class PublicStatisticsTest {

    @Inject
    PublicStatistics statistics;

    @Inject
    DataSource dataSource;

    @Test
    void anyoneSeesTotalsAndTheRankingOfThe34ProvincesButNoName() {
        String name = "Võ Thị Riêng Tư " + ReportFixtures.unique();
        long person = ReportFixtures.person(null, name, ReportFixtures.current("20").id, "+84912000111", null);
        ReportFixtures.enrol(
                person, ReportFixtures.course(), LocalDate.of(2025, 8, 1), LocalDate.of(2025, 8, 2), null, null);
        statistics.refresh();
        PublicStatistics.Snapshot s = statistics.current();
        assertEquals(34, s.ranking().size());
        assertEquals(
                ReportFixtures.count(
                        "select count(distinct e.person_id) from enrolment e join person p" + " on p.id = e.person_id"),
                s.learners());
        given().when()
                .get("/statistics")
                .then()
                .statusCode(200)
                .body(containsString("Thống kê công khai"))
                .body(containsString("Thành phố Huế"))
                .body(containsString("<svg"))
                .body(not(containsString(name)), not(containsString("+84912000111")));
        given().when().get("/").then().statusCode(200).body(containsString("/statistics"));
    }

    @Test
    void anonymousVisitorsShareOnePageWithEachTheirOwnCsrfToken() {
        statistics.refresh();
        var first = given().when().get("/statistics").then().statusCode(200).extract();
        var second = given().when().get("/statistics").then().statusCode(200).extract();
        String firstToken = first.cookie("csrf-token");
        String secondToken = second.cookie("csrf-token");
        assertNotEquals(firstToken, secondToken);
        assertTrue(first.asString().contains("value=\"" + firstToken + "\""));
        assertTrue(
                second.asString().contains("value=\"" + secondToken + "\""), "the kept page with this visitor's token");
        assertFalse(second.asString().contains(firstToken), "never another visitor's token");
        assertEquals(
                first.asString().replace(firstToken, "T"), second.asString().replace(secondToken, "T"));
        // a returning visitor keeps the token of their cookie, which the language switch then sends back
        given().cookie("csrf-token", firstToken)
                .when()
                .get("/statistics")
                .then()
                .statusCode(200)
                .body(containsString("value=\"" + firstToken + "\""), not(containsString(secondToken)));
        given().when()
                .get("/statistics?from=link")
                .then()
                .statusCode(200)
                .body(containsString("value=\"/statistics?from=link\""));
    }

    @Test
    @TestSecurity(user = "statistics-visitor", roles = "learner")
    void aSignedInVisitorIsNeverServedTheAnonymousPage() {
        statistics.refresh();
        given().when().get("/statistics").then().statusCode(200).body(containsString("/logout"));
    }

    @Test
    void visitorsAreServedTheSameFiguresUntilTheNextRefresh() {
        PublicStatistics.Snapshot first = statistics.current();
        given().when().get("/statistics").then().statusCode(200);
        given().when().get("/statistics").then().statusCode(200);
        assertSame(first, statistics.current(), "no recomputation per request");
        statistics.refresh();
        org.junit.jupiter.api.Assertions.assertNotSame(first, statistics.current());
    }

    @Test
    void whileARefreshRunsVisitorsAreServedThePreviousFiguresAtOnce() throws Exception {
        statistics.refresh();
        PublicStatistics.Snapshot before = statistics.current();
        CompletableFuture<Void> refreshing;
        try (Connection c = dataSource.getConnection()) {
            // the refresh is held inside its statement on enrolments, by a lock this test takes
            c.setAutoCommit(false);
            c.createStatement().execute("lock table enrolment in access exclusive mode");
            refreshing = CompletableFuture.runAsync(statistics::refresh);
            waitUntilALockIsAwaited(c);
            CompletableFuture<String> visit = CompletableFuture.supplyAsync(() -> given().when()
                    .get("/statistics")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            String page = visit.get(20, TimeUnit.SECONDS);
            assertTrue(page.contains("Thành phố Huế"), "the previous figures, not a page saying they are computed");
            assertSame(before, statistics.current());
            assertFalse(refreshing.isDone(), "the refresh was still running during the visit");
            c.rollback();
        }
        refreshing.get(60, TimeUnit.SECONDS);
        assertNotSame(before, statistics.current(), "then the new figures are served");
    }

    private static void waitUntilALockIsAwaited(Connection c) throws Exception {
        for (int i = 0; i < 600; i++) {
            try (var rs = c.createStatement()
                    .executeQuery("select count(*) from pg_locks where not granted"
                            + " and relation = 'enrolment'::regclass")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the refresh never reached the enrolments");
    }
}
