package vn.hocso.certificate;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.List;
import vn.hocso.account.CurrentUser;
import vn.hocso.account.Person;
import vn.hocso.config.HocsoConfig;
import vn.hocso.org.OrgUnit;
import vn.hocso.web.Dates;

/** A learner's transcript: every completed course with its date and certificate code, as a page and a PDF. */
@Path("/my/transcript")
@Authenticated
class TranscriptResource {

    @CheckedTemplate(basePath = "certificate")
    static class Templates {
        static native TemplateInstance transcript(Person person, List<Certificate> certificates);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    CertificatePdf pdf;

    @Inject
    HocsoConfig config;

    @GET
    public TemplateInstance transcript() {
        Person person = currentUser.person();
        return Templates.transcript(person, Certificate.listIssuedOfPerson(person.id));
    }

    @GET
    @Path("pdf")
    @Produces("application/pdf")
    public Response transcriptPdf() {
        Person person = currentUser.person();
        List<CertificatePdf.TranscriptLine> lines = Certificate.listIssuedOfPerson(person.id).stream()
                .map(c -> new CertificatePdf.TranscriptLine(
                        c.courseTitleVi, Dates.day(c.completedOn), CertificateCode.display(c.code)))
                .toList();
        String unit = person.unitId == null ? null : OrgUnit.<OrgUnit>findById(person.unitId).name;
        return Response.ok(pdf.transcript(
                        person.fullName, unit, config.certificate().issuer(), lines))
                .header("Content-Disposition", "attachment; filename=\"transcript.pdf\"")
                .build();
    }
}
