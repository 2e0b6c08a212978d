package vn.hocso.unitadmin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import vn.hocso.account.Person;
import vn.hocso.org.OrgUnit;
import vn.hocso.web.Flash;
import vn.hocso.web.Links;
import vn.hocso.web.Locales;
import vn.hocso.web.Roles;

/**
 * System admins grant a person unit-admin rights over a unit's subtree, and revoke them; both audited. Only system
 * admins reach this page, so no unit admin can widen their own scope.
 */
@Path("/admin/unit-admins")
@RolesAllowed(Roles.ADMIN)
class GrantResource {

    /** A live grant as the page lists it. */
    record GrantRow(long id, String personName, String personEmail, String unitName, String unitCode) {}

    @CheckedTemplate(basePath = "unitadmin")
    static class Templates {
        static native TemplateInstance grants(List<GrantRow> grants);
    }

    @Inject
    Grants grants;

    @Inject
    Locales locales;

    @Inject
    Flash flash;

    @GET
    public TemplateInstance list() {
        return Templates.grants(Grant.listLive().stream()
                .map(g -> {
                    Person p = Person.findById(g.personId);
                    OrgUnit u = OrgUnit.getById(g.unitId);
                    return new GrantRow(g.id, p.fullName, p.email, u.name, u.code);
                })
                .toList());
    }

    /** The person is named by their e-mail (they need not have signed in yet: a roster person will be linked). */
    @POST
    public Response grant(@FormParam("email") String email, @FormParam("unit") String unitCode) {
        UnitAdminMessages msg = locales.messages(UnitAdminMessages.class);
        grants.grant(email, unitCode, msg);
        flash.show(msg.saved());
        return Response.seeOther(URI.create(Links.adminGrants())).build();
    }

    @POST
    @Path("{id}/revoke")
    public Response revoke(@PathParam("id") long id) {
        grants.revoke(id);
        flash.show(locales.messages(UnitAdminMessages.class).saved());
        return Response.seeOther(URI.create(Links.adminGrants())).build();
    }
}
