package vn.hocso.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hocso.DemoCourses;
import vn.hocso.content.CourseImporter;
import vn.hocso.course.Course;
import vn.hocso.course.CourseStatus;

@QuarkusTest
class CatalogTest {

    @Inject
    CourseImporter importer;

    @Inject
    CatalogSearch search;

    @BeforeEach
    void demoCourses() {
        DemoCourses.ensureImported(importer);
    }

    /** Other test classes publish courses of their own into the same database; these tests look at the demo ones. */
    private static final Set<String> DEMO = Set.of("ky-nang-so-co-ban", "dich-vu-cong-truc-tuyen", "an-toan-tren-mang");

    private List<String> slugsFor(String text) {
        return search.search(new CatalogSearch.Query(text, null, null, 1)).courses().stream()
                .map(c -> c.slug)
                .filter(DEMO::contains)
                .toList();
    }

    private static long published() {
        return QuarkusTransaction.requiringNew().call(() -> Course.count("status", CourseStatus.PUBLISHED));
    }

    @Test
    void searchIgnoresDiacriticsAndCase() {
        // the title says it; the other courses say it in their lesson text, which ranks lower
        assertEquals("ky-nang-so-co-ban", slugsFor("chuyen doi so").get(0));
        assertEquals(
                "dich-vu-cong-truc-tuyen", slugsFor("dich vu cong truc tuyen").get(0));
        assertEquals(
                "dich-vu-cong-truc-tuyen", slugsFor("DỊCH VỤ CÔNG TRỰC TUYẾN").get(0));
        // the phrase ranks first; "da" and "nang" also occur apart ("kỹ năng"), which ranks lower
        assertEquals("an-toan-tren-mang", slugsFor("DA NANG").get(0));
        assertEquals("an-toan-tren-mang", slugsFor("đà nẵng").get(0));
    }

    @Test
    void aTitleMatchRanksBeforeASummaryMatch() {
        // "dich vu cong" is in one course's title and in the other courses' summaries
        List<String> slugs = slugsFor("dich vu cong");
        assertEquals("dich-vu-cong-truc-tuyen", slugs.get(0), slugs.toString());
    }

    @Test
    void theCatalogueListsPublishedCoursesWithFilters() {
        // citizens: the courses other test classes insert by SQL name no target group, so they cannot crowd page 1
        given().queryParam("group", "citizen")
                .when()
                .get("/courses")
                .then()
                .statusCode(200)
                .contentType(ContentType.HTML)
                .body(containsString("Kỹ năng số cơ bản"))
                .body(containsString("Dịch vụ công trực tuyến"))
                .body(containsString("lang=\"vi\""));
        given().queryParam("category", "an-toan-thong-tin")
                .when()
                .get("/courses")
                .then()
                .statusCode(200)
                .body(containsString("/courses/an-toan-tren-mang"))
                .body(not(containsString("/courses/ky-nang-so-co-ban\"")));
        given().queryParam("group", "citizen")
                .queryParam("q", "chuyen doi so")
                .when()
                .get("/")
                .then()
                .statusCode(200)
                .body(containsString("/courses/ky-nang-so-co-ban"));
    }

    @Test
    void pagingStaysWithinTheResults() {
        CatalogSearch.Page page = search.search(new CatalogSearch.Query("", null, null, 99_999));
        assertEquals(page.pages(), page.page(), "a page past the end shows the last one");
        assertEquals(published(), page.total());
        given().queryParam("page", "abc").when().get("/courses").then().statusCode(200);
        given().queryParam("page", "-5").when().get("/courses").then().statusCode(200);
    }

    @Test
    void oddQueriesGiveANormalPage() {
        for (String q : List.of(
                "",
                "   ",
                "x".repeat(1000),
                "'; drop table course; --",
                "%' or 1=1 --",
                "_%\\",
                "<script>alert(1)</script>")) {
            given().queryParam("q", q)
                    .when()
                    .get("/courses")
                    .then()
                    .statusCode(200)
                    .body(not(containsString("<script>alert(1)</script>")));
        }
        assertEquals(
                published(),
                search.search(new CatalogSearch.Query("", null, null, 1)).total());
        assertEquals(
                0, search.search(new CatalogSearch.Query("%", null, null, 1)).total());
    }

    @Test
    void theCoursePageShowsTheOutlineToAnyone() {
        given().when()
                .get("/courses/an-toan-tren-mang")
                .then()
                .statusCode(200)
                .body(containsString("An toàn"))
                .body(containsString("<ol class=\"outline\">"))
                .body(containsString("/login?next=/courses/an-toan-tren-mang"));
    }

    @Test
    void anUnknownCourseIsANotFoundPageInTheVisitorsLanguage() {
        given().when()
                .get("/courses/khong-co")
                .then()
                .statusCode(404)
                .contentType(ContentType.HTML)
                .body(containsString("Không tìm thấy trang"));
        given().cookie("hocso-lang", "en")
                .when()
                .get("/courses/khong-co")
                .then()
                .statusCode(404)
                .body(containsString("We could not find that page"));
    }

    @Test
    void theEnglishSwitchTranslatesTheChrome() {
        given().cookie("hocso-lang", "en")
                .when()
                .get("/courses")
                .then()
                .statusCode(200)
                .body(containsString("lang=\"en\""))
                .body(containsString("Course catalogue"))
                .body(containsString("Basic digital skills"));
    }

    @Test
    void theApiSearchesTheSameWay() {
        long expected = search.search(new CatalogSearch.Query("chuyen doi so", null, null, 1))
                .total();
        given().queryParam("q", "chuyen doi so")
                .when()
                .get("/api/courses")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("total", equalTo((int) expected))
                .body("items.slug", hasItem("ky-nang-so-co-ban"));
        given().when()
                .get("/api/courses/dich-vu-cong-truc-tuyen")
                .then()
                .statusCode(200)
                .body("course.slug", equalTo("dich-vu-cong-truc-tuyen"))
                .body("modules.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(2));
        given().when()
                .get("/api/courses/khong-co")
                .then()
                .statusCode(404)
                .contentType(ContentType.JSON)
                .body("status", equalTo(404));
    }
}
