package vn.hocso.certificate;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import vn.hocso.audit.AuditEntry;
import vn.hocso.web.Flash;
import vn.hocso.web.Links;
import vn.hocso.web.Locales;
import vn.hocso.web.Roles;

/** Admins find a certificate by code, revoke it or re-issue it, always with a reason that goes to the audit log. */
@Path("/admin/certificates")
@RolesAllowed(Roles.ADMIN)
class CertificateAdminResource {

    @CheckedTemplate(basePath = "certificate")
    static class Templates {
        static native TemplateInstance admin(
                String typed, Certificate certificate, List<AuditEntry> history, String error);
    }

    @Inject
    CertificateService certificates;

    @Inject
    Locales locales;

    @Inject
    Flash flash;

    @GET
    public Response find(@QueryParam("code") String code) {
        if (code == null || code.isBlank()) {
            return Response.ok(Templates.admin("", null, List.of(), null)).build();
        }
        return CertificateCode.normalise(code)
                .flatMap(Certificate::findByCode)
                .map(c -> Response.ok(page(c, null)).build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND)
                        .entity(Templates.admin(
                                code,
                                null,
                                List.of(),
                                locales.messages(CertificateMessages.class).admin_not_found()))
                        .build());
    }

    @POST
    @Path("{code}/revoke")
    public Response revoke(@PathParam("code") String code, @FormParam("reason") String reason) {
        Certificate certificate = get(code);
        if (reason == null || reason.isBlank() || !certificate.isIssued() && !certificate.isPending()) {
            return refused(certificate);
        }
        if (!certificates.revoke(certificate.id, reason.strip())) {
            return changedMeanwhile(certificate);
        }
        flash.show(locales.messages(CertificateMessages.class).admin_revoked());
        return Response.seeOther(URI.create(Links.adminCertificate(certificate.code)))
                .build();
    }

    @POST
    @Path("{code}/reissue")
    public Response reissue(@PathParam("code") String code, @FormParam("reason") String reason) {
        Certificate certificate = get(code);
        if (reason == null || reason.isBlank() || certificate.isReplaced()) {
            return refused(certificate);
        }
        Certificate fresh = certificates.reissue(certificate.id, reason.strip()).orElse(null);
        if (fresh == null) {
            return changedMeanwhile(certificate);
        }
        flash.show(locales.messages(CertificateMessages.class).admin_reissued(CertificateCode.display(fresh.code)));
        return Response.seeOther(URI.create(Links.adminCertificate(fresh.code))).build();
    }

    /** Another admin (or a double submit) got there first: the page, read again, shows what it is now. */
    private Response changedMeanwhile(Certificate certificate) {
        flash.show(locales.messages(CertificateMessages.class).admin_reason_required());
        return Response.seeOther(URI.create(Links.adminCertificate(certificate.code)))
                .build();
    }

    private Response refused(Certificate certificate) {
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(page(
                        certificate, locales.messages(CertificateMessages.class).admin_reason_required()))
                .build();
    }

    private TemplateInstance page(Certificate c, String error) {
        return Templates.admin(c.code, c, AuditEntry.listForTarget("certificate", c.code), error);
    }

    private static Certificate get(String code) {
        return CertificateCode.normalise(code).flatMap(Certificate::findByCode).orElseThrow(NotFoundException::new);
    }
}
