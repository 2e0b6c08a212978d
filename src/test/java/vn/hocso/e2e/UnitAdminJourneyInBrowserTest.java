package vn.hocso.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.hocso.MailTestResource;
import vn.hocso.reminder.ReminderSweepForTests;

/**
 * Issue 10's journey in headless Chromium against the real Keycloak: donvi, unit admin of Đà Nẵng, imports a roster
 * (dry run, then apply) and publishes a wave whose due date has passed; a learner on that roster signs in for the
 * first time, is linked to the roster row by her verified e-mail, sees the assigned course with its due date, and her
 * overdue reminder arrives at the SMTP server (GreenMail, MailTestResource).
 *
 * <p>The learner is a Keycloak user made for this run through Keycloak's admin API and deleted afterwards, so the
 * shared realm is never re-imported and the run leaves nothing behind.
 */
@QuarkusTest
@TestProfile(RealKeycloakProfile.class)
@Tag("e2e")
class UnitAdminJourneyInBrowserTest {

    static final String APP = "http://127.0.0.1:" + RealKeycloakProfile.PORT;
    static final String COURSE = "ky-nang-so-co-ban";
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realm;

    @Inject
    EntityManager em;

    WebDriver browser;
    WebDriverWait wait;
    String tag;
    String learner;
    String learnerEmail;
    String learnerId;

    @BeforeEach
    void setUp() {
        tag = UUID.randomUUID().toString().substring(0, 8);
        learner = "hv-roster-" + tag;
        learnerEmail = learner + "@demo.hocso.vn";
        donviAdministersDaNang();
        learnerId = createKeycloakUser();
        browser = Chromium.open(1280, 900);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void tearDown() {
        if (browser != null) {
            browser.quit();
        }
        if (learnerId != null) {
            given().auth()
                    .oauth2(adminToken())
                    .when()
                    .delete(admin("/users/" + learnerId))
                    .then()
                    .statusCode(204);
        }
    }

    @Test
    void donviImportsARosterPublishesAWaveAndTheLearnerIsLinkedSeesTheDueDateAndIsReminded() throws IOException {
        // --- donvi signs in and uploads a roster: the dry run shows the new row and writes nothing
        browser.get(APP + "/login");
        Chromium.signIn(browser, wait, "donvi");
        wait.until(ExpectedConditions.urlContains(APP));
        browser.get(APP + "/unit-admin/rosters");
        Path file = Files.createTempFile("roster-", ".csv");
        Files.writeString(
                file,
                "\uFEFFHọ tên;Email;Mã đơn vị;Đối tượng;Chức vụ\r\n" + "Trịnh Thị Học " + tag + ";" + learnerEmail
                        + ";48;civil-servant;Chuyên viên\r\n",
                StandardCharsets.UTF_8);
        try {
            browser.findElement(By.id("roster-file"))
                    .sendKeys(file.toAbsolutePath().toString());
            Chromium.click(wait, By.cssSelector("#roster-file ~ button[type=submit]"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("apply-roster")));
        } finally {
            Files.deleteIfExists(file);
        }
        assertTrue(
                browser.findElement(By.cssSelector("tr.outcome-new")).getText().contains("Trịnh Thị Học " + tag));
        assertEquals(0L, peopleWithEmail());

        // --- apply: the person exists, without a sign-in yet
        Chromium.click(wait, By.id("apply-roster"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("apply-roster")));
        assertEquals(1L, peopleWithEmail());
        Chromium.assertNoCspViolations(browser);

        // --- a wave for Đà Nẵng whose due date has passed, published
        LocalDate today = LocalDate.now(VIETNAM);
        LocalDate due = today.minusDays(3);
        browser.get(APP + "/unit-admin/waves");
        Chromium.settle(wait);
        browser.findElement(By.id("wave-name")).sendKeys("Đợt bồi dưỡng " + tag);
        new Select(browser.findElement(By.id("wave-unit"))).selectByValue("48");
        Chromium.click(wait, By.cssSelector("input[name=course][value='" + COURSE + "']"));
        Chromium.click(wait, By.cssSelector("input[name=group][value=civil-servant]"));
        setDate("wave-starts", today.minusDays(30));
        setDate("wave-due", due);
        Chromium.click(wait, By.cssSelector("#wave-due ~ button[type=submit]"));
        WebElement publish = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("publish-wave")));
        publish.click();
        wait.until(ExpectedConditions.stalenessOf(publish));
        Chromium.settle(wait);
        assertTrue(browser.findElement(By.cssSelector(".flash")).isDisplayed());
        assertEquals(
                1L,
                QuarkusTransaction.requiringNew()
                        .call(() -> ((Number) em.createNativeQuery("""
                                        select count(*) from enrolment e join person p on p.id = e.person_id
                                        join course c on c.id = e.course_id
                                        where lower(p.email) = ?1 and c.slug = ?2 and e.source = 'assignment'""")
                                        .setParameter(1, learnerEmail)
                                        .setParameter(2, COURSE)
                                        .getSingleResult())
                                .longValue()),
                "the roster person was not assigned the wave's course");
        Chromium.assertNoCspViolations(browser);
        browser.manage().deleteAllCookies();
        browser.quit();

        // --- the learner signs in for the first time on her phone: linked to the roster row by her verified e-mail
        browser = Chromium.phone();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(APP + "/my");
        // by e-mail: the realm makes the e-mail the username of new accounts
        Chromium.signIn(browser, wait, learnerEmail);
        wait.until(ExpectedConditions.urlToBe(APP + "/my"));
        assertEquals(
                1L,
                (Number) QuarkusTransaction.requiringNew()
                        .call(() -> ((Number) em.createNativeQuery(
                                                "select count(*) from person where lower(email) = ?1 and subject is"
                                                        + " not null")
                                        .setParameter(1, learnerEmail)
                                        .getSingleResult())
                                .longValue()),
                "the first sign-in did not link the roster person");

        // --- "my learning": the assigned course first, with who assigned it, its due date and the overdue mark
        WebElement card = browser.findElement(By.cssSelector(".my-courses li.card"));
        assertTrue(card.getAttribute("class").contains("overdue"), card.getAttribute("class"));
        assertTrue(card.findElement(By.cssSelector("h2 a")).getAttribute("href").endsWith("/courses/" + COURSE));
        String text = card.getText();
        assertTrue(text.contains("Đợt bồi dưỡng " + tag), text);
        assertTrue(text.contains(due.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))), text);
        assertTrue(text.contains("Quá hạn 3 ngày"), text);
        Chromium.assertFitsA360PixelScreen(browser, "my-learning-assigned");
        Chromium.assertNoCspViolations(browser);

        // --- the reminder sweep runs (its timer is hours apart): the overdue reminder arrives by SMTP
        ReminderSweepForTests.planToday();
        MimeMessage reminder = waitForMailTo(learnerEmail);
        String body = decoded(reminder);
        assertTrue(body.contains("QUÁ HẠN"), body);
        assertTrue(body.contains("/courses/" + COURSE), body);
    }

    private long peopleWithEmail() {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select count(*) from person where lower(email) = ?1")
                                .setParameter(1, learnerEmail)
                                .getSingleResult())
                        .longValue());
    }

    /** Date inputs take what the browser's locale types; the value itself is ISO in every locale. */
    private void setDate(String id, LocalDate day) {
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].value = arguments[1];", browser.findElement(By.id(id)), day.toString());
    }

    private MimeMessage waitForMailTo(String address) {
        long until = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < until) {
            List<MimeMessage> got = Arrays.stream(MailTestResource.server().getReceivedMessages())
                    .filter(m -> {
                        try {
                            return Arrays.stream(m.getAllRecipients())
                                    .anyMatch(a -> a.toString().equalsIgnoreCase(address));
                        } catch (jakarta.mail.MessagingException e) {
                            return false;
                        }
                    })
                    .toList();
            if (!got.isEmpty()) {
                assertEquals(1, got.size(), "more than one reminder on one day");
                return got.get(0);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no reminder reached the SMTP server for " + address);
    }

    /** The text as sent, its transfer encoding (quoted-printable) undone. */
    private static String decoded(MimeMessage message) {
        try {
            return message.getContent() instanceof String text ? text : GreenMailUtil.getBody(message);
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * donvi is the unit admin of Đà Nẵng (48), as deploy/demo/demo.sql makes them locally: their person is on a roster
     * there (linked at their first sign-in) unless an earlier journey already made it.
     */
    private void donviAdministersDaNang() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    insert into person (full_name, email, unit_id, target_group, position)
                    select 'Lê Văn Cường', 'donvi@demo.hocso.vn', u.id, 'civil-servant', 'Chuyên viên'
                    from org_unit u where u.code = '48' and u.valid_to is null
                      and not exists (select 1 from person p where lower(p.email) = 'donvi@demo.hocso.vn')""").executeUpdate();
            em.createNativeQuery("""
                    insert into unit_admin_grant (person_id, unit_id, granted_by)
                    select p.id, u.id, 'e2e'
                    from person p, org_unit u
                    where lower(p.email) = 'donvi@demo.hocso.vn' and u.code = '48' and u.valid_to is null
                      and not exists (select 1 from unit_admin_grant g
                                      where g.person_id = p.id and g.unit_id = u.id and g.revoked_at is null)""").executeUpdate();
        });
    }

    /** A learner of the realm for this run only, with the roster row's e-mail, verified. Answers Keycloak's id. */
    private String createKeycloakUser() {
        String location = given().auth()
                .oauth2(adminToken())
                .contentType("application/json")
                .body(Map.of(
                        "username",
                        learner,
                        "email",
                        learnerEmail,
                        "emailVerified",
                        true,
                        "enabled",
                        true,
                        "firstName",
                        "Học",
                        "lastName",
                        "Trịnh Thị",
                        "credentials",
                        List.of(Map.of("type", "password", "value", "hocso123", "temporary", false))))
                .when()
                .post(admin("/users"))
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private String adminToken() {
        return new KeycloakAdmin(realm).token();
    }

    private String admin(String path) {
        return new KeycloakAdmin(realm).url(path);
    }
}
