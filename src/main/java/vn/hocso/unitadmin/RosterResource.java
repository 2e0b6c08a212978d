package vn.hocso.unitadmin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import vn.hocso.account.Person;
import vn.hocso.config.HocsoConfig;
import vn.hocso.web.Flash;
import vn.hocso.web.Links;
import vn.hocso.web.Locales;
import vn.hocso.web.Refusal;
import vn.hocso.web.Roles;

/** A unit admin uploads a roster, reads its dry run row by row, then applies it; the history of imports. */
@Path("/unit-admin/rosters")
@RolesAllowed({Roles.UNIT_ADMIN, Roles.ADMIN})
class RosterResource {

    /** Rows a page shows; the counts cover the whole file, and the API gives every row. */
    static final int SHOWN = 1000;

    /** One row of the dry run as people read it. */
    record RowView(int row, String outcome, String name, String what) {}

    /** An import in the history list. */
    record ImportView(RosterImport roster, String adminName, String link) {}

    /** Where an import page's links and forms go: rosters (unit admins) or units (system admins). */
    record Place(String title, String help, String list, String upload, boolean units) {}

    @CheckedTemplate(basePath = "unitadmin")
    static class Templates {
        static native TemplateInstance rosters(Place place, List<ImportView> imports);

        static native TemplateInstance roster(
                Place place, RosterImport roster, String apply, List<RowView> rows, int total);
    }

    @Inject
    Rosters rosters;

    @Inject
    Scope scope;

    @Inject
    Locales locales;

    @Inject
    Flash flash;

    @Inject
    HocsoConfig config;

    @GET
    public TemplateInstance list() {
        return Templates.rosters(
                place(msg()),
                rosters.history(RosterImport.ROSTER, scope).stream()
                        .map(r -> new ImportView(
                                r, Person.<Person>findById(r.adminId).fullName, Links.rosterImport(r.id)))
                        .toList());
    }

    @POST
    public Response upload(@RestForm("file") FileUpload file) {
        byte[] bytes = bytes(file, config, msg());
        RosterImport r = rosters.dryRun(RosterImport.ROSTER, bytes, file.fileName(), scope, msg());
        return Response.seeOther(URI.create(Links.rosterImport(r.id))).build();
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") long id) {
        RosterImport r = rosters.visible(RosterImport.ROSTER, id, scope);
        List<PlanRow> plan = rosters.plan(r);
        return Templates.roster(
                place(msg()),
                r,
                Links.rosterImportApply(r.id),
                plan.stream().limit(SHOWN).map(row -> view(row, msg())).toList(),
                plan.size());
    }

    @POST
    @Path("{id}/apply")
    public Response apply(@PathParam("id") long id) {
        rosters.apply(RosterImport.ROSTER, id, scope, msg());
        flash.show(msg().roster_applied());
        return Response.seeOther(URI.create(Links.rosterImport(id))).build();
    }

    static Place place(UnitAdminMessages msg) {
        return new Place(
                msg.rosters_title(), msg.roster_upload_help(), Links.rosterImports(), Links.rosterImports(), false);
    }

    static RowView view(PlanRow row, UnitAdminMessages msg) {
        String what = switch (row.outcome()) {
            case PlanRow.REJECTED -> FileProblems.reason(msg, row);
            case PlanRow.MOVED ->
                row.fromUnit() + " → " + row.toUnit()
                        + (row.changes().isEmpty() ? "" : "; " + String.join("; ", row.changes()));
            case PlanRow.CHANGED -> String.join("; ", row.changes());
            default -> "";
        };
        return new RowView(row.row(), row.outcome(), row.name(), what);
    }

    /** The uploaded bytes, refused when missing or over the size limit (before they are read). */
    static byte[] bytes(FileUpload file, HocsoConfig config, UnitAdminMessages msg) {
        if (file == null || file.uploadedFile() == null) {
            throw new Refusal(Response.Status.BAD_REQUEST, msg.file_missing());
        }
        if (file.size() > config.roster().maxBytes()) {
            throw new Refusal(
                    Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    msg.file_too_large(config.roster().maxBytes() / 1_048_576));
        }
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new Refusal(Response.Status.BAD_REQUEST, msg.file_missing());
        }
    }

    private UnitAdminMessages msg() {
        return locales.messages(UnitAdminMessages.class);
    }
}
