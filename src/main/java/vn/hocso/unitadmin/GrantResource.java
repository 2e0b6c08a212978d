package vn.hocso.unitadmin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import vn.hocso.account.CurrentUser;
import vn.hocso.account.Person;
import vn.hocso.audit.Audit;
import vn.hocso.org.OrgUnit;
import vn.hocso.web.Flash;
import vn.hocso.web.Links;
import vn.hocso.web.Locales;
import vn.hocso.web.Refusal;
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
    Audit audit;

    @Inject
    CurrentUser currentUser;

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
    @Transactional
    public Response grant(@FormParam("email") String email, @FormParam("unit") String unitCode) {
        UnitAdminMessages msg = locales.messages(UnitAdminMessages.class);
        Person person = (email == null || email.isBlank() || email.length() > Person.MAX_EMAIL
                        ? java.util.Optional.<Person>empty()
                        : Person.findByEmail(email.strip()))
                .orElseThrow(() -> new Refusal(Response.Status.BAD_REQUEST, msg.grant_unknown_person()));
        OrgUnit unit = OrgUnit.findCurrentByCode(unitCode == null ? "" : unitCode.strip())
                .orElseThrow(() -> new Refusal(Response.Status.BAD_REQUEST, msg.unknown_code()));
        if (Grant.findLive(person.id, unit.id).isEmpty()) {
            Grant g = new Grant();
            g.personId = person.id;
            g.unitId = unit.id;
            g.grantedBy = currentUser.subject();
            g.persist();
            audit.record("unit-admin.grant", "person", person.id.toString(), null, "unit=" + unit.code);
        }
        flash.show(msg.saved());
        return Response.seeOther(URI.create(Links.adminGrants())).build();
    }

    @POST
    @Path("{id}/revoke")
    @Transactional
    public Response revoke(@PathParam("id") long id) {
        Grant g = Grant.<Grant>findByIdOptional(id)
                .filter(x -> x.revokedAt == null)
                .orElseThrow(NotFoundException::new);
        g.revokedAt = OffsetDateTime.now();
        g.revokedBy = currentUser.subject();
        audit.record(
                "unit-admin.revoke", "person", g.personId.toString(), null, "unit=" + OrgUnit.getById(g.unitId).code);
        flash.show(locales.messages(UnitAdminMessages.class).saved());
        return Response.seeOther(URI.create(Links.adminGrants())).build();
    }
}
