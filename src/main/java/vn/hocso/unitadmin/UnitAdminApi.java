package vn.hocso.unitadmin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.web.Locales;
import vn.hocso.web.Roles;

/** The unit admin's units and people as JSON (bearer token); the same scope as the pages, in the same SQL. */
@Path("/api/unit-admin")
@RolesAllowed({Roles.UNIT_ADMIN, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "unit-admin")
@SecurityRequirement(name = "SecurityScheme")
class UnitAdminApi {

    /** A unit of the caller's scope. */
    record UnitJson(long id, String code, String name, String kind, String path) {}

    @Inject
    Scope scope;

    @Inject
    PeopleQuery query;

    @Inject
    People people;

    @Inject
    Locales locales;

    @GET
    @Path("units")
    @Operation(summary = "The units granted to the caller")
    public List<UnitJson> units() {
        return scope.roots().stream()
                .map(u -> new UnitJson(u.id, u.code, u.name, u.kind.code(), u.path))
                .toList();
    }

    @GET
    @Path("people")
    @Operation(summary = "People of the caller's subtrees, 50 a page; q searches names without diacritics")
    public PeopleQuery.Page people(
            @QueryParam("q") String q, @QueryParam("unit") String unit, @QueryParam("page") String page) {
        PeopleResource.Filters f =
                PeopleResource.Filters.of(scope, q, unit, page, locales.messages(UnitAdminMessages.class));
        return query.list(scope.patterns(), f.text(), f.unit() == null ? null : f.unit().path, f.page());
    }

    @GET
    @Path("people/{id}")
    @Operation(summary = "One person of the caller's subtrees")
    public PeopleQuery.PersonRow person(@PathParam("id") long id) {
        return query.find(scope.patterns(), id).orElseThrow(NotFoundException::new);
    }

    @POST
    @Path("people/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a person's unit (within the scope), target group or position")
    public PeopleQuery.PersonRow edit(@PathParam("id") long id, People.Edit edit) {
        if (edit == null) {
            throw new jakarta.ws.rs.BadRequestException();
        }
        return people.edit(scope, id, edit, locales.messages(UnitAdminMessages.class));
    }
}
