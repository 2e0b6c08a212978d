package vn.hocso.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hocso.DemoCourses;
import vn.hocso.content.ContentMessages;
import vn.hocso.content.CourseImporter;
import vn.hocso.content.ImportReport;
import vn.hocso.course.Course;
import vn.hocso.course.Lesson;

/**
 * Search as a citizen types it (CAT-2): phrases, any order, no diacritics, stop words, one wrong letter, found in
 * lesson titles and text too, ranked by where the words are, never an unpublished course.
 */
@QuarkusTest
class PhraseSearchTest {

    @Inject
    CourseImporter importer;

    @Inject
    CatalogSearch search;

    @BeforeEach
    void courses() {
        DemoCourses.ensureImported(importer);
        // one invented word, "quyxanh", in a different place in each course: ranking by place is all that differs
        write("tim-o-tieu-de", "published", "Quyxanh trong tiêu đề", "Tóm tắt thường", "Bài thường", "Văn bản thường");
        write("tim-o-bai-hoc", "published", "Khoá thứ hai", "Tóm tắt thường", "Bài quyxanh", "Văn bản thường");
        write("tim-o-tom-tat", "published", "Khoá thứ ba", "Tóm tắt có quyxanh", "Bài thường", "Văn bản thường");
        write("tim-o-van-ban", "published", "Khoá thứ tư", "Tóm tắt thường", "Bài thường", "Có chữ quyxanh ở đây");
        write("ban-nhap-quydo", "draft", "Quydo chưa xuất bản", "Quydo", "Bài quydo", "Quydo");
    }

    private void write(String slug, String status, String title, String summary, String lessonTitle, String text) {
        String yaml = """
                title: {vi: "%s"}
                summary: {vi: "%s"}
                category: ky-nang-so
                targetGroups: [community-team]
                level: basic
                status: %s
                modules:
                  - id: mot
                    title: {vi: "Phần một"}
                    lessons:
                      - id: bai-mot
                        kind: text
                        file: lessons/01.md
                """.formatted(title, summary, status);
        String lesson = """
                ---
                title: {vi: "%s"}
                minutes: 3
                ---
                %s
                """.formatted(lessonTitle, text);
        ImportReport report = importer.importFiles(
                Map.of(
                        slug,
                        Map.of(
                                "course.yaml", yaml.getBytes(StandardCharsets.UTF_8),
                                "lessons/01.md", lesson.getBytes(StandardCharsets.UTF_8))),
                true,
                MessageBundles.get(ContentMessages.class));
        assertTrue(report.problems().isEmpty(), () -> report.problems().toString());
    }

    private CatalogSearch.Page find(String text) {
        return QuarkusTransaction.requiringNew()
                .call(() -> search.search(new CatalogSearch.Query(text, null, null, 1)));
    }

    private List<String> slugs(String text) {
        return find(text).courses().stream().map(c -> c.slug).toList();
    }

    @Test
    void theHomePagesOwnSloganFindsTheBasicSkillsCourseFirst() {
        assertEquals("ky-nang-so-co-ban", slugs("học kỹ năng số").get(0));
    }

    @Test
    void aPhraseWithoutDiacriticsFindsWordsSpreadOverLessonText() {
        List<String> slugs = slugs("lua dao qua dien thoai");
        assertTrue(slugs.contains("an-toan-tren-mang"), slugs.toString());
    }

    @Test
    void aWordOnlyInALessonTitleFindsTheCourseAndShowsThatLesson() {
        CatalogSearch.Page page = find("otp");
        Course course = page.courses().stream()
                .filter(c -> c.slug.equals("an-toan-tren-mang"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("otp finds nothing in the safety course"));
        Lesson lesson = page.lessonOf(course);
        assertNotNull(lesson);
        assertEquals("xac-thuc-hai-buoc-otp", lesson.key);
        given().queryParam("q", "otp")
                .when()
                .get("/courses")
                .then()
                .statusCode(200)
                .body(containsString("Xác thực hai bước và mã OTP"))
                .body(containsString("/courses/an-toan-tren-mang#lesson-xac-thuc-hai-buoc-otp"));
    }

    @Test
    void wordsMayComeInAnyOrder() {
        assertEquals(slugs("lừa đảo điện thoại"), slugs("điện thoại lừa đảo"));
        assertTrue(slugs("thoai dien dao lua").contains("an-toan-tren-mang"));
    }

    @Test
    void stopWordsAloneStillSearchAndAmongOthersAreIgnored() {
        assertEquals(slugs("lừa đảo điện thoại"), slugs("lừa đảo qua điện thoại của và"));
        find("và của");
    }

    @Test
    void oneWrongLetterInALongerWordIsForgiven() {
        assertEquals(List.of("tim-o-tieu-de", "tim-o-bai-hoc", "tim-o-tom-tat", "tim-o-van-ban"), slugs("quyxenh"));
        assertTrue(slugs("dien thoaj lua dao").contains("an-toan-tren-mang"));
        assertTrue(slugs("quyxanhh").contains("tim-o-tieu-de"), "a letter too many");
        assertTrue(slugs("quyxnh").contains("tim-o-tieu-de"), "a letter missing");
        assertEquals(List.of(), slugs("quyxxxxh"), "two wrong letters are another word");
        assertEquals(List.of(), slugs("otq"), "short words are not corrected");
    }

    @Test
    void theTitleRanksBeforeALessonTitleBeforeTheSummaryBeforeTheText() {
        assertEquals(List.of("tim-o-tieu-de", "tim-o-bai-hoc", "tim-o-tom-tat", "tim-o-van-ban"), slugs("quyxanh"));
        assertEquals(List.of("tim-o-tieu-de", "tim-o-bai-hoc", "tim-o-tom-tat", "tim-o-van-ban"), slugs("QUYXANH"));
    }

    @Test
    void anUnpublishedCourseIsNeverFound() {
        assertEquals(List.of(), slugs("quydo"));
        write("tim-roi-an", "published", "Khoá quytim", "Tóm tắt", "Bài", "Văn bản");
        assertEquals(List.of("tim-roi-an"), slugs("quytim"));
        write("tim-roi-an", "draft", "Khoá quytim", "Tóm tắt", "Bài", "Văn bản");
        assertEquals(List.of(), slugs("quytim"));
    }

    @Test
    void filtersStillApplyToASearch() {
        assertFalse(slugs("quyxanh").isEmpty());
        assertEquals(
                List.of(),
                QuarkusTransaction.requiringNew()
                        .call(() -> search.search(new CatalogSearch.Query("quyxanh", "dich-vu-cong", null, 1)))
                        .courses());
    }

    @Test
    void hostileQueriesGiveAnOrdinaryPage() {
        for (String q : List.of(
                "'; drop table course_search; --",
                "a & b | !c <-> (d:*",
                "otp:* & !x",
                "\\",
                "漢字 ключ",
                "x".repeat(1000),
                "quyxanh ".repeat(50),
                "<script>alert(1)</script>")) {
            given().queryParam("q", q)
                    .when()
                    .get("/courses")
                    .then()
                    .statusCode(200)
                    .body(org.hamcrest.Matchers.not(containsString("<script>alert(1)</script>")));
            given().queryParam("q", q).when().get("/api/courses").then().statusCode(200);
        }
        // tsquery syntax is only punctuation between words: "otp:*" is the word "otp"
        assertTrue(slugs("otp:*").contains("an-toan-tren-mang"));
    }
}
