package vn.hocso.certificate;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import vn.hocso.account.CurrentUser;
import vn.hocso.storage.ObjectStore;
import vn.hocso.web.Locales;
import vn.hocso.web.Refusal;

/** A learner's own certificates. Another person's certificate is "not found", never forbidden. */
@Path("/certificates")
@Authenticated
class CertificateResource {

    /** Long enough to start a download on a slow connection, short enough that a shared link soon dies. */
    static final Duration LINK_LIFETIME = Duration.ofMinutes(5);

    @Inject
    CurrentUser currentUser;

    @Inject
    ObjectStore store;

    @Inject
    Locales locales;

    /**
     * The PDF, through a short-lived presigned link: the bytes never pass through the app. The store answers it as
     * a download (Content-Disposition: attachment) of type application/pdf.
     */
    @GET
    @Path("{code}/pdf")
    public Response download(@PathParam("code") String code) {
        Certificate certificate = CertificateCode.normalise(code)
                .flatMap(Certificate::findByCode)
                .filter(c -> c.personId.equals(currentUser.person().id) || currentUser.isAdmin())
                .orElseThrow(NotFoundException::new);
        if (certificate.pdfKey == null
                || certificate.isReplaced()
                || certificate.isRevoked() && !currentUser.isAdmin()) {
            CertificateMessages msg = locales.messages(CertificateMessages.class);
            throw new Refusal(
                    Response.Status.CONFLICT, certificate.isPending() ? msg.being_prepared() : msg.not_available());
        }
        // a document to keep: saved as a file (attachment), typed as a PDF whatever the store recorded
        return Response.seeOther(URI.create(store.presignedGet(
                        certificate.pdfKey,
                        LINK_LIFETIME,
                        "application/pdf",
                        "certificate-" + certificate.code + ".pdf")))
                .build();
    }
}
