package vn.hocso.certificate;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import vn.hocso.account.CurrentUser;
import vn.hocso.audit.Audit;
import vn.hocso.org.OrgUnit;
import vn.hocso.web.Flash;
import vn.hocso.web.FormErrors;
import vn.hocso.web.Links;
import vn.hocso.web.Locales;
import vn.hocso.web.Roles;

/**
 * Admins give an issuing unit (a province, a ministry, a commune) the signer, signature and seal its learners'
 * certificates carry. Images are PNG, checked by their content (decoded), small; a form with any problem changes
 * nothing. Every change is audited.
 */
@Path("/admin/certificate-signatures")
@RolesAllowed(Roles.ADMIN)
class CertificateSignatureResource {

    static final int MAX_BYTES = 512 * 1024;
    static final int MAX_SIDE = 1500;
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** A row of the page: the unit's name beside its signature. */
    record Row(CertificateSignature signature, String unitName, String unitCode) {}

    @CheckedTemplate(basePath = "certificate")
    static class Templates {
        static native TemplateInstance signatures(
                List<Row> rows, String unitCode, String signerName, String signerTitle, FormErrors errors);
    }

    @Inject
    Locales locales;

    @Inject
    Flash flash;

    @Inject
    Audit audit;

    @Inject
    CurrentUser currentUser;

    @GET
    public TemplateInstance list() {
        return page("", "", "", new FormErrors());
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response save(
            @RestForm String unitCode,
            @RestForm String signerName,
            @RestForm String signerTitle,
            @RestForm FileUpload signature,
            @RestForm FileUpload seal) {
        CertificateMessages msg = locales.messages(CertificateMessages.class);
        FormErrors errors = new FormErrors();
        String code = strip(unitCode);
        String name = strip(signerName);
        String title = strip(signerTitle);
        Optional<OrgUnit> unit =
                code.isEmpty() || code.length() > 20 ? Optional.empty() : OrgUnit.findCurrentByCode(code);
        if (unit.isEmpty()) {
            errors.add("unitCode", msg.signature_unit_unknown());
        }
        if (name.isEmpty() || name.length() > 200) {
            errors.add("signerName", msg.signature_text_required());
        }
        if (title.isEmpty() || title.length() > 200) {
            errors.add("signerTitle", msg.signature_text_required());
        }
        byte[] signaturePng = image(signature, "signature", errors, msg);
        byte[] sealPng = image(seal, "seal", errors, msg);
        if (errors.isEmpty()
                && signaturePng == null
                && sealPng == null
                && CertificateSignature.findById(unit.get().id) == null) {
            errors.add("signature", msg.signature_image_required());
        }
        if (!errors.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(code, name, title, errors))
                    .build();
        }
        long unitId = unit.get().id;
        QuarkusTransaction.requiringNew().run(() -> {
            CertificateSignature s = CertificateSignature.findById(unitId);
            if (s == null) {
                s = new CertificateSignature();
                s.unitId = unitId;
            }
            s.signerName = name;
            s.signerTitle = title;
            // an image not sent again is kept: changing the signer's title needs no new scan
            if (signaturePng != null) {
                s.signaturePng = signaturePng;
            }
            if (sealPng != null) {
                s.sealPng = sealPng;
            }
            s.updatedBy = currentUser.person().fullName;
            s.updatedAt = OffsetDateTime.now();
            s.persist();
            audit.record("certificate.signature", "org_unit", code, null, title + " — " + name);
        });
        flash.show(msg.signature_saved(unit.get().name));
        return Response.seeOther(URI.create(Links.adminSignatures())).build();
    }

    @POST
    @Path("{unitId}/delete")
    public Response delete(@PathParam("unitId") long unitId) {
        OrgUnit unit = OrgUnit.findById(unitId);
        boolean deleted = unit != null
                && QuarkusTransaction.requiringNew().call(() -> {
                    boolean gone = CertificateSignature.deleteById(unitId);
                    if (gone) {
                        audit.record("certificate.signature.delete", "org_unit", unit.code, null, null);
                    }
                    return gone;
                });
        if (!deleted) {
            throw new NotFoundException();
        }
        flash.show(locales.messages(CertificateMessages.class).signature_deleted(unit.name));
        return Response.seeOther(URI.create(Links.adminSignatures())).build();
    }

    @GET
    @Path("{unitId}/{image:signature|seal}.png")
    @Produces("image/png")
    public Response image(@PathParam("unitId") long unitId, @PathParam("image") String image) {
        CertificateSignature s = CertificateSignature.findById(unitId);
        byte[] png = s == null ? null : "seal".equals(image) ? s.sealPng : s.signaturePng;
        if (png == null) {
            throw new NotFoundException();
        }
        return Response.ok(png).header("Cache-Control", "private, no-cache").build();
    }

    private TemplateInstance page(String unitCode, String signerName, String signerTitle, FormErrors errors) {
        List<Row> rows = CertificateSignature.listAllByUnit().stream()
                .map(s -> {
                    OrgUnit unit = OrgUnit.getById(s.unitId);
                    return new Row(s, unit.name, unit.code);
                })
                .toList();
        return Templates.signatures(rows, unitCode, signerName, signerTitle, errors);
    }

    /** The bytes of an uploaded PNG that decodes and is small enough; null when none was sent or it is refused. */
    private static byte[] image(FileUpload upload, String field, FormErrors errors, CertificateMessages msg) {
        if (upload == null || upload.uploadedFile() == null || upload.size() == 0) {
            return null;
        }
        if (upload.size() > MAX_BYTES) {
            errors.add(field, msg.signature_image_too_big(MAX_BYTES / 1024, MAX_SIDE));
            return null;
        }
        try {
            byte[] bytes = Files.readAllBytes(upload.uploadedFile());
            if (bytes.length < PNG.length || !Arrays.equals(Arrays.copyOf(bytes, PNG.length), PNG)) {
                errors.add(field, msg.signature_image_not_png());
                return null;
            }
            var decoded = ImageIO.read(new ByteArrayInputStream(bytes));
            if (decoded == null) {
                errors.add(field, msg.signature_image_not_png());
                return null;
            }
            if (decoded.getWidth() > MAX_SIDE || decoded.getHeight() > MAX_SIDE) {
                errors.add(field, msg.signature_image_too_big(MAX_BYTES / 1024, MAX_SIDE));
                return null;
            }
            return bytes;
        } catch (IOException | RuntimeException e) {
            // a truncated or crafted file: ImageIO throws on what it cannot parse
            errors.add(field, msg.signature_image_not_png());
            return null;
        }
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
