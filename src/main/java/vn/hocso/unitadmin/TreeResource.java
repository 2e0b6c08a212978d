package vn.hocso.unitadmin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import vn.hocso.audit.Audit;
import vn.hocso.org.OrgTree;
import vn.hocso.org.OrgUnit;
import vn.hocso.org.TreeRefusal;
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
    OrgTree tree;

    @Inject
    Audit audit;

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
    @Transactional
    public Response add(
            @PathParam("id") long id,
            @FormParam("code") String code,
            @FormParam("name") String name,
            @FormParam("kind") String kind,
            @FormParam("from") String from) {
        UnitKind k =
                UnitKind.fromCode(kind).orElseThrow(() -> new Refusal(Response.Status.BAD_REQUEST, msg().bad_kind()));
        OrgUnit unit = refusing(() -> tree.add(id, code, name, k, Days.parse(from, msg().bad_date())));
        audit.record(
                "unit.create", "org_unit", unit.code, null, "parent=" + id + " name=" + unit.name + " kind=" + kind);
        flash.show(msg().saved());
        return Response.seeOther(URI.create(Links.adminUnit(unit.id))).build();
    }

    @POST
    @Path("{id}/rename")
    @Transactional
    public Response rename(@PathParam("id") long id, @FormParam("name") String name, @FormParam("from") String from) {
        String before = OrgUnit.getById(id).name;
        OrgUnit unit = refusing(() -> tree.rename(id, name, Days.parse(from, msg().bad_date())));
        audit.record("unit.rename", "org_unit", unit.code, null, "before=" + before + " after=" + unit.name);
        flash.show(msg().saved());
        return Response.seeOther(URI.create(Links.adminUnit(id))).build();
    }

    @POST
    @Path("{id}/move")
    @Transactional
    public Response move(
            @PathParam("id") long id, @FormParam("parent") String parentCode, @FormParam("from") String from) {
        OrgUnit parent = OrgUnit.findCurrentByCode(parentCode == null ? "" : parentCode.strip())
                .orElseThrow(() -> new Refusal(Response.Status.BAD_REQUEST, msg().unknown_code()));
        Long before = OrgUnit.getById(id).parentId;
        OrgUnit unit = refusing(() -> tree.move(id, parent.id, Days.parse(from, msg().bad_date())));
        audit.record("unit.move", "org_unit", unit.code, null, "before=" + before + " after=" + parent.id);
        flash.show(msg().saved());
        return Response.seeOther(URI.create(Links.adminUnit(id))).build();
    }

    /** A + B → C: the codes of the merged units, one per line or separated by commas. */
    @POST
    @Path("merge")
    @Transactional
    public Response merge(
            @FormParam("units") String codes,
            @FormParam("code") String code,
            @FormParam("name") String name,
            @FormParam("from") String from) {
        List<Long> ids = new ArrayList<>();
        for (String c : Arrays.asList((codes == null ? "" : codes).split("[,;\\s]+"))) {
            if (!c.isBlank()) {
                ids.add(OrgUnit.findCurrentByCode(c.strip())
                        .orElseThrow(() -> new Refusal(Response.Status.BAD_REQUEST, msg().unknown_code()))
                        .id);
            }
        }
        OrgUnit successor = refusing(() -> tree.merge(ids, code, name, Days.parse(from, msg().bad_date())));
        audit.record("unit.merge", "org_unit", successor.code, null, "merged=" + ids + " into=" + successor.id);
        flash.show(msg().saved());
        return Response.seeOther(URI.create(Links.adminUnit(successor.id))).build();
    }

    private <T> T refusing(java.util.function.Supplier<T> change) {
        try {
            return change.get();
        } catch (TreeRefusal e) {
            throw new Refusal(Response.Status.BAD_REQUEST, TreeRefusals.text(msg(), e.reason()));
        }
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
