package vn.hocso.certificate;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.hocso.certificate.CertificateFixtures.issuedCertificate;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.hocso.DemoCourses;
import vn.hocso.content.CourseImporter;
import vn.hocso.job.JobWorker;
import vn.hocso.progress.ProgressService;
import vn.hocso.storage.ObjectStore;
import vn.hocso.web.Links;

/**
 * Metrics are for operators, and their labels must not carry what is private or unbounded: after a certificate is
 * issued, downloaded, verified and guessed at, and video-like objects are written and read, no label of the
 * Prometheus scrape names an object key or a certificate code (one would defeat the guessing limit on /verify).
 */
@QuarkusTest
class MetricLabelsTest {

    static final String COURSE = "ky-nang-so-co-ban";
    /** A key of the store (neither a template of an address, {@code /certificates/{code}/pdf}, nor a kind, {@code hocso/videos/*}). */
    private static final Pattern OBJECT_KEY = Pattern.compile("(certificates|videos|captions)/[^{*]");

    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    @TestHTTPResource(value = "", management = true)
    URL management;

    @Inject
    CourseImporter importer;

    @Inject
    ProgressService progress;

    @Inject
    JobWorker worker;

    @Inject
    ObjectStore store;

    @Inject
    EntityManager em;

    @Test
    @TestSecurity(user = "ml", roles = "learner")
    @OidcSecurity(claims = @Claim(key = "sub", value = "metric-labels"))
    void noMetricLabelNamesAnObjectKeyOrACertificateCode() {
        DemoCourses.ensureImported(importer);
        Certificate certificate = issuedCertificate("metric-labels", "Trần Văn Nhãn");
        String code = certificate.code;
        String videoKey = "videos/0/metric-labels-" + System.nanoTime() + "/hls/360p/seg_000.ts";
        byte[] bytes = "not really a segment".getBytes(StandardCharsets.UTF_8);
        store.put(videoKey, new ByteArrayInputStream(bytes), bytes.length, "video/mp2t");
        store.head(videoKey, 4);
        store.size(videoKey);
        store.presignedGet(videoKey, java.time.Duration.ofMinutes(1));
        store.delete(videoKey);

        // the owner downloads it (a redirect to a presigned URL), anyone verifies it, someone guesses at others
        given().redirects()
                .follow(false)
                .when()
                .get(Links.certificatePdf(code))
                .then()
                .statusCode(303);
        given().when().get(Links.verify(code)).then().statusCode(200);
        String guess = "ZZ" + code.substring(2);
        given().when().get(Links.verify(guess));
        given().when().get("/verify/" + guess + "%00");
        given().when().get("/certificates/" + guess + "/pdf");
        given().when().get("/unknown/" + guess);
        given().header("Origin", "https://evil.example")
                .contentType("application/x-www-form-urlencoded")
                .formParam("reason", "x")
                .when()
                .post("/admin/certificates/" + code + "/revoke");

        String scrape = given().baseUri(management.toString())
                .when()
                .get("/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(scrape.contains("minio_client"), "the object store client is measured");
        List<String> offending = new ArrayList<>();
        for (String line : scrape.split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            Matcher label = LABEL.matcher(line);
            while (label.find()) {
                String value = label.group(2);
                if (value.contains(code)
                        || value.contains(guess)
                        || value.contains(certificate.pdfKey)
                        || value.contains("metric-labels")
                        || OBJECT_KEY.matcher(value).find()) {
                    offending.add(line);
                }
            }
        }
        assertEquals(List.of(), offending, "metric labels that name an object key or a certificate code");
    }
}
