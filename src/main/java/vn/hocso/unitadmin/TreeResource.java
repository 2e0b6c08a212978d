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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.hocso.org.OrgTree;
import vn.hocso.org.OrgUnit;
import vn.hocso.org.UnitChange;
import vn.hocso.org.UnitKind;
import vn.hocso.web.Flash;
import vn.hocso.web.Links;
import vn.hocso.web.Locales;
import vn.hocso.web.Refusal;
import vn.hocso.web.Roles;

/** System admins browse, search and change the organisation tree; every change goes to the audit log. */
@Path("/admin/units")
@RolesAllowed(Roles.ADMIN)
class TreeResource {

    static final int SEARCH_LIMIT = 50;

    @CheckedTemplate(basePath = "unitadmin")
    static class Templates {
        static native TemplateInstance units(String q, List<OrgUnit> found, OrgUnit root, List<OrgUnit> children);

        static native TemplateInstance unit(
                OrgUnit unit,
                String nameAsOf,
                LocalDate at,
                List<OrgUnit> trail,
                List<OrgUnit> children,
                List<UnitChange> history,
                OrgUnit successor,
                List<UnitKind> kinds);
    }

    @Inject
    TreeChanges changes;

    @Inject
    Locales locales;

    @Inject
    Flash flash;

    @GET
    public TemplateInstance search(@QueryParam("q") String q) {
        OrgUnit root = OrgUnit.getRoot();
        String text = q == null ? "" : q.strip();
        if (text.length() > OrgTree.MAX_NAME) {
            throw new Refusal(Response.Status.BAD_REQUEST, msg().search_too_long());
        }
        List<OrgUnit> found = text.isEmpty() ? List.of() : OrgUnit.search(text, SEARCH_LIMIT);
        return Templates.units(text, found, root, OrgUnit.listChildrenAsOf(root.id, OrgTree.today()));
    }

    @GET
    @Path("{id}")
    public TemplateInstance unit(@PathParam("id") long id, @QueryParam("at") String at) {
        OrgUnit unit = OrgUnit.getById(id);
        LocalDate day = Days.parse(at, msg().bad_date());
        return Templates.unit(
                unit,
                OrgTree.nameAsOf(unit, day),
                day,
                trail(unit),
                OrgUnit.listChildrenAsOf(unit.id, day),
                UnitChange.listOfUnit(unit.id),
                unit.isCurrent() ? null : OrgTree.currentSuccessor(unit),
                unit.kind.allowedChildren());
    }

    @POST
    @Path("{id}/children")
    public Response add(
            @PathParam("id") long id,
            @FormParam("code") String code,
            @FormParam("name") String name,
            @FormParam("kind") String kind,
            @FormParam("from") String from) {
        OrgUnit unit = changes.add(id, code, name, kind, from, msg());
        flash.show(msg().saved());
        return Response.seeOther(URI.create(Links.adminUnit(unit.id))).build();
    }

    @POST
    @Path("{id}/rename")
    public Response rename(@PathParam("id") long id, @FormParam("name") String name, @FormParam("from") String from) {
        changes.rename(id, name, from, msg());
        flash.show(msg().saved());
        return Response.seeOther(URI.create(Links.adminUnit(id))).build();
    }

    @POST
    @Path("{id}/move")
    public Response move(
            @PathParam("id") long id, @FormParam("parent") String parentCode, @FormParam("from") String from) {
        changes.move(id, parentCode, from, msg());
        flash.show(msg().saved());
        return Response.seeOther(URI.create(Links.adminUnit(id))).build();
    }

    /** A + B → C: the codes of the merged units, one per line or separated by commas. */
    @POST
    @Path("merge")
    public Response merge(
            @FormParam("units") String codes,
            @FormParam("code") String code,
            @FormParam("name") String name,
            @FormParam("from") String from) {
        OrgUnit successor =
                changes.merge(Arrays.asList((codes == null ? "" : codes).split("[,;\\s]+")), code, name, from, msg());
        flash.show(msg().saved());
        return Response.seeOther(URI.create(Links.adminUnit(successor.id))).build();
    }

    private UnitAdminMessages msg() {
        return locales.messages(UnitAdminMessages.class);
    }

    /** From the country down to the unit (its parent chain, read from its path). */
    static List<OrgUnit> trail(OrgUnit unit) {
        List<OrgUnit> trail = new ArrayList<>();
        for (String id : unit.path.split("/")) {
            if (!id.isEmpty()) {
                trail.add(OrgUnit.getById(Long.parseLong(id)));
            }
        }
        return trail;
    }
}
