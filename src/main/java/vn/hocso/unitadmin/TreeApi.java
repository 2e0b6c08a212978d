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
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.org.OrgTree;
import vn.hocso.org.OrgUnit;
import vn.hocso.web.Locales;
import vn.hocso.web.Refusal;
import vn.hocso.web.Roles;

/**
 * The organisation tree for system admins as JSON (bearer token): search, read as of a day, add, rename, move, merge;
 * the same rules and audit records as the admin pages (TreeChanges). Dates are yyyy-mm-dd; empty or absent is today.
 */
@Path("/api/admin/units")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
@SecurityRequirement(name = "SecurityScheme")
class TreeApi {

    /** A unit, current or former (validTo and replacedBy set once merged). */
    @Schema(name = "TreeUnit")
    record UnitJson(
            long id,
            String code,
            String name,
            String kind,
            Long parentId,
            LocalDate validFrom,
            LocalDate validTo,
            Long replacedBy) {

        static UnitJson of(OrgUnit u) {
            return new UnitJson(
                    u.id, u.code, u.name, u.kind.code(), u.parentId, u.validFrom, u.validTo, u.replacedById);
        }
    }

    /** A unit as of a day: its name then, and its children then. */
    record UnitAsOfJson(UnitJson unit, LocalDate asOf, String nameAsOf, UnitJson successor, List<UnitJson> children) {}

    record NewUnit(String code, String name, String kind, String from) {}

    record Rename(String name, String from) {}

    record Move(String parent, String from) {}

    record Merge(List<String> units, String code, String name, String from) {}

    @Inject
    TreeChanges changes;

    @Inject
    Locales locales;

    @GET
    @Operation(
            summary = "Units whose name contains q (diacritics and case ignored), current first; without q, the"
                    + " country's units today")
    public List<UnitJson> search(@QueryParam("q") String q) {
        String text = q == null ? "" : q.strip();
        if (text.length() > OrgTree.MAX_NAME) {
            throw new Refusal(Response.Status.BAD_REQUEST, msg().search_too_long());
        }
        List<OrgUnit> found = text.isEmpty()
                ? OrgUnit.listChildrenAsOf(OrgUnit.getRoot().id, OrgTree.today())
                : OrgUnit.search(text, TreeResource.SEARCH_LIMIT);
        return found.stream().map(UnitJson::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One unit as of a day (default today): its name and children then, its successor if merged")
    public UnitAsOfJson unit(
            @PathParam("id") long id, @Parameter(description = "yyyy-mm-dd") @QueryParam("at") String at) {
        OrgUnit unit = OrgUnit.getById(id);
        LocalDate day = Days.parse(at, msg().bad_date());
        return new UnitAsOfJson(
                UnitJson.of(unit),
                day,
                OrgTree.nameAsOf(unit, day),
                unit.isCurrent() ? null : UnitJson.of(OrgTree.currentSuccessor(unit)),
                OrgUnit.listChildrenAsOf(unit.id, day).stream()
                        .map(UnitJson::of)
                        .toList());
    }

    @POST
    @Path("{id}/children")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a unit under this one (kind: ministry, province, commune, village, team, …)")
    @APIResponse(
            responseCode = "201",
            description = "The new unit",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitJson.class)))
    @APIResponse(responseCode = "400", description = "Refused, with the reason")
    public Response add(@PathParam("id") long id, NewUnit u) {
        NewUnit body = u == null ? new NewUnit(null, null, null, null) : u;
        OrgUnit unit = changes.add(id, body.code(), body.name(), body.kind(), body.from(), msg());
        return Response.status(Response.Status.CREATED)
                .entity(UnitJson.of(unit))
                .build();
    }

    @POST
    @Path("{id}/rename")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rename from a day; the old name stays for earlier days")
    public UnitJson rename(@PathParam("id") long id, Rename r) {
        Rename body = r == null ? new Rename(null, null) : r;
        return UnitJson.of(changes.rename(id, body.name(), body.from(), msg()));
    }

    @POST
    @Path("{id}/move")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move under another current unit (its code) from a day")
    public UnitJson move(@PathParam("id") long id, Move m) {
        Move body = m == null ? new Move(null, null) : m;
        return UnitJson.of(changes.move(id, body.parent(), body.from(), msg()));
    }

    @POST
    @Path("merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Merge current units (their codes) into a new one from a day: they keep their rows with valid_to"
                    + " and replaced_by; their people, assignments and unit-admin rights move to it")
    @APIResponse(
            responseCode = "201",
            description = "The successor",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitJson.class)))
    @APIResponse(responseCode = "400", description = "Refused, with the reason; nothing changed")
    public Response merge(Merge m) {
        Merge body = m == null ? new Merge(List.of(), null, null, null) : m;
        OrgUnit successor = changes.merge(
                body.units() == null ? List.of() : body.units(), body.code(), body.name(), body.from(), msg());
        return Response.status(Response.Status.CREATED)
                .entity(UnitJson.of(successor))
                .build();
    }

    private UnitAdminMessages msg() {
        return locales.messages(UnitAdminMessages.class);
    }
}
