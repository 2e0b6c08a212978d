package vn.hocso.certificate;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.hocso.job.Job;
import vn.hocso.job.JobContext;
import vn.hocso.job.JobHandler;
import vn.hocso.storage.ObjectStore;

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

    @ConfigProperty(name = "hocso.public-url")
    String publicUrl;

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
        byte[] document = pdf.render(certificate, verificationUrl(publicUrl, certificate.code));
        String key = "certificates/" + certificate.code + ".pdf";
        store.put(key, new ByteArrayInputStream(document), document.length, "application/pdf");
        QuarkusTransaction.requiringNew().run(() -> {
            Certificate c = Certificate.findById(id);
            if (c.isPending()) {
                c.status = Certificate.ISSUED;
                c.pdfKey = key;
                c.issuedAt = OffsetDateTime.now();
            }
        });
    }

    static String verificationUrl(String publicUrl, String code) {
        return publicUrl.replaceAll("/+$", "") + "/verify/" + code;
    }
}
