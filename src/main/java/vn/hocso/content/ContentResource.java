package vn.hocso.content;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import vn.hocso.account.CurrentUser;
import vn.hocso.content.ImportReport.CourseOutcome;
import vn.hocso.content.ImportReport.Outcome;
import vn.hocso.web.Flash;
import vn.hocso.web.Links;
import vn.hocso.web.Locales;
import vn.hocso.web.Roles;

/**
 * The admin page that re-imports the courses folder, checks or imports an uploaded zip of course folders (the same
 * checks and the same report), exports every course, and shows what the last run did.
 */
@Path("/admin/courses")
@RolesAllowed(Roles.ADMIN)
class ContentResource {

    private static final Logger LOG = Logger.getLogger(ContentResource.class);

    @CheckedTemplate(basePath = "content")
    static class Templates {
        static native TemplateInstance admin(ContentImport last, String folder);
    }

    @Inject
    CourseImports imports;

    @Inject
    CourseImporter importer;

    @Inject
    CourseExport export;

    @Inject
    CurrentUser currentUser;

    @Inject
    Locales locales;

    @Inject
    Flash flash;

    @GET
    public TemplateInstance show() {
        return Templates.admin(
                ContentImport.findLatest().orElse(null), imports.folder().toString());
    }

    @POST
    @Path("import")
    public Response importNow() {
        ContentMessages msg = locales.messages(ContentMessages.class);
        ContentImport run = imports.run(currentUser.person().fullName, msg);
        flash.show(msg.admin_done(run.created, run.updated, run.unchanged, run.rejected));
        return Response.seeOther(URI.create(Links.adminCourses())).build();
    }

    /** A zip of course folders: {@code mode=import} writes what passes, anything else is a dry run. */
    @POST
    @Path("zip")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importZip(@RestForm FileUpload file, @RestForm String mode) {
        ContentMessages msg = locales.messages(ContentMessages.class);
        boolean write = "import".equals(mode);
        if (file == null || file.uploadedFile() == null) {
            flash.show(msg.zip_missing());
            return Response.seeOther(URI.create(Links.adminCourses())).build();
        }
        String name = file.fileName() == null || file.fileName().isBlank() ? "course.zip" : file.fileName();
        name = name.length() > 200 ? name.substring(0, 200) : name;
        OffsetDateTime started = OffsetDateTime.now();
        ImportReport report;
        try {
            Map<String, Map<String, byte[]>> folders = CourseZip.read(file.uploadedFile());
            report = importer.importFiles(folders, write, msg);
        } catch (CourseZip.Refused e) {
            report = refused(name, msg.zip_refused(reason(msg, e)));
            write = false;
        } catch (IOException | RuntimeException e) {
            LOG.infof("An uploaded zip could not be read: %s", e.getMessage());
            report = refused(name, msg.zip_unreadable());
            write = false;
        }
        ImportReport done = report;
        boolean dryRun = !write;
        String source = name;
        ContentImport run = QuarkusTransaction.requiringNew()
                .call(() -> ContentImport.recordZip(currentUser.person().fullName, started, done, source, dryRun));
        flash.show(
                dryRun
                        ? msg.zip_checked(run.created, run.updated, run.unchanged, run.rejected)
                        : msg.admin_done(run.created, run.updated, run.unchanged, run.rejected));
        return Response.seeOther(URI.create(Links.adminCourses())).build();
    }

    /** Every course, each as its folder, in one zip. */
    @GET
    @Path("export")
    @Produces("application/zip")
    public Response exportAll() {
        Map<String, Map<String, String>> courses = export.all();
        return CourseExport.download("hocso-courses.zip", out -> CourseZip.write(courses, out));
    }

    private static ImportReport refused(String zipName, String message) {
        return new ImportReport(List.of(
                new CourseOutcome(zipName, null, Outcome.REJECTED, List.of(new ImportProblem(zipName, 0, message)))));
    }

    private static String reason(ContentMessages msg, CourseZip.Refused e) {
        return switch (e.reason) {
            case "zip_too_many" -> msg.zip_too_many(CourseZip.MAX_ENTRIES);
            case "zip_too_large" -> msg.zip_too_large(CourseZip.MAX_TOTAL_BYTES / (1024 * 1024));
            case "zip_file_too_large" -> msg.zip_file_too_large(e.entry, CourseZip.MAX_FILE_BYTES / (1024 * 1024));
            case "zip_link" -> msg.zip_link(e.entry);
            case "zip_not_in_folder" -> msg.zip_not_in_folder(e.entry);
            case "zip_duplicate" -> msg.zip_duplicate(e.entry);
            case "zip_empty" -> msg.zip_empty();
            default -> msg.zip_outside(e.entry);
        };
    }
}
