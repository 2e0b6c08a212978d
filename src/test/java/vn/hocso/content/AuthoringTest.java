package vn.hocso.content;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.hocso.Forms;
import vn.hocso.account.Person;
import vn.hocso.content.ImportReport.Outcome;
import vn.hocso.course.Course;
import vn.hocso.course.CourseStatus;
import vn.hocso.course.Lesson;
import vn.hocso.progress.ProgressService;

/**
 * Issue 12: a course authored in the browser, from nothing to published, then edited while a learner has progress.
 * The steps run in order, each as the person who does it (trainer, other trainer, admin, learner).
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthoringTest {

    static final String SLUG = "khoa-soan-tren-web";
    static final String PAGE = "/trainer/courses/" + SLUG;
    static final String XSS = "<script>alert(1)</script><img src=x onerror=alert(2)>{inject:currentUser.name}";

    @Inject
    Drafts drafts;

    @Inject
    CourseImporter importer;

    @Inject
    ProgressService progress;

    private static Response post(String action, String... fields) {
        return Forms.post(PAGE, action, fields);
    }

    private static Course course() {
        return QuarkusTransaction.requiringNew()
                .call(() -> Course.findBySlug(SLUG).orElseThrow());
    }

    private static int version(String path) {
        return QuarkusTransaction.requiringNew().call(() -> {
            CourseDraft draft = CourseDraft.findOfCourse(course().id).orElseThrow();
            return DraftFile.findOf(draft.id, path).map(f -> f.version).orElse(0);
        });
    }

    @Test
    @Order(1)
    @TestSecurity(
            user = "giangvien",
            roles = {"learner", "trainer"})
    @OidcSecurity(claims = @Claim(key = "sub", value = "authoring-giangvien"))
    void aTrainerBuildsACourseWithATextLessonAndAQuizOfFourQuestionTypes() {
        // bad input is shown again with what was typed
        Forms.post("/trainer/courses/new", "/trainer/courses/new", "slug", "Khoá Sai", "title", "Tên")
                .then()
                .statusCode(400)
                .body(containsString("Khoá Sai"));
        Forms.post("/trainer/courses/new", "/trainer/courses/new", "slug", SLUG, "title", "Khoá soạn trên web")
                .then()
                .statusCode(303);
        given().when().get(PAGE).then().statusCode(200).body(containsString("Khoá soạn trên web"));
        // not listed, not open to learners until published
        given().when().get("/courses/" + SLUG).then().statusCode(404);

        post(
                        PAGE + "/details",
                        "titleVi",
                        "Khoá soạn trên web",
                        "summaryVi",
                        XSS,
                        "category",
                        "ky-nang-so",
                        "targetGroups",
                        "citizen",
                        "level",
                        "nhap-sai",
                        "version",
                        "1")
                .then()
                .statusCode(400)
                .body(containsString("level"))
                // what was typed is back in the form, as text
                .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"))
                .body(not(containsString("<script>alert(1)")));
        post(PAGE + "/modules", "id", "phan-1", "titleVi", "Phần 1").then().statusCode(303);
        post(PAGE + "/lessons", "module", "phan-1", "id", "bai-doc", "kind", "text", "titleVi", "Bài đọc")
                .then()
                .statusCode(303);
        post(PAGE + "/lessons", "module", "phan-1", "id", "bai-doc-2", "kind", "text", "titleVi", "Bài đọc 2")
                .then()
                .statusCode(303);
        post(PAGE + "/lessons", "module", "phan-1", "id", "kiem-tra", "kind", "quiz", "titleVi", "Kiểm tra")
                .then()
                .statusCode(303);
        // the same id twice is refused inline
        post(PAGE + "/lessons", "module", "phan-1", "id", "bai-doc", "kind", "text", "titleVi", "Lại")
                .then()
                .statusCode(400)
                .body(containsString("bai-doc"));

        String text = PAGE + "/lessons/bai-doc/text";
        Forms.post(
                        text,
                        text,
                        "titleVi",
                        XSS,
                        "minutes",
                        "5",
                        "body",
                        "## Mở đầu\n\n**Đậm** và [xấu](javascript:alert(3)) " + XSS,
                        "version",
                        "0")
                .then()
                .statusCode(303);
        given().when()
                .get(text)
                .then()
                .statusCode(200)
                .body(containsString("<h2>Mở đầu</h2>"))
                .body(containsString("<strong>Đậm</strong>"))
                .body(not(containsString("javascript:alert(3)\"")))
                .body(not(containsString("<script>alert(1)")))
                .body(not(containsString("onerror=alert(2)>")))
                .body(containsString("{inject:currentUser.name}"));

        String quiz = PAGE + "/lessons/kiem-tra/quiz";
        String questions = quiz + "/questions";
        Forms.post(
                        quiz + "/questions/new",
                        questions,
                        "id",
                        "mot",
                        "type",
                        "single",
                        "stemVi",
                        "Một đáp án?",
                        "optId",
                        "a",
                        "optVi",
                        "Đúng",
                        "optId",
                        "b",
                        "optVi",
                        "Sai",
                        "optCorrect",
                        "0",
                        "version",
                        "0")
                .then()
                .statusCode(303);
        // a single-choice question with two right options is refused, with what was typed
        Forms.post(
                        quiz + "/questions/new",
                        questions,
                        "id",
                        "hai",
                        "type",
                        "single",
                        "stemVi",
                        "Hai đáp án?",
                        "optId",
                        "a",
                        "optVi",
                        "A",
                        "optId",
                        "b",
                        "optVi",
                        "B",
                        "optCorrect",
                        "0",
                        "optCorrect",
                        "1",
                        "version",
                        String.valueOf(version("quiz/kiem-tra.yaml")))
                .then()
                .statusCode(400)
                .body(containsString("Hai đáp án?"));
        Forms.post(
                        quiz + "/questions/new",
                        questions,
                        "id",
                        "nhieu",
                        "type",
                        "multiple",
                        "stemVi",
                        "Nhiều đáp án?",
                        "optId",
                        "a",
                        "optVi",
                        "A",
                        "optId",
                        "b",
                        "optVi",
                        "B",
                        "optId",
                        "c",
                        "optVi",
                        "C",
                        "optCorrect",
                        "0",
                        "optCorrect",
                        "2",
                        "weight",
                        "2",
                        "version",
                        String.valueOf(version("quiz/kiem-tra.yaml")))
                .then()
                .statusCode(303);
        Forms.post(
                        quiz + "/questions/new",
                        questions,
                        "id",
                        "dung-sai",
                        "type",
                        "truefalse",
                        "stemVi",
                        "Trời xanh?",
                        "answer",
                        "true",
                        "feedbackVi",
                        "Đúng vậy.",
                        "version",
                        String.valueOf(version("quiz/kiem-tra.yaml")))
                .then()
                .statusCode(303);
        Forms.post(
                        quiz + "/questions/new",
                        questions,
                        "id",
                        "ngan",
                        "type",
                        "text",
                        "stemVi",
                        "Thủ đô?",
                        "answers",
                        "Hà Nội\nHa Noi",
                        "version",
                        String.valueOf(version("quiz/kiem-tra.yaml")))
                .then()
                .statusCode(303);

        // the bank is reordered with plain forms: the last question moves up one place; the first cannot go up
        Forms.post(
                        quiz,
                        questions + "/ngan/move",
                        "dir",
                        "up",
                        "version",
                        String.valueOf(version("quiz/kiem-tra.yaml")))
                .then()
                .statusCode(303);
        Forms.post(quiz, questions + "/mot/move", "dir", "up", "version", String.valueOf(version("quiz/kiem-tra.yaml")))
                .then()
                .statusCode(303);
        String bank = quizFile();
        assertTrue(bank.indexOf("id: \"mot\"") < bank.indexOf("id: \"nhieu\""), bank);
        assertTrue(bank.indexOf("id: \"ngan\"") < bank.indexOf("id: \"dung-sai\""), bank);
        given().when()
                .get(quiz)
                .then()
                .statusCode(200)
                .body(containsString(questions + "/ngan/move"))
                // question types in words, never the file's codes
                .body(containsString("<span class=\"kind\">Trả lời ngắn</span>"))
                .body(not(containsString("<span class=\"kind\">text</span>")));
        // a draw per tag is edited in the settings; one that is no count is refused inline and shown again as typed
        Forms.post(
                        quiz,
                        quiz + "/settings",
                        "drawByTag",
                        "chu-de: nhieu " + XSS,
                        "version",
                        String.valueOf(version("quiz/kiem-tra.yaml")))
                .then()
                .statusCode(400)
                .body(containsString("chu-de: nhieu &lt;script&gt;"))
                .body(not(containsString("<script>alert(1)")));
        Forms.post(
                        quiz,
                        quiz + "/settings",
                        "drawByTag",
                        "chu-de: 2",
                        "version",
                        String.valueOf(version("quiz/kiem-tra.yaml")))
                .then()
                .statusCode(anyOf(is(303), is(400)));
        Forms.post(
                        quiz,
                        quiz + "/settings",
                        "draw",
                        "9",
                        "passPercent",
                        "50",
                        "version",
                        String.valueOf(version("quiz/kiem-tra.yaml")))
                .then()
                .statusCode(400)
                .body(containsString("9"));
        Forms.post(
                        quiz,
                        quiz + "/settings",
                        "draw",
                        "4",
                        "passPercent",
                        "50",
                        "maxAttempts",
                        "3",
                        "counting",
                        "highest",
                        "review",
                        "answers",
                        "version",
                        String.valueOf(version("quiz/kiem-tra.yaml")))
                .then()
                .statusCode(303);

        post(
                        PAGE + "/details",
                        "titleVi",
                        "Khoá soạn trên web",
                        "summaryVi",
                        "Tóm tắt " + XSS,
                        "category",
                        "ky-nang-so",
                        "targetGroups",
                        "citizen",
                        "level",
                        "basic",
                        "finalQuiz",
                        "kiem-tra",
                        "version",
                        String.valueOf(version("course.yaml")))
                .then()
                .statusCode(303);
        given().when().get(PAGE).then().statusCode(200).body(containsString("Không có lỗi"));
        post(PAGE + "/submit").then().statusCode(303);
        // an author cannot approve
        post(PAGE + "/publish").then().statusCode(403);
    }

    @Test
    @Order(2)
    @TestSecurity(
            user = "giangvien-khac",
            roles = {"learner", "trainer"})
    @OidcSecurity(claims = @Claim(key = "sub", value = "authoring-other"))
    void anotherTrainerCannotOpenOrChangeTheCourse() {
        given().when().get(PAGE).then().statusCode(403);
        given().when().get(PAGE + "/lessons/bai-doc/text").then().statusCode(403);
        given().when().get(PAGE + "/lessons/kiem-tra/quiz").then().statusCode(403);
        Forms.Csrf csrf = Forms.csrfFrom("/trainer/courses");
        for (String action : new String[] {
            "/details",
            "/modules",
            "/lessons",
            "/lessons/bai-doc/text",
            "/lessons/bai-doc/retire",
            "/submit",
            "/lessons/kiem-tra/quiz/questions"
        }) {
            given().redirects()
                    .follow(false)
                    .cookie("csrf-token", csrf.cookie())
                    .contentType("application/x-www-form-urlencoded")
                    .formParam("csrf-token", csrf.field())
                    .formParam("version", "0")
                    .when()
                    .post(PAGE + action)
                    .then()
                    .statusCode(403);
        }
        given().when().get("/trainer/courses").then().statusCode(200).body(not(containsString(SLUG)));
    }

    @Test
    @Order(3)
    @TestSecurity(
            user = "quantri",
            roles = {"learner", "admin"})
    @OidcSecurity(claims = @Claim(key = "sub", value = "authoring-admin"))
    void theReviewerSeesWhatChangedAndPublishes() {
        given().when()
                .get(PAGE)
                .then()
                .statusCode(200)
                .body(containsString("bai-doc"))
                .body(containsString("<ins>+ ## Mở đầu</ins>"))
                .body(not(containsString("<script>alert(1)")));
        post(PAGE + "/publish").then().statusCode(303);
        Course course = course();
        assertEquals(CourseStatus.PUBLISHED, course.status);
        given().when()
                .get("/courses/" + SLUG)
                .then()
                .statusCode(200)
                .body(not(containsString("<script>alert(1)")))
                .body(containsString("&lt;script&gt;"));
        // who did what, when
        given().when()
                .get(PAGE)
                .then()
                .body(containsString("gửi duyệt"))
                .body(containsString("duyệt và xuất bản"))
                .body(containsString("giangvien"));
    }

    @Test
    @Order(4)
    void theCourseMadeInTheEditorExportsToFilesTheImporterAcceptsUnchanged() {
        Map<String, String> files = QuarkusTransaction.requiringNew().call(() -> CourseFile.filesOf(course().id));
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((p, t) -> bytes.put(p, t.getBytes(StandardCharsets.UTF_8)));
        ImportReport report =
                importer.importFiles(Map.of(SLUG, bytes), false, MessageBundles.get(ContentMessages.class));
        assertEquals(java.util.List.of(), report.problems());
        assertEquals(Outcome.UNCHANGED, report.courses().get(0).outcome());
        assertTrue(files.get("course.yaml").contains("authors: [\"giangvien\"]"), files.get("course.yaml"));
    }

    @Test
    @Order(5)
    @TestSecurity(user = "hv-authoring", roles = "learner")
    @OidcSecurity(claims = @Claim(key = "sub", value = "authoring-learner"))
    void aLearnerCompletesTheFirstLesson() {
        String course = "/courses/" + SLUG;
        Forms.post(course, course + "/enrol").then().statusCode(303);
        String lesson = course + "/lessons/bai-doc";
        given().when().get(lesson).then().statusCode(200).body(containsString("Mở đầu"));
        Forms.post(lesson, lesson + "/done").then().statusCode(303);
    }

    @Test
    @Order(6)
    @TestSecurity(
            user = "giangvien",
            roles = {"learner", "trainer"})
    @OidcSecurity(claims = @Claim(key = "sub", value = "authoring-giangvien"))
    void editingAPublishedLessonWorksOnADraftAndTwoSavesOfOneVersionConflict() {
        String text = PAGE + "/lessons/bai-doc/text";
        given().when().get(text).then().statusCode(200).body(containsString("Mở đầu"));
        int opened = 0; // no draft yet: the published file is version 0 of the new draft
        Forms.post(text, text, "titleVi", "Bài đọc", "minutes", "5", "body", "## Phiên bản mới\n", "version", "0")
                .then()
                .statusCode(303);
        // a second author who opened the same version saves after: refused, both versions shown, nothing lost
        Forms.post(
                        text,
                        text,
                        "titleVi",
                        "Bài đọc",
                        "minutes",
                        "5",
                        "body",
                        "## Bản của người thứ hai\n",
                        "version",
                        String.valueOf(opened))
                .then()
                .statusCode(409)
                .body(containsString("Phiên bản mới"))
                .body(containsString("Bản của người thứ hai"));
        post(PAGE + "/lessons/bai-doc-2/move", "dir", "up").then().statusCode(303);
        post(PAGE + "/submit").then().statusCode(303);
    }

    @Test
    @Order(7)
    @TestSecurity(user = "hv-authoring", roles = "learner")
    @OidcSecurity(claims = @Claim(key = "sub", value = "authoring-learner"))
    void learnersKeepSeeingThePublishedVersionUntilItIsApproved() {
        given().when()
                .get("/courses/" + SLUG + "/lessons/bai-doc")
                .then()
                .statusCode(200)
                .body(containsString("Mở đầu"))
                .body(not(containsString("Phiên bản mới")));
    }

    @Test
    @Order(8)
    @TestSecurity(
            user = "quantri",
            roles = {"learner", "admin"})
    @OidcSecurity(claims = @Claim(key = "sub", value = "authoring-admin"))
    void publishingTheEditKeepsLessonIdsAndTheLearnersProgress() {
        Map<String, Long> before = lessonIds();
        given().when()
                .get(PAGE)
                .then()
                .statusCode(200)
                .body(containsString("<del>- ## Mở đầu</del>"))
                .body(containsString("<ins>+ ## Phiên bản mới</ins>"));
        post(PAGE + "/publish").then().statusCode(303);
        assertEquals(before, lessonIds());
        long person = QuarkusTransaction.requiringNew()
                .call(() -> Person.findBySubject("authoring-learner").orElseThrow().id);
        long lesson = before.get("bai-doc");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> progress.isLessonDone(person, lesson)));
        Lesson moved = QuarkusTransaction.requiringNew().call(() -> Lesson.findById(before.get("bai-doc-2")));
        assertEquals(0, moved.position);
        assertNotNull(moved);
        assertFalse(QuarkusTransaction.requiringNew()
                .call(() -> CourseDraft.findOfCourse(course().id).isPresent()));
    }

    @Test
    @Order(9)
    void retiringALessonOfACourseSomeoneCompletedDoesNotUncompleteThem() {
        long person = QuarkusTransaction.requiringNew()
                .call(() -> Person.findBySubject("authoring-learner").orElseThrow().id);
        long courseId = course().id;
        Lesson second = QuarkusTransaction.requiringNew().call(() -> Lesson.getActive(courseId, "bai-doc-2"));
        QuarkusTransaction.requiringNew().run(() -> progress.complete(person, second));
        // the learner finished the course (as passing its final quiz would record it)
        QuarkusTransaction.requiringNew()
                .run(() -> Course.getEntityManager()
                        .createNativeQuery("update enrolment set completed_at = now() - interval '1 day'"
                                + " where person_id = ?1 and course_id = ?2")
                        .setParameter(1, person)
                        .setParameter(2, courseId)
                        .executeUpdate());
        Object before = completedAt(person, courseId);

        ContentMessages msg = MessageBundles.get(ContentMessages.class);
        Course course = course();
        drafts.change(
                course,
                "test",
                "retired",
                "bai-doc-2",
                yaml -> yaml.modules.forEach(m -> m.lessons.removeIf(l -> l.id.equals("bai-doc-2"))));
        drafts.submit(course, "test", msg);
        drafts.publish(course, "test", msg);

        Lesson retired = QuarkusTransaction.requiringNew().call(() -> Lesson.findById(second.id));
        assertTrue(retired.retired, "retired, not deleted");
        assertEquals(before, completedAt(person, courseId));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> progress.isLessonDone(person, second.id)));
    }

    private static Object completedAt(long person, long courseId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Course.getEntityManager()
                        .createNativeQuery("select completed_at from enrolment where person_id = ?1 and course_id = ?2")
                        .setParameter(1, person)
                        .setParameter(2, courseId)
                        .getSingleResult());
    }

    private static String quizFile() {
        return QuarkusTransaction.requiringNew().call(() -> {
            CourseDraft draft = CourseDraft.findOfCourse(course().id).orElseThrow();
            return DraftFile.findOf(draft.id, "quiz/kiem-tra.yaml").orElseThrow().body;
        });
    }

    private static Map<String, Long> lessonIds() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Long> ids = new LinkedHashMap<>();
            Lesson.listAllOfCourse(course().id).forEach(l -> ids.put(l.key, l.id));
            return ids;
        });
    }
}
