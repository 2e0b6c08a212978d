package vn.hocso.unitadmin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import vn.hocso.account.TargetGroup;
import vn.hocso.org.OrgUnit;
import vn.hocso.web.Flash;
import vn.hocso.web.Links;
import vn.hocso.web.Locales;
import vn.hocso.web.Refusal;
import vn.hocso.web.Roles;

/** A unit admin's pages: their units, and the people of those units' subtrees. */
@Path("/unit-admin")
@RolesAllowed({Roles.UNIT_ADMIN, Roles.ADMIN})
class PeopleResource {

    static final int MAX_QUERY = 200;
    static final int MAX_PAGE = 10_000;

    @CheckedTemplate(basePath = "unitadmin")
    static class Templates {
        static native TemplateInstance home(List<OrgUnit> units);

        static native TemplateInstance people(
                PeopleQuery.Page page, String q, OrgUnit unit, String previous, String next);

        static native TemplateInstance person(PeopleQuery.PersonRow person, List<TargetGroup> groups);
    }

    @Inject
    Scope scope;

    @Inject
    PeopleQuery query;

    @Inject
    People people;

    @Inject
    Locales locales;

    @Inject
    Flash flash;

    @GET
    public TemplateInstance home() {
        return Templates.home(scope.roots());
    }

    @GET
    @Path("people")
    public TemplateInstance people(
            @QueryParam("q") String q, @QueryParam("unit") String unit, @QueryParam("page") String page) {
        Filters f = Filters.of(scope, q, unit, page, msg());
        PeopleQuery.Page rows =
                query.list(scope.patterns(), f.text(), f.unit() == null ? null : f.unit().path, f.page());
        Long unitId = f.unit() == null ? null : f.unit().id;
        return Templates.people(
                rows,
                f.text(),
                f.unit(),
                f.page() > 0 ? Links.unitAdminPeople(f.page() - 1, f.text(), unitId) : null,
                rows.hasNext() ? Links.unitAdminPeople(f.page() + 1, f.text(), unitId) : null);
    }

    @GET
    @Path("people/{id}")
    public TemplateInstance person(@PathParam("id") long id) {
        return Templates.person(
                query.find(scope.patterns(), id).orElseThrow(NotFoundException::new), List.of(TargetGroup.values()));
    }

    @POST
    @Path("people/{id}")
    public Response edit(
            @PathParam("id") long id,
            @FormParam("unit") String unit,
            @FormParam("group") String group,
            @FormParam("position") String position) {
        people.edit(scope, id, new People.Edit(unit, group, position), msg());
        flash.show(msg().saved());
        return Response.seeOther(URI.create(Links.unitAdminPerson(id))).build();
    }

    private UnitAdminMessages msg() {
        return locales.messages(UnitAdminMessages.class);
    }

    /** The filters of the people list, checked: a unit outside the scope is not found, a silly page is refused. */
    record Filters(String text, OrgUnit unit, int page) {
        static Filters of(Scope scope, String q, String unit, String page, UnitAdminMessages msg) {
            String text = q == null ? "" : q.strip();
            if (text.length() > MAX_QUERY) {
                throw new Refusal(Response.Status.BAD_REQUEST, msg.too_long());
            }
            OrgUnit u = null;
            if (unit != null && !unit.isBlank()) {
                u = parseLong(unit)
                        .flatMap(id -> OrgUnit.<OrgUnit>findByIdOptional(id))
                        .filter(scope::contains)
                        .orElseThrow(NotFoundException::new);
            }
            int p = 0;
            if (page != null && !page.isBlank()) {
                p = parseLong(page)
                        .filter(n -> n >= 0 && n <= MAX_PAGE)
                        .map(Long::intValue)
                        .orElseThrow(() -> new Refusal(Response.Status.BAD_REQUEST, msg.bad_page()));
            }
            return new Filters(text, u, p);
        }

        private static java.util.Optional<Long> parseLong(String s) {
            try {
                return java.util.Optional.of(Long.parseLong(s.strip()));
            } catch (NumberFormatException e) {
                return java.util.Optional.empty();
            }
        }
    }
}
