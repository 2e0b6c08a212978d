package vn.hocso.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hocso.DemoCourses;
import vn.hocso.Forms;
import vn.hocso.account.Person;
import vn.hocso.account.TargetGroup;
import vn.hocso.content.CourseImporter;
import vn.hocso.org.OrgUnit;

/**
 * A state-changing request from another site is refused even with a valid CSRF token: one whose Origin is foreign,
 * or which the browser marks cross-site, gets 403 with a page in the person's language and changes nothing; our own
 * origin, and no Origin at all, still work (the bearer-token exemption is SameOriginRuleTest's).
 */
@QuarkusTest
class SameOriginTest {

    static final String EVIL = "https://evil.example";
    static final String SUBJECT = "same-origin";
    static final String NAME = "Vũ Thị Nguồn";

    @TestHTTPResource("/")
    URL app;

    @Inject
    CourseImporter importer;

    @BeforeEach
    void person() {
        DemoCourses.ensureImported(importer);
        QuarkusTransaction.requiringNew().run(() -> {
            Person person = Person.findBySubject(SUBJECT).orElseGet(Person::new);
            person.subject = SUBJECT;
            person.fullName = NAME;
            person.email = SUBJECT + "@example.vn";
            person.unitId = OrgUnit.findCurrentByCode("48").orElseThrow().id;
            person.targetGroup = TargetGroup.CITIZEN;
            person.persist();
        });
    }

    private static String fullName() {
        return QuarkusTransaction.requiringNew()
                .call(() -> Person.findBySubject(SUBJECT).orElseThrow().fullName);
    }

    /** The profile form as a browser posts it, with a valid CSRF token, then {@code headers} (name, value…). */
    private static Response saveProfile(String newName, String... headers) {
        Forms.Csrf csrf = Forms.csrfFrom("/profile");
        RequestSpecification request = given().redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .cookie("csrf-token", csrf.cookie())
                .formParam("csrf-token", csrf.field())
                .formParam("fullName", newName)
                .formParam(
                        "unitId",
                        QuarkusTransaction.requiringNew()
                                .call(() -> OrgUnit.findCurrentByCode("48").orElseThrow().id))
                .formParam("targetGroup", "citizen");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i].equals("Cookie")) {
                request.cookie(headers[i + 1].split("=")[0], headers[i + 1].split("=")[1]);
            } else {
                request.header(headers[i], headers[i + 1]);
            }
        }
        return request.when().post("/profile");
    }

    @Test
    @TestSecurity(user = "so", roles = "learner")
    @OidcSecurity(claims = @Claim(key = "sub", value = SUBJECT))
    void aFormWithAValidTokenPostedFromAnotherSiteIsRefusedAndChangesNothing() {
        Response refused = saveProfile("Kẻ Mạo Danh", "Origin", EVIL);
        assertEquals(403, refused.statusCode());
        assertEquals("text/html;charset=UTF-8", refused.contentType());
        assertTrue(refused.asString().contains("được gửi từ một trang web khác"), refused.asString());
        assertEquals(NAME, fullName());

        Response english = saveProfile("Kẻ Mạo Danh", "Origin", EVIL, "Cookie", "hocso-lang=en");
        assertEquals(403, english.statusCode());
        assertTrue(english.asString().contains("sent from another website"), english.asString());

        assertEquals(
                403, saveProfile("Kẻ Mạo Danh", "Sec-Fetch-Site", "cross-site").statusCode());
        assertEquals(403, saveProfile("Kẻ Mạo Danh", "Origin", "null").statusCode());
        assertEquals(
                403,
                saveProfile("Kẻ Mạo Danh", "Origin", "http://localhost.evil.example")
                        .statusCode());
        assertEquals(NAME, fullName());
    }

    @Test
    @TestSecurity(user = "so", roles = "learner")
    @OidcSecurity(claims = @Claim(key = "sub", value = SUBJECT))
    void ourOwnOriginAndNoOriginStillWork() {
        String own = app.getProtocol() + "://" + app.getAuthority();
        assertEquals(
                303,
                saveProfile(NAME + " Một", "Origin", own, "Sec-Fetch-Site", "same-origin")
                        .statusCode());
        assertEquals(NAME + " Một", fullName());
        assertEquals(303, saveProfile(NAME).statusCode());
        assertEquals(NAME, fullName());
        // the public address is ours too, whatever host the request was sent to
        assertEquals(303, saveProfile(NAME, "Origin", "http://127.0.0.1:8080").statusCode());
    }

    @Test
    @TestSecurity(
            user = "so",
            roles = {"learner", "trainer", "admin"})
    @OidcSecurity(claims = @Claim(key = "sub", value = SUBJECT))
    void everyStateChangingRouteRefusesAForeignOrigin() {
        Forms.Csrf csrf = Forms.csrfFrom("/courses");
        List<String> accepted = new ArrayList<>();
        List<Routes.Endpoint> changing = Routes.all(ResponseHeadersTest::sample).stream()
                .filter(e -> !e.method().equals("GET"))
                .toList();
        assertTrue(changing.stream().anyMatch(e -> e.template().endsWith("/video/heartbeat")), "" + changing);
        for (Routes.Endpoint e : changing) {
            Response r = given().redirects()
                    .follow(false)
                    .header("Origin", EVIL)
                    .contentType("application/x-www-form-urlencoded")
                    .cookie("csrf-token", csrf.cookie())
                    .formParam("csrf-token", csrf.field())
                    .when()
                    .request(e.method(), e.path());
            if (r.statusCode() != 403 || !r.asString().contains("được gửi từ một trang web khác")) {
                accepted.add(e.method() + " " + e.path() + " → " + r.statusCode());
            }
        }
        assertEquals(List.of(), accepted, "state-changing routes that took a request from another site");
    }
}
