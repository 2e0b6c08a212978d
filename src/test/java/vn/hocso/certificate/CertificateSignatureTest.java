package vn.hocso.certificate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hocso.DemoCourses;
import vn.hocso.Forms;
import vn.hocso.audit.AuditEntry;
import vn.hocso.content.CourseImporter;
import vn.hocso.org.OrgUnit;
import vn.hocso.storage.ObjectStore;

/**
 * An issuing unit's signer, signature and seal (PNG, checked by content) go on the certificates of the learners
 * under it — the nearest unit with one signs; a bad upload changes nothing; only admins manage them.
 */
@QuarkusTest
class CertificateSignatureTest {

    static final String PAGE = "/admin/certificate-signatures";

    @Inject
    CourseImporter importer;

    @Inject
    ObjectStore store;

    @BeforeEach
    void demoCourses() {
        DemoCourses.ensureImported(importer);
        QuarkusTransaction.requiringNew().run(() -> CertificateSignature.deleteAll());
    }

    @AfterEach
    void noSignatureForOtherTests() {
        QuarkusTransaction.requiringNew().run(() -> CertificateSignature.deleteAll());
    }

    private static byte[] png(int width, int height, Color colour) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillOval(2, 2, width - 4, height - 4);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static RequestSpecification form(String unitCode, String title, String name) {
        Forms.Csrf csrf = Forms.csrfFrom(PAGE);
        return given().redirects()
                .follow(false)
                .cookie("csrf-token", csrf.cookie())
                .multiPart("csrf-token", csrf.field())
                .multiPart(text("unitCode", unitCode))
                .multiPart(text("signerTitle", title))
                .multiPart(text("signerName", name));
    }

    /** A text field in UTF-8, as browsers send it (rest-assured's default would be ISO-8859-1). */
    private static io.restassured.specification.MultiPartSpecification text(String field, String value) {
        return new io.restassured.builder.MultiPartSpecBuilder(value)
                .controlName(field)
                .charset(java.nio.charset.StandardCharsets.UTF_8)
                .build();
    }

    private static long unitId(String code) {
        return QuarkusTransaction.requiringNew()
                .call(() -> OrgUnit.findCurrentByCode(code).orElseThrow().id);
    }

    @Test
    @TestSecurity(user = "quantri", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "sub", value = "signature-admin"))
    void anIssuingUnitsSignatureAndSealAreOnTheCertificatesOfItsLearners() throws Exception {
        form("48", "Giám đốc Sở Khoa học và Công nghệ", "Nguyễn Văn Ký")
                .multiPart("signature", "chu-ky.png", png(300, 120, Color.BLUE), "image/png")
                .multiPart("seal", "con-dau.png", png(200, 200, Color.RED), "image/png")
                .when()
                .post(PAGE)
                .then()
                .statusCode(303);
        // another province's signature: never on a learner of Đà Nẵng
        form("01", "Giám đốc Sở Nội vụ", "Trần Văn Khác")
                .multiPart("signature", "khac.png", png(300, 120, Color.GREEN), "image/png")
                .when()
                .post(PAGE)
                .then()
                .statusCode(303);
        given().when()
                .get(PAGE)
                .then()
                .statusCode(200)
                .body(containsString("Nguyễn Văn Ký"))
                .body(containsString(PAGE + "/" + unitId("48") + "/seal.png"));
        given().when()
                .get(PAGE + "/" + unitId("48") + "/seal.png")
                .then()
                .statusCode(200)
                .contentType("image/png");
        assertTrue(QuarkusTransaction.requiringNew()
                .call(() -> !AuditEntry.listForTarget("org_unit", "48").isEmpty()));

        Certificate certificate = CertificateFixtures.issuedCertificate("signature-learner", "Lê Thị Nhận");
        assertEquals(unitId("48"), certificate.signatureUnitId);
        byte[] pdf;
        try (InputStream in = store.get(certificate.pdfKey)) {
            pdf = in.readAllBytes();
        }
        java.nio.file.Files.write(java.nio.file.Path.of("target/certificate-signed-sample.pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ"), text);
            assertTrue(text.contains("Nguyễn Văn Ký"), text);
            assertTrue(!text.contains("Trần Văn Khác"), text);
            PDResources resources = doc.getPage(0).getResources();
            int images = 0;
            for (COSName name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject) {
                    images++;
                }
            }
            assertEquals(2, images, "the signature and the seal");
            // the QR code still reads next to them
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 150);
            String qr = new MultiFormatReader()
                    .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))))
                    .getText();
            assertTrue(qr.endsWith("/verify/" + certificate.code), qr);
        }
    }

    @Test
    @TestSecurity(user = "quantri", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "sub", value = "signature-admin"))
    void aFileThatIsNotASmallPngIsRefusedAndNothingChanges() throws Exception {
        Response text = form("48", "Giám đốc", "Nguyễn Văn Ký")
                .multiPart("signature", "chu-ky.png", "<svg onload=alert(1)>".getBytes(), "image/png")
                .when()
                .post(PAGE);
        assertEquals(400, text.statusCode());
        assertTrue(text.asString().contains("không phải ảnh PNG"), text.asString());

        byte[] truncated = png(300, 120, Color.BLUE);
        Response broken = form("48", "Giám đốc", "Nguyễn Văn Ký")
                .multiPart("signature", "chu-ky.png", java.util.Arrays.copyOf(truncated, 40), "image/png")
                .when()
                .post(PAGE);
        assertEquals(400, broken.statusCode());

        Response huge = form("48", "Giám đốc", "Nguyễn Văn Ký")
                .multiPart("seal", "con-dau.png", png(1600, 20, Color.RED), "image/png")
                .when()
                .post(PAGE);
        assertEquals(400, huge.statusCode());
        assertTrue(huge.asString().contains("Ảnh quá lớn"), huge.asString());

        Response unknownUnit = form("99999", "Giám đốc", "Nguyễn Văn Ký")
                .multiPart("seal", "con-dau.png", png(100, 100, Color.RED), "image/png")
                .when()
                .post(PAGE);
        assertEquals(400, unknownUnit.statusCode());

        Response noImage = form("48", "Giám đốc", "Nguyễn Văn Ký").when().post(PAGE);
        assertEquals(400, noImage.statusCode());

        assertNull(QuarkusTransaction.requiringNew().call(() -> CertificateSignature.findById(unitId("48"))));
    }

    @Test
    @TestSecurity(user = "hocvien", roles = "learner")
    @OidcSecurity(claims = @Claim(key = "sub", value = "signature-learner-nosy"))
    void learnersCannotSeeNorChangeSignatures() {
        given().redirects().follow(false).when().get(PAGE).then().statusCode(403);
        given().redirects()
                .follow(false)
                .when()
                .get(PAGE + "/" + unitId("48") + "/signature.png")
                .then()
                .statusCode(403);
    }
}
