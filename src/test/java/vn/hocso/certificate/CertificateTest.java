package vn.hocso.certificate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.hocso.certificate.CertificateFixtures.certificatesOf;
import static vn.hocso.certificate.CertificateFixtures.enrolledLearner;
import static vn.hocso.certificate.CertificateFixtures.issuedCertificate;
import static vn.hocso.certificate.CertificateFixtures.lessons;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hocso.DemoCourses;
import vn.hocso.Forms;
import vn.hocso.audit.AuditEntry;
import vn.hocso.content.CourseImporter;
import vn.hocso.course.Lesson;
import vn.hocso.enrolment.Enrolment;
import vn.hocso.job.Job;
import vn.hocso.job.JobWorker;
import vn.hocso.progress.ProgressService;
import vn.hocso.storage.ObjectStore;

@QuarkusTest
class CertificateTest {

    static final String COURSE = CertificateFixtures.COURSE;

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

    @Inject
    CertificateService certificates;

    @BeforeEach
    void demoCourses() {
        DemoCourses.ensureImported(importer);
    }

    /** Completes every lesson but the given number of last ones. */
    private void completeAllBut(long personId, int left) {
        List<Lesson> lessons = lessons();
        for (Lesson lesson : lessons.subList(0, lessons.size() - left)) {
            progress.complete(personId, lesson);
        }
    }

    @Test
    void theLastTwoLessonsFinishedAtOnceCompleteTheCourseOnceWithOneCertificate() throws Exception {
        long personId = enrolledLearner("cert-race", "Nguyễn Văn Ánh");
        completeAllBut(personId, 2);
        assertTrue(certificatesOf(personId).isEmpty());
        List<Lesson> lessons = lessons();
        List<Lesson> lastTwo = lessons.subList(lessons.size() - 2, lessons.size());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<Void>> events = new ArrayList<>();
        for (Lesson lesson : List.of(lastTwo.get(0), lastTwo.get(1), lastTwo.get(0), lastTwo.get(1))) {
            events.add(() -> {
                progress.complete(personId, lesson);
                return null;
            });
        }
        for (Future<Void> f : pool.invokeAll(events)) {
            f.get();
        }
        pool.shutdown();
        assertEquals(1, certificatesOf(personId).size());
        assertNotNull(QuarkusTransaction.requiringNew()
                .call(() -> Enrolment.<Enrolment>find("personId", personId).firstResult().completedAt));
        long jobs = QuarkusTransaction.requiringNew()
                .call(() -> Job.count(
                        "dedupeKey",
                        CertificateService.JOB + ":" + certificatesOf(personId).get(0).id));
        assertEquals(1, jobs);
    }

    @Test
    void thePdfShowsTheVietnameseNameTheCodeAndAQrCodeToTheVerificationPage() throws Exception {
        Certificate certificate = issuedCertificate("cert-pdf", "Đặng Thị Hường");
        byte[] pdf;
        try (InputStream in = store.get(certificate.pdfKey)) {
            pdf = in.readAllBytes();
        }
        java.nio.file.Files.write(java.nio.file.Path.of("target/certificate-sample.pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(1, doc.getNumberOfPages());
            assertTrue(
                    doc.getPage(0).getMediaBox().getWidth()
                            > doc.getPage(0).getMediaBox().getHeight(),
                    "A4 landscape");
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Đặng Thị Hường"), text);
            assertTrue(text.contains(CertificateCode.display(certificate.code)), text);
            assertTrue(text.contains("Kỹ năng số cơ bản"), text);
            assertTrue(text.contains("Thành phố Đà Nẵng"), text);
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 150);
            String qr = new MultiFormatReader()
                    .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))))
                    .getText();
            assertEquals("http://127.0.0.1:8080/verify/" + certificate.code, qr);
        }
    }

    @Test
    void verificationShowsTheHolderAndNothingPrivate() {
        Certificate certificate = issuedCertificate("cert-verify", "Trần Thị Thu");
        given().when()
                .get("/verify/" + certificate.code.toLowerCase())
                .then()
                .statusCode(200)
                .body(containsString("Chứng nhận hợp lệ"))
                .body(containsString("Trần Thị Thu"))
                .body(containsString("Kỹ năng số cơ bản"))
                .body(not(containsString("cert-verify@example.vn")))
                .body(not(containsString("0912345678")))
                .body(not(containsString("Thành phố Đà Nẵng")));
        given().queryParam("code", "ZZZZZ-ZZZZZ")
                .when()
                .get("/verify")
                .then()
                .statusCode(404)
                .body(containsString("Không tìm thấy chứng nhận"));
    }

    @Test
    void aQrCodeWithAnUnknownCertificateCodeAnswers404WithTheSameFriendlyPage() {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("delete from rate_limit").executeUpdate());
        given().when()
                .get("/verify/ZZZZZZZZZZ")
                .then()
                .statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("Không tìm thấy chứng nhận"))
                .body(containsString("id=\"code\""));
        // not even shaped like a code: the same page, saying what a code looks like
        given().when()
                .get("/verify/not-a-code")
                .then()
                .statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("id=\"code\""));
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"learner", "admin"})
    @OidcSecurity(claims = {@Claim(key = "sub", value = "cert-admin"), @Claim(key = "name", value = "Phạm Thị Dung")})
    void revokingAndReissuingAreShownByVerificationAndAudited() {
        Certificate original = issuedCertificate("cert-revoke", "Lê Văn Tám");
        Forms.post(
                        "/admin/certificates?code=" + original.code,
                        "/admin/certificates/" + original.code + "/revoke",
                        "reason",
                        " ")
                .then()
                .statusCode(400);
        Forms.post(
                        "/admin/certificates?code=" + original.code,
                        "/admin/certificates/" + original.code + "/revoke",
                        "reason",
                        "Cấp nhầm người")
                .then()
                .statusCode(303);
        given().when()
                .get("/verify/" + original.code)
                .then()
                .statusCode(200)
                .body(containsString("đã bị thu hồi ngày"))
                .body(not(containsString("Cấp nhầm người")));

        Forms.post(
                        "/admin/certificates?code=" + original.code,
                        "/admin/certificates/" + original.code + "/reissue",
                        "reason",
                        "Sửa họ tên")
                .then()
                .statusCode(303);
        Certificate old = QuarkusTransaction.requiringNew()
                .call(() -> Certificate.findByCode(original.code).orElseThrow());
        assertEquals(CertificateStatus.REPLACED, old.status);
        Certificate fresh =
                QuarkusTransaction.requiringNew().call(() -> Certificate.<Certificate>findById(old.replacedById));
        assertNotEquals(original.code, fresh.code);
        given().when()
                .get("/verify/" + original.code)
                .then()
                .statusCode(200)
                .body(containsString("đã được thay thế"))
                .body(containsString("/verify/" + fresh.code));
        List<AuditEntry> log =
                QuarkusTransaction.requiringNew().call(() -> AuditEntry.listForTarget("certificate", original.code));
        assertEquals(
                List.of("certificate.revoke", "certificate.reissue"),
                log.stream().map(e -> e.action).toList());
        assertEquals("Phạm Thị Dung", log.get(0).actorName);
        assertEquals("Cấp nhầm người", log.get(0).reason);
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"learner", "admin"})
    @OidcSecurity(claims = {@Claim(key = "sub", value = "cert-admin"), @Claim(key = "name", value = "Phạm Thị Dung")})
    void aReissueThatLostARaceChangesNothing() {
        Certificate original = issuedCertificate("cert-reissue-race", "Võ Thị Sáu");
        assertTrue(certificates.reissue(original.id, "Sửa họ tên").isPresent());
        // the second of two admins, or a double submit: the row was replaced meanwhile
        assertTrue(certificates.reissue(original.id, "Sửa họ tên").isEmpty());
        assertFalse(certificates.revoke(original.id, "Cấp nhầm"));
        assertEquals(2, certificatesOf(original.personId).size());
        Certificate old = QuarkusTransaction.requiringNew().call(() -> Certificate.<Certificate>findById(original.id));
        assertEquals(CertificateStatus.REPLACED, old.status);
        assertNotNull(old.replacedById);
        Forms.post(
                        "/admin/certificates?code=" + original.code,
                        "/admin/certificates/" + original.code + "/reissue",
                        "reason",
                        "Lần nữa")
                .then()
                .statusCode(400);
        assertEquals(
                List.of("certificate.reissue"),
                QuarkusTransaction.requiringNew()
                        .call(() -> AuditEntry.listForTarget("certificate", original.code))
                        .stream()
                        .map(e -> e.action)
                        .toList());
    }

    @Test
    void aPdfMadeForARevokedCertificateDoesNotIssueIt() {
        long personId = enrolledLearner("cert-revoked-pending", "Trần Văn Bảy");
        completeAllBut(personId, 0);
        Certificate pending = certificatesOf(personId).get(0);
        assertEquals(CertificateStatus.PENDING, pending.status);
        QuarkusTransaction.requiringNew()
                .run(() -> Certificate.update("status = ?1 where id = ?2", CertificateStatus.REVOKED, pending.id));
        while (worker.runNext(CertificateService.JOB)) {
            // run every queued certificate job, this one included
        }
        assertEquals(CertificateStatus.REVOKED, certificatesOf(personId).get(0).status);
    }

    @Test
    void guessingCodesIsSlowedDownWith429() {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("delete from rate_limit").executeUpdate());
        for (int i = 0; i < 10; i++) {
            given().when().get("/verify/AAAAABBBB" + (i % 8 + 2)).then().statusCode(404);
        }
        given().when().get("/verify/AAAAABBBBB").then().statusCode(429).body(containsString("sai quá nhiều mã"));
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("delete from rate_limit").executeUpdate());
    }

    @Test
    @TestSecurity(user = "owner", roles = "learner")
    @OidcSecurity(claims = @Claim(key = "sub", value = "cert-owner"))
    void theOwnerDownloadsThroughAShortLivedLinkStraightFromTheStore() throws Exception {
        Certificate certificate = issuedCertificate("cert-owner", "Hoàng Văn Nam");
        String link = given().redirects()
                .follow(false)
                .when()
                .get("/certificates/" + certificate.code + "/pdf")
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
        assertTrue(link.contains("X-Amz-Expires=300"), link);
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertEquals("%PDF", new String(pdf.body(), 0, 4));
        // a document to keep, typed as what it is: saved, not opened in place (issue 9)
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertEquals(
                "attachment; filename=\"certificate-" + certificate.code + ".pdf\"",
                pdf.headers().firstValue("Content-Disposition").orElse(""));
        given().when().get("/my/transcript").then().statusCode(200).body(containsString(certificate.code));
        given().when()
                .get("/my/transcript/pdf")
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .header("Content-Disposition", startsWith("attachment"));
    }

    @Test
    @TestSecurity(user = "someone-else", roles = "learner")
    @OidcSecurity(claims = @Claim(key = "sub", value = "cert-intruder"))
    void anotherLearnerCannotDownloadSomeoneElsesCertificate() {
        Certificate certificate = issuedCertificate("cert-victim", "Vũ Thị Mai");
        given().redirects()
                .follow(false)
                .when()
                .get("/certificates/" + certificate.code + "/pdf")
                .then()
                .statusCode(404);
        given().when()
                .get("/admin/certificates?code=" + certificate.code)
                .then()
                .statusCode(403);
    }

    @Test
    void changingTheCourseAfterCompletionKeepsTheCompletion() {
        long personId = enrolledLearner("cert-keep", "Bùi Văn Hải");
        completeAllBut(personId, 0);
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                insert into lesson (course_id, module_id, key, kind, title_vi, position, required)
                select c.id, m.id, 'bai-moi-sau-hoan-thanh', 'text', 'Bài mới', 99, true
                from course c join course_module m on m.course_id = c.id where c.slug = ?1
                order by m.position desc limit 1""").setParameter(1, COURSE).executeUpdate());
        try {
            Enrolment enrolment = QuarkusTransaction.requiringNew()
                    .call(() -> Enrolment.<Enrolment>find("personId", personId).firstResult());
            assertNotNull(enrolment.completedAt);
            assertEquals(1, certificatesOf(personId).size());
        } finally {
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createNativeQuery("delete from lesson where key = 'bai-moi-sau-hoan-thanh'")
                            .executeUpdate());
        }
    }
}
