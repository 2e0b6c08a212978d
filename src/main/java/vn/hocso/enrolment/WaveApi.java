package vn.hocso.enrolment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.org.OrgUnit;
import vn.hocso.unitadmin.Scope;
import vn.hocso.web.Locales;
import vn.hocso.web.Roles;

/** Waves as JSON for unit admins (bearer token): the same scope and rules as the pages. */
@Path("/api/unit-admin/waves")
@RolesAllowed({Roles.UNIT_ADMIN, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "unit-admin")
@SecurityRequirement(name = "SecurityScheme")
class WaveApi {

    /** A wave to create: course slugs, target-group codes (empty: everyone), headcounts by unit code. */
    record NewWave(
            String name,
            String unit,
            List<String> courses,
            List<String> groups,
            LocalDate startsOn,
            LocalDate dueOn,
            Map<String, Integer> headcounts) {}

    /** A wave as the API shows it. */
    record WaveJson(
            long id,
            String name,
            String unit,
            String status,
            List<String> groups,
            LocalDate startsOn,
            LocalDate dueOn,
            List<String> courses,
            List<Waves.Progress> progress) {}

    /** What a publish did. */
    record Published(long id, int assigned) {}

    @Inject
    Waves waves;

    @Inject
    Scope scope;

    @Inject
    Locales locales;

    @GET
    @Operation(summary = "Waves of the caller's units, newest first")
    public List<WaveJson> list() {
        return waves.list(scope).stream().map(w -> json(w, false)).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a wave (a draft: nobody is assigned until it is published)")
    public WaveJson create(NewWave w) {
        if (w == null) {
            throw new BadRequestException();
        }
        return json(
                waves.create(
                        scope,
                        new Waves.Draft(
                                w.name(), w.unit(), w.courses(), w.groups(), w.startsOn(), w.dueOn(), w.headcounts())),
                false);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A wave with its progress per target unit")
    public WaveJson show(@PathParam("id") long id) {
        return json(waves.get(scope, id), true);
    }

    @POST
    @Path("{id}/publish")
    @Operation(summary = "Open the wave and assign its courses (idempotent)")
    public Published publish(@PathParam("id") long id) {
        return new Published(id, waves.publish(scope, id));
    }

    @POST
    @Path("{id}/close")
    @Operation(summary = "Close the wave: no more assignments or reminders; records stay")
    public WaveJson close(@PathParam("id") long id) {
        waves.end(scope, id, WaveStatus.CLOSED);
        return show(id);
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel the wave: no more assignments or reminders; records stay")
    public WaveJson cancel(@PathParam("id") long id) {
        waves.end(scope, id, WaveStatus.CANCELLED);
        return show(id);
    }

    private WaveJson json(Wave w, boolean withProgress) {
        return new WaveJson(
                w.id,
                w.name,
                OrgUnit.getById(w.unitId).code,
                w.status.code(),
                Arrays.asList(w.targetGroups),
                w.startsOn,
                w.dueOn,
                waves.courses(w).stream().map(c -> c.slug).toList(),
                withProgress ? waves.progress(w) : null);
    }
}
