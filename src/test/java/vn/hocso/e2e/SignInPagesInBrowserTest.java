package vn.hocso.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.hocso.MailTestResource;

/**
 * The sign-in pages belong to the platform (our Keycloak theme, deploy/keycloak/themes/hocso): Vietnamese unless the
 * person chose English on the site, whatever the phone asks for; light; a forgotten password is reset by e-mail
 * through a real SMTP server; registration asks only for an e-mail, a name and a password. axe runs on these pages as
 * on the app's.
 */
@QuarkusTest
@TestProfile(RealKeycloakProfile.class)
@Tag("e2e")
class SignInPagesInBrowserTest {

    static final String APP = "http://127.0.0.1:" + RealKeycloakProfile.PORT;
    private static final Pattern RESET_LINK =
            Pattern.compile("https?://[^\\s\"<>]+/login-actions/action-token[^\\s\"<>]+");

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realm;

    @ConfigProperty(name = "quarkus.oidc.credentials.secret")
    String secret;

    WebDriver browser;
    String createdUser;

    @AfterEach
    void cleanUp() {
        if (browser != null) {
            Chromium.quit(browser);
        }
        if (createdUser != null) {
            given().auth().oauth2(adminToken()).when().delete(admin("/users/" + createdUser));
        }
    }

    @Test
    void theRedirectToSignInCarriesTheSitesLanguage() {
        String vietnamese = given().redirects()
                .follow(false)
                .header("Accept-Language", "en-US,en")
                .when()
                .get(APP + "/my")
                .header("Location");
        assertTrue(vietnamese.contains("ui_locales=vi"), vietnamese);
        String english = given().redirects()
                .follow(false)
                .cookie("hocso-lang", "en")
                .when()
                .get(APP + "/my")
                .header("Location");
        assertTrue(english.contains("ui_locales=en"), english);
    }

    @Test
    void aPhoneThatAsksForEnglishStillGetsVietnameseLightSignInPage() {
        browser = Chromium.phone("--lang=en-US", "--accept-lang=en-US,en");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(APP + "/my");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));

        assertEquals("vi", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("Đăng nhập", browser.findElement(By.id("kc-page-title")).getText());
        assertEquals("Quên mật khẩu?", browser.findElement(By.id("kc-forgot")).getText());
        assertTrue(browser.findElement(By.cssSelector("link[rel=stylesheet]"))
                .getAttribute("href")
                .endsWith("/css/hocso.css"));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        long bytes = ((Number) js.executeScript("""
                        const nav = performance.getEntriesByType('navigation')[0];
                        return performance.getEntriesByType('resource')
                          .reduce((sum, r) => sum + r.transferSize, nav.transferSize);""")).longValue();
        // Keycloak's own theme weighed 2.0 MB (PatternFly alone 1.57 MB)
        assertTrue(bytes < 60_000, "the sign-in page weighs " + bytes + " bytes");
        assertTrue(
                (Boolean) js.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;"),
                "the sign-in page scrolls sideways at 360 px");
    }

    @Test
    void whoChoseEnglishOnTheSiteSignsInInEnglish() {
        browser = Chromium.phone();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(APP + "/");
        browser.findElement(By.cssSelector(".lang button[value=en]")).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
        browser.get(APP + "/my");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));

        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("Sign in", browser.findElement(By.id("kc-page-title")).getText());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aForgottenPasswordIsResetByEmailAndTheLearnerSignsInWithTheNewOne() throws Exception {
        String email = "quen-" + UUID.randomUUID().toString().substring(0, 8) + "@example.vn";
        createdUser = createUser(email);
        String token = adminToken();
        Map<String, Object> smtpBefore =
                given().auth().oauth2(token).when().get(admin("")).as(Map.class);
        Object smtp = smtpBefore.get("smtpServer");
        // the realm mails through the local stack's SMTP server; here, through the test's own (a real GreenMail)
        putRealm(
                token,
                Map.of(
                        "smtpServer",
                        Map.of(
                                "host", "127.0.0.1",
                                "port",
                                        String.valueOf(MailTestResource.server()
                                                .getSmtp()
                                                .getPort()),
                                "from", "no-reply@hocso.local",
                                "fromDisplayName", "HọcSố")));
        try {
            browser = Chromium.phone();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get(APP + "/my");
            wait.until(ExpectedConditions.elementToBeClickable(By.id("kc-forgot")))
                    .click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                    .sendKeys(email);
            browser.findElement(By.cssSelector("#kc-reset-password-form input[type=submit]"))
                    .click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert"), "e-mail"));

            MimeMessage mail = mailTo(email);
            assertEquals("Đặt lại mật khẩu", mail.getSubject());
            Matcher link = RESET_LINK.matcher(plainText(mail));
            assertTrue(link.find(), "no reset link in the e-mail");

            browser.get(link.group().replace("&amp;", "&"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-new")))
                    .sendKeys("mat-khau-moi-2026");
            browser.findElement(By.id("password-confirm")).sendKeys("mat-khau-moi-2026");
            browser.findElement(By.cssSelector("input[type=submit], button[type=submit]"))
                    .click();
            wait.until(ExpectedConditions.urlContains("127.0.0.1:" + RealKeycloakProfile.PORT));

            // the new password signs in by the password grant too; the old one no longer does
            assertEquals(200, passwordGrant(email, "mat-khau-moi-2026").statusCode());
            assertEquals("invalid_grant", passwordGrant(email, "hocso123").path("error"));
        } finally {
            putRealm(token, Map.of("smtpServer", smtp == null ? Map.of() : smtp));
        }
    }

    @Test
    void registrationAsksOnlyForAnEmailANameAndAPassword() {
        browser = Chromium.phone();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(APP + "/my");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#kc-registration a")))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email")));

        List<String> fields = browser.findElements(By.cssSelector("#kc-register-form input")).stream()
                .filter(e -> !List.of("hidden", "submit").contains(e.getAttribute("type")))
                .map(e -> e.getAttribute("name"))
                .sorted()
                .toList();
        assertEquals(List.of("email", "firstName", "lastName", "password", "password-confirm"), fields);

        String email = "moi-" + UUID.randomUUID().toString().substring(0, 8) + "@example.vn";
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("firstName")).sendKeys("Thị Mai");
        browser.findElement(By.id("lastName")).sendKeys("Đỗ");
        browser.findElement(By.id("password")).sendKeys("hocso-2026-moi");
        browser.findElement(By.id("password-confirm")).sendKeys("hocso-2026-moi");
        browser.findElement(
                        By.cssSelector("#kc-register-form input[type=submit], #kc-register-form button[type=submit]"))
                .click();
        // registered and signed in: back in the app, on the page that asked for a sign-in
        wait.until(ExpectedConditions.urlContains(APP + "/my"));
        List<Map<String, Object>> found = given().auth()
                .oauth2(adminToken())
                .queryParam("email", email)
                .queryParam("exact", true)
                .when()
                .get(admin("/users"))
                .as(List.class);
        assertEquals(1, found.size());
        createdUser = (String) found.get(0).get("id");
        assertEquals(email, found.get(0).get("username"));
    }

    private io.restassured.response.Response passwordGrant(String username, String password) {
        return given().formParam("grant_type", "password")
                .formParam("client_id", "hocso-app")
                .formParam("client_secret", secret)
                .formParam("username", username)
                .formParam("password", password)
                .formParam("scope", "openid")
                .when()
                .post(realm + "/protocol/openid-connect/token");
    }

    private static MimeMessage mailTo(String address) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until) {
            for (MimeMessage m : MailTestResource.server().getReceivedMessages()) {
                if (Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().contains(address))) {
                    return m;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no e-mail to " + address);
    }

    private static String plainText(MimeMessage mail) throws Exception {
        Object content = mail.getContent();
        if (content instanceof String text) {
            return text;
        }
        Multipart parts = (Multipart) content;
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getContent() instanceof String text) {
                all.append(text).append('\n');
            }
        }
        return all.toString();
    }

    private String createUser(String email) {
        String location = given().auth()
                .oauth2(adminToken())
                .contentType("application/json")
                .body(Map.of(
                        "username",
                        email,
                        "email",
                        email,
                        "emailVerified",
                        true,
                        "enabled",
                        true,
                        "firstName",
                        "Văn Quên",
                        "lastName",
                        "Lê",
                        "credentials",
                        List.of(Map.of("type", "password", "value", "hocso123", "temporary", false)),
                        "realmRoles",
                        List.of("learner")))
                .when()
                .post(admin("/users"))
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private void putRealm(String token, Map<String, Object> settings) {
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(settings)
                .when()
                .put(admin(""))
                .then()
                .statusCode(204);
    }

    private String adminToken() {
        return new KeycloakAdmin(realm).token();
    }

    private String admin(String path) {
        return new KeycloakAdmin(realm).url(path);
    }
}
