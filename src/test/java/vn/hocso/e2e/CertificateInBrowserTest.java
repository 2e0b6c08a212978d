package vn.hocso.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.hocso.account.Person;
import vn.hocso.course.Course;
import vn.hocso.course.Lesson;
import vn.hocso.progress.ProgressService;

/** A learner completes a course, downloads the certificate; a stranger verifies it by its code. */
@QuarkusTest
@TestProfile(RealKeycloakProfile.class)
@Tag("e2e")
class CertificateInBrowserTest {

    static final String APP = "http://127.0.0.1:" + RealKeycloakProfile.PORT;
    static final String COURSE = "dich-vu-cong-truc-tuyen";

    @Inject
    ProgressService progress;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = Chromium.open(412, 900);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            Chromium.quit(browser);
        }
    }

    @Test
    void aLearnerFinishesTheLastLessonDownloadsTheCertificateAndAStrangerVerifiesIt() throws Exception {
        Chromium.signInAndEnrol(browser, wait, APP + "/courses/" + COURSE, "quantri", "Thành phố Hà Nội");

        // everything but the last text lesson is already done (read earlier, or passed)
        long personId = QuarkusTransaction.requiringNew()
                .call(() ->
                        Person.<Person>find("email", "quantri@demo.hocso.vn").firstResult().id);
        List<Lesson> lessons = QuarkusTransaction.requiringNew()
                .call(() -> Lesson.listActiveOfCourse(Course.findBySlug(COURSE).orElseThrow().id));
        Lesson last =
                lessons.stream().filter(Lesson::isText).reduce((a, b) -> b).orElseThrow();
        lessons.stream().filter(l -> !l.id.equals(last.id)).forEach(l -> progress.complete(personId, l));

        browser.get(APP + "/courses/" + COURSE + "/lessons/" + last.key);
        Chromium.click(wait, By.cssSelector(".lesson-actions button[type=submit]"));
        wait.until(ExpectedConditions.urlToBe(APP + "/courses/" + COURSE));
        assertTrue(browser.findElement(By.cssSelector(".flash")).getText().contains("hoàn thành khoá học"));
        assertTrue(browser.findElement(By.cssSelector(".enrol .done-badge")).isDisplayed());

        // the PDF is made in the background: "my learning" shows the link once it is ready
        browser.get(APP + "/my");
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver -> {
            if (driver.findElements(By.cssSelector("a.certificate-link")).isEmpty()) {
                driver.navigate().refresh();
                return false;
            }
            return true;
        });
        String href = browser.findElement(By.cssSelector("a.certificate-link")).getAttribute("href");
        String code = href.replaceAll(".*/certificates/([A-Z0-9]+)/pdf$", "$1");
        // the PDF is a download (Content-Disposition: attachment), so the browser stays on the page: the link is
        // followed with the browser's own session, as its download would be
        String cookies = browser.manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
        HttpResponse<Void> redirect = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(href))
                                .header("Cookie", cookies)
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
        String presigned = redirect.headers().firstValue("Location").orElseThrow();
        assertTrue(presigned.contains("X-Amz-Signature"), presigned);
        assertTrue(!presigned.startsWith(APP), "the browser fetches the PDF from the store, not the app");
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(presigned)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("%PDF", new String(pdf.body(), 0, 4));
        assertTrue(pdf.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));

        // a stranger — signed out — verifies the code typed by hand, in lower case
        browser.get(APP + "/my");
        Chromium.click(wait, By.cssSelector("form.signout button"));
        wait.until(ExpectedConditions.urlMatches("^" + APP + "/(\\?.*)?$"));
        browser.get(APP + "/verify");
        browser.findElement(By.id("code"))
                .sendKeys(code.toLowerCase().substring(0, 5) + "-"
                        + code.toLowerCase().substring(5));
        Chromium.click(wait, By.cssSelector("form.search button[type=submit]"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".verdict")));
        String verdict = browser.findElement(By.cssSelector(".verdict")).getText();
        assertTrue(verdict.contains("Chứng nhận hợp lệ"), verdict);
        assertTrue(verdict.contains("Phạm Thị Dung"), verdict);
        assertTrue(verdict.contains("Sử dụng Dịch vụ công trực tuyến"), verdict);
        Chromium.assertNoCspViolations(browser);
    }
}
