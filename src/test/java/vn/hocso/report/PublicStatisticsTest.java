package vn.hocso.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The public statistics page: open to anyone, no personal data, figures kept in memory between refreshes. */
@QuarkusTest
class PublicStatisticsTest {

    @Inject
    PublicStatistics statistics;

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
    void visitorsAreServedTheSameFiguresUntilTheNextRefresh() {
        PublicStatistics.Snapshot first = statistics.current();
        given().when().get("/statistics").then().statusCode(200);
        given().when().get("/statistics").then().statusCode(200);
        assertSame(first, statistics.current(), "no recomputation per request");
        statistics.refresh();
        org.junit.jupiter.api.Assertions.assertNotSame(first, statistics.current());
    }
}
