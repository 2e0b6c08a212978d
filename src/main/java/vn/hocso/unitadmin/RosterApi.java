package vn.hocso.unitadmin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import vn.hocso.config.HocsoConfig;
import vn.hocso.web.Locales;
import vn.hocso.web.Roles;

/** Roster imports as JSON: upload (dry run), read the plan, apply. */
@Path("/api/unit-admin/rosters")
@RolesAllowed({Roles.UNIT_ADMIN, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "unit-admin")
@SecurityRequirement(name = "SecurityScheme")
class RosterApi {

    /** An import with its counts, and (when asked for one import) its rows. */
    record ImportJson(
            long id,
            String fileName,
            String status,
            OffsetDateTime createdAt,
            OffsetDateTime appliedAt,
            int newRows,
            int changedRows,
            int movedRows,
            int unchangedRows,
            int rejectedRows,
            List<RosterResource.RowView> rows) {

        static ImportJson of(RosterImport r, List<RosterResource.RowView> rows) {
            return new ImportJson(
                    r.id,
                    r.fileName,
                    r.status,
                    r.createdAt,
                    r.appliedAt,
                    r.newRows,
                    r.changedRows,
                    r.movedRows,
                    r.sameRows,
                    r.rejectedRows,
                    rows);
        }
    }

    @Inject
    Rosters rosters;

    @Inject
    Scope scope;

    @Inject
    Locales locales;

    @Inject
    HocsoConfig config;

    @GET
    @Operation(summary = "Roster imports made in the caller's units, newest first")
    public List<ImportJson> list() {
        return rosters.history(RosterImport.ROSTER, scope).stream()
                .map(r -> ImportJson.of(r, null))
                .toList();
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload a roster (CSV or XLSX, field 'file'): the dry run, row by row; nothing is written")
    public ImportJson upload(@RestForm("file") FileUpload file) {
        UnitAdminMessages msg = msg();
        RosterImport r = rosters.dryRun(
                RosterImport.ROSTER, RosterResource.bytes(file, config, msg), file.fileName(), scope, msg);
        return show(r.id);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One import with every row's outcome")
    public ImportJson show(@PathParam("id") long id) {
        RosterImport r = rosters.visible(RosterImport.ROSTER, id, scope);
        return ImportJson.of(
                r,
                rosters.plan(r).stream()
                        .map(row -> RosterResource.view(row, msg()))
                        .toList());
    }

    @POST
    @Path("{id}/apply")
    @Operation(summary = "Apply the dry run; 409 when the data changed since it was made")
    public ImportJson apply(@PathParam("id") long id) {
        RosterImport r = rosters.apply(RosterImport.ROSTER, id, scope, msg());
        return ImportJson.of(r, null);
    }

    private UnitAdminMessages msg() {
        return locales.messages(UnitAdminMessages.class);
    }
}
