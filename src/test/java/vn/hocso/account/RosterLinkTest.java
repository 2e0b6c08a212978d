package vn.hocso.account;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.Test;
import vn.hocso.audit.AuditEntry;

/** A roster person is linked on first sign-in by a verified e-mail or a phone number, never by name. */
@QuarkusTest
class RosterLinkTest {

    private static long rosterPerson(String name, String email, String phone) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Person p = new Person();
            p.fullName = name;
            p.email = email;
            p.phone = phone;
            p.persist();
            return p.id;
        });
    }

    private static Person reload(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Person.<Person>findById(id));
    }

    @Test
    @TestSecurity(user = "link-email", roles = "learner")
    @OidcSecurity(
            claims = {
                @Claim(key = "sub", value = "link-email"),
                @Claim(key = "email", value = "Link.Email@Example.vn"),
                @Claim(key = "email_verified", value = "true"),
                @Claim(key = "name", value = "Someone Else")
            })
    void aVerifiedEmailLinksTheRosterPersonAndTheLinkIsAudited() {
        long id = rosterPerson("Nguyễn Thị Liên", "link.email@example.vn", null);
        given().when().get("/my").then().statusCode(200);
        assertEquals("link-email", reload(id).subject);
        assertEquals(
                1,
                QuarkusTransaction.requiringNew()
                        .call(() -> AuditEntry.count("action = ?1 and targetId = ?2", "person.link", "" + id)));
    }

    @Test
    @TestSecurity(user = "link-unverified", roles = "learner")
    @OidcSecurity(
            claims = {
                @Claim(key = "sub", value = "link-unverified"),
                @Claim(key = "email", value = "unverified@example.vn"),
                @Claim(key = "email_verified", value = "false")
            })
    void anUnverifiedEmailDoesNotLink() {
        long id = rosterPerson("Hồ Văn Chưa", "unverified@example.vn", null);
        given().when().get("/my").then().statusCode(200);
        assertNull(reload(id).subject);
        assertNotEquals(
                id,
                QuarkusTransaction.requiringNew()
                        .call(() -> Person.findBySubject("link-unverified").orElseThrow().id));
    }

    @Test
    @TestSecurity(user = "link-phone", roles = "learner")
    @OidcSecurity(
            claims = {@Claim(key = "sub", value = "link-phone"), @Claim(key = "phone_number", value = "0987 654 321")})
    void aPhoneNumberWrittenAnotherWayLinks() {
        long id = rosterPerson("Vũ Thị Điện", null, "+84987654321");
        given().when().get("/my").then().statusCode(200);
        assertEquals("link-phone", reload(id).subject);
    }

    @Test
    @TestSecurity(user = "link-name", roles = "learner")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "link-name"), @Claim(key = "name", value = "Đinh Văn Trùng")})
    void aSameNameNeverLinks() {
        long id = rosterPerson("Đinh Văn Trùng", null, null);
        given().when().get("/my").then().statusCode(200);
        assertNull(reload(id).subject);
    }

    @Test
    @TestSecurity(user = "link-english", roles = "learner")
    @OidcSecurity(
            claims = {
                @Claim(key = "sub", value = "link-english"),
                @Claim(key = "email", value = "link.english@example.vn"),
                @Claim(key = "email_verified", value = "true"),
                @Claim(key = "locale", value = "en")
            })
    void theFirstSignInGivesTheRosterPersonTheTokensLanguage() {
        long id = rosterPerson("Lê Thị Anh", "link.english@example.vn", null);
        assertNull(reload(id).language);
        given().when().get("/my").then().statusCode(200);
        assertEquals("en", reload(id).language);
    }

    @Test
    @TestSecurity(user = "link-cookie", roles = "learner")
    @OidcSecurity(
            claims = {
                @Claim(key = "sub", value = "link-cookie"),
                @Claim(key = "email", value = "link.cookie@example.vn"),
                @Claim(key = "email_verified", value = "true"),
                @Claim(key = "locale", value = "en")
            })
    void theLanguageChosenOnTheSiteWinsOverTheTokensAndASwitchIsRemembered() {
        long id = rosterPerson("Phan Văn Chọn", "link.cookie@example.vn", null);
        given().cookie("hocso-lang", "vi").when().get("/my").then().statusCode(200);
        assertEquals("vi", reload(id).language);

        vn.hocso.Forms.post("/my", "/lang", "lang", "en", "back", "/my").then().statusCode(303);
        assertEquals("en", reload(id).language);
    }
}
