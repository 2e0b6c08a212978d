package vn.hocso.enrolment;

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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.hocso.account.TargetGroup;
import vn.hocso.course.Course;
import vn.hocso.course.CourseStatus;
import vn.hocso.org.OrgUnit;
import vn.hocso.unitadmin.Scope;
import vn.hocso.web.Flash;
import vn.hocso.web.Links;
import vn.hocso.web.Locales;
import vn.hocso.web.Refusal;
import vn.hocso.web.Roles;

/** A unit admin's waves: list, create, publish (assign), close, cancel, and how each stands per unit. */
@Path("/unit-admin/waves")
@RolesAllowed({Roles.UNIT_ADMIN, Roles.ADMIN})
class WaveResource {

    /** A wave in the list, with its unit. */
    record WaveRow(Wave wave, OrgUnit unit) {}

    @CheckedTemplate(basePath = "enrolment")
    static class Templates {
        static native TemplateInstance waves(
                List<WaveRow> waves, List<OrgUnit> units, List<Course> courses, List<TargetGroup> groups);

        static native TemplateInstance wave(
                Wave wave, OrgUnit unit, List<Course> courses, List<Waves.Progress> progress, long unreachable);
    }

    @Inject
    Waves waves;

    @Inject
    Scope scope;

    @Inject
    Locales locales;

    @Inject
    Flash flash;

    @GET
    public TemplateInstance list() {
        return Templates.waves(
                waves.list(scope).stream()
                        .map(w -> new WaveRow(w, OrgUnit.getById(w.unitId)))
                        .toList(),
                scope.roots(),
                Course.<Course>list("status = ?1 order by titleVi", CourseStatus.PUBLISHED),
                List.of(TargetGroup.values()));
    }

    @POST
    public Response create(
            @FormParam("name") String name,
            @FormParam("unit") String unit,
            @FormParam("course") List<String> courses,
            @FormParam("group") List<String> groups,
            @FormParam("starts") String starts,
            @FormParam("due") String due,
            @FormParam("targets") String targets) {
        EnrolmentMessages msg = locales.messages(EnrolmentMessages.class);
        Wave w = waves.create(
                scope,
                new Waves.Draft(name, unit, courses, groups, day(starts, msg), day(due, msg), targets(targets, msg)));
        return Response.seeOther(URI.create(Links.wave(w.id))).build();
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") long id) {
        Wave w = waves.get(scope, id);
        return Templates.wave(w, OrgUnit.getById(w.unitId), waves.courses(w), waves.progress(w), waves.unreachable(w));
    }

    @POST
    @Path("{id}/publish")
    public Response publish(@PathParam("id") long id) {
        int assigned = waves.publish(scope, id);
        flash.show(locales.messages(EnrolmentMessages.class).wave_published(assigned));
        return Response.seeOther(URI.create(Links.wave(id))).build();
    }

    @POST
    @Path("{id}/close")
    public Response close(@PathParam("id") long id) {
        waves.end(scope, id, WaveStatus.CLOSED);
        return Response.seeOther(URI.create(Links.wave(id))).build();
    }

    @POST
    @Path("{id}/cancel")
    public Response cancel(@PathParam("id") long id) {
        waves.end(scope, id, WaveStatus.CANCELLED);
        return Response.seeOther(URI.create(Links.wave(id))).build();
    }

    static LocalDate day(String text, EnrolmentMessages msg) {
        try {
            LocalDate d = LocalDate.parse(text == null ? "" : text.strip());
            if (d.getYear() < 2000 || d.getYear() > 2200) {
                throw new Refusal(Response.Status.BAD_REQUEST, msg.wave_bad_dates());
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new Refusal(Response.Status.BAD_REQUEST, msg.wave_bad_dates());
        }
    }

    /** "20194: 120" lines (unit code and headcount), blank lines ignored. */
    static Map<String, Integer> targets(String text, EnrolmentMessages msg) {
        Map<String, Integer> targets = new LinkedHashMap<>();
        if (text == null) {
            return targets;
        }
        if (text.length() > 20_000) {
            throw new Refusal(Response.Status.BAD_REQUEST, msg.wave_bad_target(""));
        }
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("[:;,=\\t]");
            try {
                if (parts.length != 2) {
                    throw new NumberFormatException();
                }
                targets.put(parts[0].strip(), Integer.parseInt(parts[1].strip()));
            } catch (NumberFormatException e) {
                throw new Refusal(Response.Status.BAD_REQUEST, msg.wave_bad_target(line.strip()));
            }
        }
        return targets;
    }
}
