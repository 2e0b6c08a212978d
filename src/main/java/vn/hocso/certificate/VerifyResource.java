package vn.hocso.certificate;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Optional;
import vn.hocso.config.HocsoConfig;
import vn.hocso.web.Dates;
import vn.hocso.web.Locales;
import vn.hocso.web.RateLimits;
import vn.hocso.web.Refusal;

/**
 * Public verification of a certificate by its code, without signing in. It shows whether the certificate is valid,
 * revoked or replaced, the holder's name, the course and the date — nothing else about the person. Wrong codes are
 * counted per address, so codes cannot be guessed by trying many.
 */
@Path("/verify")
class VerifyResource {

    @CheckedTemplate(basePath = "certificate")
    static class Templates {
        static native TemplateInstance verify(String typed, Verification result, boolean badFormat);
    }

    /** What the public may know about a certificate. */
    record Verification(
            String code,
            CertificateStatus status,
            String holder,
            String courseVi,
            String courseEn,
            String completedOn,
            String revokedOn,
            String replacedBy) {

        static Verification of(Certificate c, String replacedBy) {
            return new Verification(
                    CertificateCode.display(c.code),
                    c.status,
                    c.holderName,
                    c.courseTitleVi,
                    c.courseTitleEn,
                    Dates.day(c.completedOn),
                    c.revokedAt == null ? null : Dates.day(c.revokedAt),
                    replacedBy);
        }

        public boolean isValid() {
            return status == CertificateStatus.ISSUED;
        }

        public boolean isPending() {
            return status == CertificateStatus.PENDING;
        }

        public boolean isRevoked() {
            return status == CertificateStatus.REVOKED;
        }

        public boolean isReplaced() {
            return status == CertificateStatus.REPLACED;
        }
    }

    @Inject
    HttpServerRequest request;

    @Inject
    RateLimits limits;

    @Inject
    Locales locales;

    @Inject
    HocsoConfig config;

    @GET
    public Response form(@QueryParam("code") String code) {
        return code == null || code.isBlank()
                ? Response.ok(Templates.verify("", null, false)).build()
                : check(code);
    }

    /** Where QR codes point. A code nobody holds answers 404, with the same page saying so and the form to retry. */
    @GET
    @Path("{code}")
    public Response byPath(@PathParam("code") String code) {
        return check(code);
    }

    private Response check(String typed) {
        String bucket = "verify-miss:" + request.remoteAddress().hostAddress();
        if (limits.count(bucket, Duration.ofMinutes(1)) >= config.verify().missesPerMinute()) {
            throw new Refusal(
                    Response.Status.TOO_MANY_REQUESTS,
                    locales.messages(CertificateMessages.class).too_many_attempts());
        }
        String shown = typed.length() > 40 ? typed.substring(0, 40) : typed;
        Optional<String> code = CertificateCode.normalise(typed);
        Optional<Certificate> found = code.flatMap(Certificate::findByCode);
        if (found.isEmpty()) {
            limits.hit(bucket, Duration.ofMinutes(1));
            return Response.status(Response.Status.NOT_FOUND)
                    .entity(Templates.verify(shown, null, code.isEmpty()))
                    .build();
        }
        Certificate certificate = found.get();
        String replacedBy = certificate.replacedById == null
                ? null
                : Certificate.<Certificate>findById(certificate.replacedById).code;
        return Response.ok(Templates.verify(shown, Verification.of(certificate, replacedBy), false))
                .build();
    }
}
