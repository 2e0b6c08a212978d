package vn.hocso.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hocso.DemoCourses;
import vn.hocso.content.CourseImporter;

/**
 * Anonymous catalogue, search and course pages are kept as rendered for the first anonymous visitor and given to the
 * next ones (web.AnonymousPages) until the catalogue's version moves on: each visitor with their own CSRF token, a
 * change by anyone shown on the next visit, and never to a signed-in person.
 */
@QuarkusTest
class AnonymousCataloguePagesTest {

    private static final String COURSE = "/courses/dich-vu-cong-truc-tuyen";

    @Inject
    SessionFactory sessions;

    @Inject
    EntityManager em;

    @Inject
    CourseImporter importer;

    @BeforeEach
    void demoCourses() {
        DemoCourses.ensureImported(importer);
    }

    private static String csrfCookie(ExtractableResponse<Response> response) {
        return response.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("csrf-token="))
                .findFirst()
                .orElse(null);
    }

    /** The cookie as set, its value and expiry (a clock's second) left out. */
    private static String attributes(String setCookie) {
        return setCookie.replace(token(setCookie), "T").replaceAll("Expires=[^;]*;", "");
    }

    private static String token(String setCookie) {
        return setCookie.substring("csrf-token=".length(), setCookie.indexOf(';'));
    }

    @Test
    void aSecondAnonymousVisitorIsGivenTheKeptPageWithoutAStatementOfTheCatalogueAndWithTheirOwnToken() {
        for (String page : List.of("/courses", "/courses?q=dich+vu+cong", COURSE, "/")) {
            var first = given().when().get(page).then().statusCode(200).extract();
            long before = sessions.getStatistics().getPrepareStatementCount();
            var second = given().when().get(page).then().statusCode(200).extract();
            assertEquals(
                    0,
                    sessions.getStatistics().getPrepareStatementCount() - before,
                    page + ": kept, only the version read (plain JDBC)");
            String firstCookie = csrfCookie(first);
            String secondCookie = csrfCookie(second);
            assertNotEquals(token(firstCookie), token(secondCookie), page);
            assertEquals(
                    attributes(firstCookie),
                    attributes(secondCookie),
                    page + ": the same cookie as the CSRF filter sets");
            assertTrue(second.asString().contains("value=\"" + token(secondCookie) + "\""), page);
            assertFalse(second.asString().contains(token(firstCookie)), page + ": never another visitor's token");
            assertEquals(
                    first.asString().replace(token(firstCookie), "T"),
                    second.asString().replace(token(secondCookie), "T"),
                    page);
            assertEquals(first.contentType(), second.contentType(), page);
            assertEquals(first.header("Content-Security-Policy"), second.header("Content-Security-Policy"), page);
            assertEquals(first.header("Cache-Control"), second.header("Cache-Control"), page);
        }
    }

    @Test
    void aReturningVisitorKeepsTheTokenOfTheirCookieAndTheLanguageSwitchAcceptsIt() {
        given().when().get(COURSE).then().statusCode(200);
        String mine = token(csrfCookie(given().when().get(COURSE).then().extract()));
        var kept = given().cookie("csrf-token", mine)
                .when()
                .get(COURSE)
                .then()
                .statusCode(200)
                .body(containsString("value=\"" + mine + "\""))
                .extract();
        assertNull(csrfCookie(kept), "the cookie is kept as it is");
        given().cookie("csrf-token", mine)
                .redirects()
                .follow(false)
                .formParam("csrf-token", mine)
                .formParam("lang", "en")
                .formParam("back", COURSE)
                .when()
                .post("/lang")
                .then()
                .statusCode(303);
    }

    @Test
    void aVisitorWhoChoseEnglishIsGivenTheEnglishPage() {
        given().when().get(COURSE).then().statusCode(200).body(containsString("lang=\"vi\""));
        for (int visit = 1; visit <= 2; visit++) {
            // the first English visit is rendered and kept, the second given the kept English page
            given().cookie("hocso-lang", "en")
                    .when()
                    .get(COURSE)
                    .then()
                    .statusCode(200)
                    .body(containsString("lang=\"en\""));
        }
        given().when().get(COURSE).then().statusCode(200).body(containsString("lang=\"vi\""));
    }

    @Test
    void aChangeMadeByPlainSqlShowsOnTheNextAnonymousVisit() {
        String search = "/courses?q=dich+vu+cong";
        given().when().get(COURSE).then().statusCode(200);
        given().when().get(search).then().statusCode(200);
        String title =
                (String) em.createNativeQuery("select title_vi from course where slug = 'dich-vu-cong-truc-tuyen'")
                        .getSingleResult();
        try {
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createNativeQuery(
                                    "update course set title_vi = title_vi || ' (đổi)' where slug = 'dich-vu-cong-truc-tuyen'")
                            .executeUpdate());
            given().when().get(COURSE).then().statusCode(200).body(containsString(title + " (đổi)"));
            given().when().get(search).then().statusCode(200).body(containsString(title + " (đổi)"));
        } finally {
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createNativeQuery(
                                    "update course set title_vi = ?1 where slug = 'dich-vu-cong-truc-tuyen'")
                            .setParameter(1, title)
                            .executeUpdate());
        }
        given().when().get(COURSE).then().statusCode(200).body(not(containsString(title + " (đổi)")));
    }

    @Test
    void aClientThatTakesNoHtmlIsAnsweredByTheUsualChain() {
        given().when().get(COURSE).then().statusCode(200);
        given().accept("application/json").when().get(COURSE).then().statusCode(406);
        given().accept("text/html,application/xhtml+xml,*/*;q=0.8")
                .when()
                .get(COURSE)
                .then()
                .statusCode(200);
    }

    @Test
    @TestSecurity(user = "anonymous-pages-learner", roles = "learner")
    void aSignedInVisitorIsNeverGivenTheKeptPage() {
        given().when().get(COURSE).then().statusCode(200).body(containsString("/logout"));
        given().when().get("/courses").then().statusCode(200).body(containsString("/logout"));
    }

    @Test
    void anUnreadableCsrfCookieIsAnsweredByTheUsualChainNotByAKeptPage() {
        given().when().get(COURSE).then().statusCode(200);
        var kept = given().when().get(COURSE).then().statusCode(200).extract();
        var odd = given().cookie("csrf-token", "not-a-token")
                .when()
                .get(COURSE)
                .then()
                .extract();
        assertTrue(odd.statusCode() < 500, "status " + odd.statusCode());
        assertFalse(odd.asString().contains("value=\"not-a-token\""), "the odd value is never echoed as a token");
        assertNotEquals(kept.asString(), odd.asString());
    }
}
