package vn.hocso.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 12 in headless Chromium through the real Keycloak, on a 360 px phone: giangvien makes a course (module, text
 * lesson with preview, quiz with a bank of four question types) and submits it; quantri approves; donvi (a learner too) enrols and
 * completes it; giangvien edits the published lesson's text and reorders lessons; once that is published too,
 * donvi's progress is unchanged.
 */
@QuarkusTest
@TestProfile(RealKeycloakProfile.class)
@Tag("e2e")
class AuthoringInBrowserTest {

    static final String APP = "http://127.0.0.1:" + RealKeycloakProfile.PORT;
    static final String SLUG = "khoa-e2e-" + Long.toString(System.currentTimeMillis(), 36);
    static final String EDIT = APP + "/trainer/courses/" + SLUG;

    WebDriver browser;
    WebDriverWait wait;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            Chromium.quit(browser);
        }
    }

    /** A fresh phone browser (no one signed in), signed in as {@code user} from a page that needs it. */
    private void as(String user, String unit) {
        if (browser != null) {
            Chromium.quit(browser);
        }
        browser = Chromium.phone();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        Chromium.signInAndEnrol(browser, wait, APP + "/courses/ky-nang-so-co-ban", user, unit);
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void submit(String formAction) {
        Chromium.click(wait, By.cssSelector("form[action='" + formAction + "'] button[type=submit]"));
        Chromium.settle(wait);
    }

    private void addQuestion(String id, String type, String stem, List<String> options, String answers)
            throws IOException {
        browser.get(EDIT + "/lessons/kiem-tra/quiz/questions/new");
        type("id", id);
        new Select(browser.findElement(By.id("type"))).selectByValue(type);
        type("stemVi", stem);
        for (int i = 0; i < options.size(); i++) {
            type("opt-id-" + i, "o" + i);
            type("opt-vi-" + i, options.get(i));
            if (options.get(i).startsWith("Đúng")) {
                browser.findElement(By.cssSelector("input[name=optCorrect][value='" + i + "']"))
                        .click();
            }
        }
        if (answers != null) {
            type("answers", answers);
        }
        Chromium.assertFitsA360PixelScreen(browser, "authoring-question");
        submit("/trainer/courses/" + SLUG + "/lessons/kiem-tra/quiz/questions");
        wait.until(ExpectedConditions.urlToBe(EDIT + "/lessons/kiem-tra/quiz"));
    }

    @Test
    void aCourseIsWrittenReviewedPublishedLearnedAndEditedWithoutLosingProgress() throws IOException {
        // --- giangvien writes the course
        as("giangvien", "Thành phố Huế");
        browser.get(APP + "/trainer/courses");
        Chromium.click(wait, By.cssSelector("a[href='/trainer/courses/new']"));
        type("title", "Khoá học soạn trên trình duyệt");
        type("slug", SLUG);
        submit("/trainer/courses/new");
        wait.until(ExpectedConditions.urlToBe(EDIT));
        Chromium.assertFitsA360PixelScreen(browser, "authoring-course");

        type("module-id", "phan-1");
        type("module-title", "Phần 1");
        submit("/trainer/courses/" + SLUG + "/modules");
        for (String[] l : new String[][] {
            {"bai-mo-dau", "text", "Bài mở đầu"}, {"bai-hai", "text", "Bài hai"}, {"kiem-tra", "quiz", "Kiểm tra"}
        }) {
            new Select(browser.findElement(By.id("lesson-kind"))).selectByValue(l[1]);
            type("lesson-id", l[0]);
            type("lesson-title", l[2]);
            submit("/trainer/courses/" + SLUG + "/lessons");
        }

        browser.get(EDIT + "/lessons/bai-mo-dau/text");
        type("body", "## Chào mừng\n\nĐây là **bài mở đầu**.");
        submit("/trainer/courses/" + SLUG + "/lessons/bai-mo-dau/text");
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".preview .prose h2"), "Chào mừng"));
        assertEquals(
                "bài mở đầu",
                browser.findElement(By.cssSelector(".preview .prose strong")).getText());
        Chromium.assertFitsA360PixelScreen(browser, "authoring-lesson");
        browser.get(EDIT + "/lessons/bai-hai/text");
        type("body", "Nội dung bài hai.");
        submit("/trainer/courses/" + SLUG + "/lessons/bai-hai/text");

        addQuestion("mot", "single", "Chọn một", List.of("Đúng 1", "Sai 1", "Sai 2"), null);
        addQuestion("nhieu", "multiple", "Chọn nhiều", List.of("Đúng 1", "Sai 1", "Đúng 2"), null);
        addQuestion("dung-sai", "truefalse", "Điện thoại cần sạc pin?", List.of(), null);
        addQuestion("ngan", "text", "Thủ đô của Việt Nam?", List.of(), "Hà Nội");
        Chromium.assertFitsA360PixelScreen(browser, "authoring-quiz");

        browser.get(EDIT);
        type("summaryVi", "Khoá học thử do giảng viên soạn trên trình duyệt.");
        browser.findElement(By.cssSelector("input[name=targetGroups][value=citizen]"))
                .click();
        new Select(browser.findElement(By.id("finalQuiz"))).selectByValue("kiem-tra");
        submit("/trainer/courses/" + SLUG + "/details");
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form[action='/trainer/courses/" + SLUG + "/submit']")));
        submit("/trainer/courses/" + SLUG + "/submit");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Đã gửi duyệt"));

        // --- quantri sees what changed and approves
        as("quantri", "Thành phố Hà Nội");
        browser.get(EDIT);
        assertTrue(diffShows("+ ## Chào mừng"), "the reviewer sees the lesson's text in the diff");
        Chromium.assertFitsA360PixelScreen(browser, "authoring-review");
        submit("/trainer/courses/" + SLUG + "/publish");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Đã xuất bản"));

        // --- donvi (a learner too) enrols, reads both lessons and passes the quiz: the course is complete
        as("donvi", "Thành phố Đà Nẵng");
        browser.get(APP + "/courses/" + SLUG);
        Chromium.click(wait, By.cssSelector(".enrol button[type=submit]"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash")));
        for (String lesson : List.of("bai-mo-dau", "bai-hai")) {
            browser.get(APP + "/courses/" + SLUG + "/lessons/" + lesson);
            Chromium.click(wait, By.cssSelector(".lesson-actions button[type=submit]"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash")));
        }
        browser.get(APP + "/courses/" + SLUG + "/lessons/kiem-tra/quiz");
        Chromium.click(wait, By.cssSelector(".quiz-start button[type=submit]"));
        wait.until(ExpectedConditions.urlMatches("/quiz/attempts/\\d+$"));
        for (WebElement question : browser.findElements(By.cssSelector("li.question"))) {
            List<WebElement> text = question.findElements(By.cssSelector("input[type=text]"));
            if (!text.isEmpty()) {
                text.get(0).sendKeys("Hà Nội");
                continue;
            }
            for (WebElement option : question.findElements(By.cssSelector("label.option"))) {
                if (option.getText().startsWith("Đúng")) {
                    option.click();
                }
            }
        }
        Chromium.click(wait, By.cssSelector("button.submit"));
        wait.until(ExpectedConditions.urlMatches("/quiz/attempts/\\d+/result$"));
        assertEquals("100%", browser.findElement(By.cssSelector(".score-value")).getText());
        browser.get(APP + "/my");
        String before = progressOf(SLUG);
        assertTrue(before.contains("3/3") && !before.startsWith(" |"), before);

        // --- giangvien edits the published lesson and reorders; learners still see the published text
        as("giangvien", "Thành phố Huế");
        browser.get(EDIT + "/lessons/bai-mo-dau/text");
        type("body", "## Chào mừng (bản mới)\n\nNội dung đã cập nhật.");
        submit("/trainer/courses/" + SLUG + "/lessons/bai-mo-dau/text");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".preview .prose h2"), "bản mới"));
        browser.get(EDIT);
        Chromium.click(wait, By.cssSelector("button[aria-label='Chuyển lên bai-hai']"));
        Chromium.settle(wait);
        submit("/trainer/courses/" + SLUG + "/submit");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Đã gửi duyệt"));

        as("quantri", "Thành phố Hà Nội");
        browser.get(EDIT);
        assertTrue(diffShows("- ## Chào mừng") && diffShows("+ ## Chào mừng (bản mới)"), "old and new lines");
        submit("/trainer/courses/" + SLUG + "/publish");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Đã xuất bản"));

        // --- donvi's progress is what it was; the lesson shows the new text
        as("donvi", "Thành phố Đà Nẵng");
        browser.get(APP + "/my");
        assertEquals(before, progressOf(SLUG));
        browser.get(APP + "/courses/" + SLUG + "/lessons/bai-mo-dau");
        assertTrue(browser.findElement(By.cssSelector(".prose")).getText().contains("bản mới"));
    }

    /** Whether one of the file diffs on the page (open or folded) has this line. */
    private boolean diffShows(String line) {
        return browser.findElements(By.cssSelector("pre.diff")).stream()
                .anyMatch(d -> d.getAttribute("textContent").contains(line));
    }

    /** What "my learning" says of a course's progress: its completion badge and its "done N/M" line. */
    private String progressOf(String slug) {
        for (WebElement card : browser.findElements(By.cssSelector("li.card"))) {
            if (!card.findElements(By.cssSelector("a[href='/courses/" + slug + "']"))
                    .isEmpty()) {
                String badge = card.findElements(By.cssSelector(".done-badge")).stream()
                        .map(WebElement::getText)
                        .findFirst()
                        .orElse("");
                return badge + " | "
                        + card.findElement(By.cssSelector(".progress-text")).getText();
            }
        }
        return browser.findElement(By.tagName("main")).getText();
    }
}
