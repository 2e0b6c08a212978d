package vn.hocso.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hocso.DemoCourses;
import vn.hocso.Forms;
import vn.hocso.account.Person;
import vn.hocso.account.TargetGroup;
import vn.hocso.content.CourseImporter;
import vn.hocso.org.OrgUnit;

/**
 * Every answer of the public port carries the security headers, whatever wrote it: each route of the app (found in
 * the app, see {@link Routes}) as an anonymous visitor and as a signed-in person, the pages rendered from templates,
 * the JSON API, static files, error pages, a PDF and the heartbeat route. Personal answers are never stored; text
 * always says its charset.
 */
@QuarkusTest
class ResponseHeadersTest {

    static final String COURSE = "ky-nang-so-co-ban";
    static final String QUIZ_PAGE = "/courses/" + COURSE + "/lessons/kiem-tra-cuoi-khoa/quiz";
    static final Path STATIC = Path.of("src/main/resources/META-INF/resources");

    @Inject
    CourseImporter importer;

    @Inject
    EntityManager em;

    @BeforeEach
    void demoCourses() {
        DemoCourses.ensureImported(importer);
    }

    @Test
    void everyAnswerToAnAnonymousVisitorCarriesTheSecurityHeaders() throws IOException {
        List<String> failures = new ArrayList<>();
        List<Routes.Endpoint> routes = Routes.all(ResponseHeadersTest::sample);
        assertTrue(routes.size() > 40, "routes found: " + routes);
        assertTrue(routes.stream().anyMatch(e -> e.template().endsWith("/video/heartbeat")), "the Vert.x route");
        for (Routes.Endpoint e : routes) {
            check(e.method() + " " + e.path(), send(e), false, failures);
        }
        for (String file : staticFiles()) {
            Response r = given().when().get(Assets.url(file));
            assertEquals(200, r.statusCode(), file);
            check("GET " + file, r, false, failures);
            assertEquals(ResponseHeaders.IMMUTABLE, r.header("Cache-Control"), file + " at its versioned address");
            assertEquals("no-cache", given().get(file).header("Cache-Control"), file + " unversioned: revalidated");
        }
        for (String page : List.of("/", "/courses", "/courses/" + COURSE, "/api-docs")) {
            Response r = given().when().get(page);
            assertEquals(200, r.statusCode(), page);
            assertEquals("text/html;charset=UTF-8", r.contentType(), page);
            check("GET " + page, r, false, failures);
            assertEquals("no-cache", r.header("Cache-Control"), page + ": revalidated, so a deploy shows at once");
        }
        Response verify = given().when().get("/verify");
        assertEquals(200, verify.statusCode());
        check("GET /verify", verify, false, failures);
        Response api = given().when().get("/api/courses");
        assertEquals(200, api.statusCode());
        check("GET /api/courses", api, false, failures);
        Response missing = given().when().get("/no-such-page");
        assertEquals(404, missing.statusCode());
        assertEquals("text/html;charset=UTF-8", missing.contentType());
        check("GET /no-such-page", missing, false, failures);
        check(
                "GET /api-docs/swagger-ui/swagger-ui-bundle.js",
                given().get("/api-docs/swagger-ui/swagger-ui-bundle.js"),
                false,
                failures);
        assertEquals(List.of(), failures);
    }

    @Test
    @TestSecurity(
            user = "rh",
            roles = {"learner", "trainer", "admin"})
    @OidcSecurity(claims = @Claim(key = "sub", value = "response-headers"))
    void everyAnswerToASignedInPersonIsNeverStoredAndSaysItsCharset() throws IOException {
        enrolled("response-headers");
        Response started = Forms.post(QUIZ_PAGE, QUIZ_PAGE + "/attempts");
        assertEquals(303, started.statusCode(), started.asString());
        String attempt = started.header("Location").replaceAll(".*/", "");

        List<String> failures = new ArrayList<>();
        for (Routes.Endpoint e : Routes.all((template, name) -> name.equals("id") ? attempt : sample(template, name))) {
            check(e.method() + " " + e.path(), send(e), true, failures);
        }
        for (String page : List.of(
                "/my",
                "/profile",
                "/my/transcript",
                "/quiz/attempts/" + attempt,
                "/admin/certificates",
                "/admin/courses",
                "/courses",
                "/courses/" + COURSE,
                "/courses/" + COURSE + "/lessons/bat-dau-su-dung",
                QUIZ_PAGE)) {
            Response r = given().redirects().follow(false).when().get(page);
            assertEquals(200, r.statusCode(), page);
            assertEquals("text/html;charset=UTF-8", r.contentType(), page);
            check("GET " + page, r, true, failures);
        }
        Response pdf = given().when().get("/my/transcript/pdf");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.contentType());
        check("GET /my/transcript/pdf", pdf, true, failures);
        Response api = given().when().get("/api/me/enrolments");
        assertEquals(200, api.statusCode());
        check("GET /api/me/enrolments", api, true, failures);
        for (String file : staticFiles()) {
            Response r = given().when().get(Assets.url(file));
            check("GET " + file, r, false, failures);
            assertEquals(
                    ResponseHeaders.IMMUTABLE,
                    r.header("Cache-Control"),
                    file + " is the same for everyone and stays cacheable");
        }
        assertEquals(List.of(), failures);
    }

    /** Headers every answer has; {@code personal}: it must not be stored. */
    private static void check(String what, Response r, boolean personal, List<String> failures) {
        String csp = r.header("Content-Security-Policy");
        String store = ResponseHeaders.Origins.of(
                ConfigProvider.getConfig().getValue("quarkus.minio.host", String.class),
                false,
                java.util.Optional.empty());
        if (csp == null
                || !csp.contains("default-src 'self'")
                || !csp.contains("script-src 'self';")
                || !csp.contains("style-src 'self';")
                || csp.contains("unsafe-inline")
                || csp.contains("unsafe-eval")
                || !csp.contains("object-src 'none'")
                || !csp.contains("base-uri 'self'")
                || !csp.contains("form-action 'self'")
                || !csp.contains("frame-ancestors 'none'")
                || !csp.contains("media-src 'self' " + store)
                || !csp.contains("connect-src 'self' " + store)) {
            failures.add(what + ": Content-Security-Policy " + csp);
        }
        expect(failures, what, r, "X-Content-Type-Options", "nosniff");
        expect(failures, what, r, "X-Frame-Options", "DENY");
        expect(failures, what, r, "Referrer-Policy", "same-origin");
        if (r.header("Strict-Transport-Security") != null) {
            failures.add(what + ": HSTS over plain HTTP to an http public address");
        }
        String type = r.contentType();
        if (type != null
                && !type.isEmpty()
                && isText(type)
                && !type.toLowerCase(Locale.ROOT).contains("charset=")) {
            failures.add(what + ": text without a charset: " + type);
        }
        String cache = r.header("Cache-Control");
        boolean asset = type != null && (type.startsWith("text/css") || type.contains("javascript"));
        boolean mustNotStore = personal && !asset || ResponseHeaders.isPersonal(what.replaceFirst("^\\S+ ", ""));
        if (mustNotStore && (cache == null || !cache.contains("no-store"))) {
            failures.add(what + ": personal but Cache-Control " + cache);
        }
    }

    private static void expect(List<String> failures, String what, Response r, String header, String value) {
        if (!value.equals(r.header(header))) {
            failures.add(what + ": " + header + " " + r.header(header));
        }
    }

    private static boolean isText(String type) {
        return type.startsWith("text/") || type.startsWith("application/json") || type.contains("javascript");
    }

    private static Response send(Routes.Endpoint e) {
        var request = given().redirects().follow(false);
        if (!e.method().equals("GET")) {
            request.contentType("application/x-www-form-urlencoded").formParam("x", "1");
        }
        return request.when().request(e.method(), e.path());
    }

    /** A value for a path parameter, real where the demo course has one. */
    static String sample(String template, String name) {
        return switch (name) {
            case "slug" -> COURSE;
            case "key" ->
                template.contains("/quiz")
                        ? "kiem-tra-cuoi-khoa"
                        : template.contains("/video") ? "video-gioi-thieu" : "bat-dau-su-dung";
            case "code" -> "ABCD2345EF";
            case "rendition" -> "360p";
            default -> "1";
        };
    }

    private static List<String> staticFiles() throws IOException {
        try (Stream<Path> files = Files.walk(STATIC)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().equals("LICENSE"))
                    .map(f -> "/" + STATIC.relativize(f).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    private void enrolled(String subject) {
        QuarkusTransaction.requiringNew().run(() -> {
            Person person = Person.findBySubject(subject).orElseGet(() -> {
                Person p = new Person();
                p.subject = subject;
                p.fullName = "Đỗ Thị Đầu";
                p.email = subject + "@example.vn";
                p.phone = "0912345678";
                p.unitId = OrgUnit.findCurrentByCode("48").orElseThrow().id;
                p.targetGroup = TargetGroup.CITIZEN;
                p.persist();
                return p;
            });
            em.createNativeQuery("""
                    insert into enrolment (person_id, course_id) select ?1, id from course where slug = ?2
                    on conflict do nothing""")
                    .setParameter(1, person.id)
                    .setParameter(2, COURSE)
                    .executeUpdate();
        });
    }
}
