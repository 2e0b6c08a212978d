package vn.hocso.certificate;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import vn.hocso.config.HocsoConfig;
import vn.hocso.job.Job;
import vn.hocso.job.JobContext;
import vn.hocso.job.JobHandler;
import vn.hocso.storage.ObjectStore;
import vn.hocso.web.Links;

/**
 * Makes a certificate's PDF and stores it. Safe to run again: the same certificate yields the same object key, and a
 * certificate revoked or replaced before its turn is left alone.
 */
@ApplicationScoped
class IssueCertificateJob implements JobHandler {

    @Inject
    ObjectStore store;

    @Inject
    CertificatePdf pdf;

    @Inject
    HocsoConfig config;

    @Override
    public String kind() {
        return CertificateService.JOB;
    }

    @Override
    public int concurrency() {
        return 2;
    }

    @Override
    public void run(Job job, JobContext context) {
        long id = job.longParam("certificateId");
        Certificate certificate = QuarkusTransaction.requiringNew().call(() -> Certificate.<Certificate>findById(id));
        if (certificate == null || !certificate.isPending()) {
            return;
        }
        CertificateSignature signature = certificate.signatureUnitId == null
                ? null
                : QuarkusTransaction.requiringNew()
                        .call(() -> CertificateSignature.<CertificateSignature>findById(certificate.signatureUnitId));
        byte[] document = pdf.render(certificate, verificationUrl(config.publicUrl(), certificate.code), signature);
        String key = "certificates/" + certificate.code + ".pdf";
        store.put(key, new ByteArrayInputStream(document), document.length, "application/pdf");
        // one conditional statement, not read-then-write: a revoke or re-issue committed while the PDF was being
        // made must not be overwritten with "issued"
        QuarkusTransaction.requiringNew()
                .run(() -> Certificate.update(
                        "status = ?1, pdfKey = ?2, issuedAt = ?3 where id = ?4 and status = ?5",
                        CertificateStatus.ISSUED,
                        key,
                        OffsetDateTime.now(),
                        id,
                        CertificateStatus.PENDING));
    }

    static String verificationUrl(String publicUrl, String code) {
        return publicUrl.replaceAll("/+$", "") + Links.verify(code);
    }
}
