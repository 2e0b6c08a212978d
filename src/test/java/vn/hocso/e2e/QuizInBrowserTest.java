package vn.hocso.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A trainer, as a learner, takes a demo course's final quiz in headless Chromium on a phone-sized screen: the
 * countdown runs, answers are saved as they are given, the submitted attempt shows the review its policy allows,
 * and the item statistics count the attempt.
 */
@QuarkusTest
@TestProfile(RealKeycloakProfile.class)
@Tag("e2e")
class QuizInBrowserTest {

    static final String APP = "http://127.0.0.1:" + RealKeycloakProfile.PORT;
    static final String COURSE = "ky-nang-so-co-ban";
    static final String LESSON = "kiem-tra-cuoi-khoa";

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = Chromium.phone();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            Chromium.quit(browser);
        }
    }

    /** Signs in as giangvien (completing the profile on a first sign-in) and enrols in the course. */
    private void signInAndEnrol() {
        Chromium.signInAndEnrol(browser, wait, APP + "/courses/" + COURSE, "giangvien", "Thành phố Huế");
    }

    private String countdown() {
        return browser.findElement(By.cssSelector(".countdown .time")).getText();
    }

    @Test
    void aLearnerTakesTheFinalQuizSeesTheCountdownSubmitsAndSeesTheReview() throws Exception {
        signInAndEnrol();

        // from the lesson to the quiz page and its rules, then start
        browser.get(APP + "/courses/" + COURSE + "/lessons/" + LESSON);
        Chromium.click(wait, By.cssSelector(".quiz-link a.button"));
        wait.until(ExpectedConditions.urlToBe(APP + "/courses/" + COURSE + "/lessons/" + LESSON + "/quiz"));
        assertTrue(browser.findElement(By.cssSelector(".quiz-rules")).getText().contains("15 phút"));
        Chromium.assertFitsA360PixelScreen(browser, "quiz");
        Chromium.click(wait, By.cssSelector(".quiz-start button[type=submit]"));
        wait.until(ExpectedConditions.urlMatches("/quiz/attempts/\\d+$"));
        String attemptUrl = browser.getCurrentUrl();

        // the countdown runs from the server's 15 minutes
        wait.until(b -> countdown().matches("1[45]:\\d\\d"));
        String first = countdown();
        wait.withMessage("the countdown moves").until(b -> !first.equals(countdown()));
        assertNotEquals(first, countdown(), "the countdown moves");

        // answer every question: the first option of a choice question, a guess for a text one
        List<WebElement> questions = browser.findElements(By.cssSelector("li.question"));
        assertEquals(10, questions.size());
        for (WebElement question : questions) {
            List<WebElement> text = question.findElements(By.cssSelector("input[type=text]"));
            if (text.isEmpty()) {
                question.findElement(By.cssSelector("label.option")).click();
            } else {
                text.get(0).sendKeys("không biết");
            }
        }
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".save-status"), "Đã lưu câu trả lời."));
        Chromium.assertFitsA360PixelScreen(browser, "attempt");

        // the answers were saved as they were given: a reload shows them
        browser.get(attemptUrl);
        wait.until(b -> b.findElements(By.cssSelector("input:checked")).size()
                        + b.findElements(By.cssSelector("input[type=text]")).stream()
                                .filter(i -> !i.getAttribute("value").isEmpty())
                                .count()
                == 10);

        // submit, and see the result with the review this quiz allows: verdicts, correct answers, explanations
        Chromium.click(wait, By.cssSelector("button.submit"));
        wait.until(ExpectedConditions.urlMatches("/quiz/attempts/\\d+/result$"));
        assertTrue(browser.findElement(By.cssSelector(".score-value")).getText().matches("\\d+%"));
        assertEquals(10, browser.findElements(By.cssSelector(".review-item")).size());
        assertTrue(
                browser.findElements(By.cssSelector(".choices .is-correct")).size() >= 7,
                "the correct options are shown after submission");
        assertTrue(browser.findElement(By.cssSelector("h2")).getText().contains("Xem lại bài làm"));
        Chromium.assertFitsA360PixelScreen(browser, "quiz-result");

        // the quiz page lists the attempt; as a trainer, the statistics count it
        Chromium.click(wait, By.cssSelector(".pager a"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.history")));
        assertTrue(
                browser.findElement(By.cssSelector("table.history")).getText().contains("Lần 1"));
        Chromium.click(wait, By.cssSelector("a[href$='/quiz/stats']"));
        wait.until(ExpectedConditions.urlContains("/quiz/stats"));
        String summary =
                browser.findElement(By.cssSelector("article.quiz-stats > p")).getText();
        assertTrue(summary.startsWith("1 lượt làm bài đã chấm"), summary);
        Chromium.assertFitsA360PixelScreen(browser, "quiz-stats");
        Chromium.assertNoCspViolations(browser);
    }
}
