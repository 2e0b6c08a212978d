package vn.hocso.quiz;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hocso.DemoCourses;
import vn.hocso.Forms;
import vn.hocso.content.CourseImporter;

/**
 * In English, a lesson shows the English body its trainer wrote (lessons/…en.md) and says "available in Vietnamese
 * only" where there is none; quiz questions without English text say the same. Vietnamese pages never say it.
 */
@QuarkusTest
class EnglishContentTest {

    static final String COURSE = "ky-nang-so-co-ban";
    static final String LESSONS = "/courses/" + COURSE + "/lessons/";

    @Inject
    CourseImporter importer;

    @BeforeEach
    void demoCourses() {
        DemoCourses.ensureImported(importer);
    }

    @Test
    @TestSecurity(user = "english-reader", roles = "learner")
    @OidcSecurity(claims = @Claim(key = "sub", value = "english-content-reader"))
    void inEnglishALessonShowsItsEnglishBodyOrSaysItIsInVietnameseOnly() {
        QuizFixtures.enrolled("english-content-reader", COURSE);

        given().cookie("hocso-lang", "en")
                .when()
                .get(LESSONS + "bat-dau-su-dung")
                .then()
                .statusCode(200)
                .body(containsString("What is a smartphone made of?"))
                .body(not(containsString("Điện thoại thông minh gồm những gì?")))
                .body(not(containsString("available in Vietnamese only")));
        given().cookie("hocso-lang", "en")
                .when()
                .get(LESSONS + "ket-noi-wifi-du-lieu")
                .then()
                .statusCode(200)
                .body(containsString("This lesson is available in Vietnamese only."))
                .body(containsString("<div class=\"prose\" lang=\"vi\">"));
        given().when()
                .get(LESSONS + "bat-dau-su-dung")
                .then()
                .statusCode(200)
                .body(containsString("Điện thoại thông minh gồm những gì?"))
                .body(not(containsString("What is a smartphone made of?")))
                .body(not(containsString("chỉ có bằng tiếng Việt")));
    }

    @Test
    @TestSecurity(user = "english-taker", roles = "learner")
    @OidcSecurity(claims = @Claim(key = "sub", value = "english-content-taker"))
    void inEnglishQuestionsWithoutEnglishTextSaySo() {
        QuizFixtures.enrolled("english-content-taker", COURSE);
        String quizPage = LESSONS + "kiem-tra-cuoi-khoa/quiz";
        Response started = Forms.post(quizPage, quizPage + "/attempts");
        started.then().statusCode(303);
        String attempt = started.header("Location");

        given().cookie("hocso-lang", "en")
                .when()
                .get(attempt)
                .then()
                .statusCode(200)
                .body(containsString("These questions are available in Vietnamese only."));
        given().when()
                .get(attempt)
                .then()
                .statusCode(200)
                .body(not(containsString("Các câu hỏi chỉ có bằng tiếng Việt.")));
    }
}
