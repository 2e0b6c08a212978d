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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.account.Person;
import vn.hocso.org.OrgUnit;
import vn.hocso.web.Locales;
import vn.hocso.web.Roles;

/** Unit-admin rights for system admins as JSON (bearer token): list, grant, revoke; audited like the admin page. */
@Path("/api/admin/unit-admins")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
@SecurityRequirement(name = "SecurityScheme")
class GrantApi {

    /** A grant; revokedAt is set once revoked. */
    record GrantJson(
            long id,
            long personId,
            String personName,
            String personEmail,
            String unitCode,
            String unitName,
            String grantedBy,
            OffsetDateTime grantedAt,
            OffsetDateTime revokedAt) {

        static GrantJson of(Grant g) {
            Person p = Person.findById(g.personId);
            OrgUnit u = OrgUnit.getById(g.unitId);
            return new GrantJson(
                    g.id, p.id, p.fullName, p.email, u.code, u.name, g.grantedBy, g.grantedAt, g.revokedAt);
        }
    }

    /** Who (their e-mail: a roster person who has not signed in yet may be named) over which current unit (code). */
    record NewGrant(String email, String unit) {}

    @Inject
    Grants grants;

    @Inject
    Locales locales;

    @GET
    @Operation(summary = "Live unit-admin rights, newest first")
    public List<GrantJson> list() {
        return Grant.listLive().stream().map(GrantJson::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Grant a person unit-admin rights over a unit's subtree (granting it again changes nothing)")
    @APIResponse(responseCode = "200", description = "The live grant")
    @APIResponse(responseCode = "400", description = "Unknown person or unit")
    public GrantJson grant(NewGrant g) {
        NewGrant body = g == null ? new NewGrant(null, null) : g;
        Grant granted = grants.grant(body.email(), body.unit(), locales.messages(UnitAdminMessages.class));
        return GrantJson.of(Grant.findById(granted.id));
    }

    @POST
    @Path("{id}/revoke")
    @Operation(summary = "Revoke a live grant; it stays as history")
    @APIResponse(responseCode = "200", description = "The revoked grant")
    @APIResponse(responseCode = "404", description = "No live grant with this id")
    public GrantJson revoke(@PathParam("id") long id) {
        return GrantJson.of(grants.revoke(id));
    }
}
