package vn.hocso.unitadmin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.config.HocsoConfig;
import vn.hocso.web.Locales;
import vn.hocso.web.Refusal;
import vn.hocso.web.Roles;

/** Roster imports as JSON: upload (dry run), read the plan, apply. */
@Path("/api/unit-admin/rosters")
@RolesAllowed({Roles.UNIT_ADMIN, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "unit-admin")
@SecurityRequirement(name = "SecurityScheme")
class RosterApi {

    static final String TEXT_CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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

    /**
     * The file is the request body, not a multipart form: quarkus-rest-csrf checks the token of every multipart POST
     * whatever its path (it has no per-path exclusion), and an API client signs in with a bearer token, so it has no
     * CSRF cookie to show. A body that is not a form is left alone by that filter (require-form-url-encoded=false), as
     * every JSON POST under /api is; pages keep their multipart form with its token.
     */
    @POST
    @Consumes({TEXT_CSV, XLSX, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(
            summary = "Upload a roster as the request body (CSV or XLSX, the format is told from the content): the dry"
                    + " run, row by row; nothing is written")
    @APIResponse(responseCode = "200", description = "The dry run")
    @APIResponse(responseCode = "400", description = "Empty, unreadable or malformed file (the message names the row)")
    @APIResponse(responseCode = "413", description = "Larger than hocso.roster.max-bytes")
    public ImportJson upload(
            @Parameter(description = "The file's name, kept in the import history") @QueryParam("fileName")
                    String fileName,
            InputStream body) {
        UnitAdminMessages msg = msg();
        RosterImport r = rosters.dryRun(RosterImport.ROSTER, bytes(body, msg), fileName, scope, msg);
        return show(r.id);
    }

    private byte[] bytes(InputStream body, UnitAdminMessages msg) {
        long max = config.roster().maxBytes();
        byte[] bytes;
        try {
            // one byte more than allowed tells a file that is too large without reading all of it
            bytes = body == null ? new byte[0] : body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        } catch (IOException e) {
            throw new Refusal(Response.Status.BAD_REQUEST, msg.file_missing());
        }
        if (bytes.length == 0) {
            throw new Refusal(Response.Status.BAD_REQUEST, msg.file_missing());
        }
        if (bytes.length > max) {
            throw new Refusal(Response.Status.REQUEST_ENTITY_TOO_LARGE, msg.file_too_large(max / 1_048_576));
        }
        return bytes;
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
