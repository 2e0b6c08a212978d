package vn.hocso.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.account.CurrentUser;
import vn.hocso.unitadmin.Scope;
import vn.hocso.web.Locales;
import vn.hocso.web.Roles;

/** Completion reports as JSON (bearer token): the same filters, scope and SQL as the pages. */
@Path("/api/reports")
@RolesAllowed({Roles.UNIT_ADMIN, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reports")
@SecurityRequirement(name = "SecurityScheme")
class ReportApi {

    /** One row: a unit (or, with unitId 0, the people directly at the unit) and its counts. */
    record LineJson(
            long unitId,
            String code,
            String name,
            boolean former,
            long people,
            long assigned,
            long enrolled,
            long started,
            long completed,
            long certified,
            long overdue,
            double completionRate) {}

    record ReportJson(
            long unitId, String unitName, LocalDate asOf, List<LineJson> rows, LineJson rest, LineJson total) {}

    /** A person's status in a course; phone and ID masked unless the role allows them. */
    record PersonJson(
            long personId,
            String fullName,
            String phone,
            String civilServantId,
            String targetGroup,
            String unitCode,
            String course,
            String status) {}

    record PeopleJson(List<PersonJson> rows, int page, boolean hasNext) {}

    @Inject
    Scope scope;

    @Inject
    CurrentUser currentUser;

    @Inject
    CompletionReport reports;

    @Inject
    PeopleStatus people;

    @Inject
    Locales locales;

    @GET
    @Path("units/{id}")
    @Operation(summary = "Completion by unit over a unit's subtree, one row per child unit")
    public ReportJson unit(@BeanParam ReportQuery query) {
        ReportFilters f = query.filters(scope, locales.messages(ReportMessages.class));
        CompletionReport.Report r = reports.of(scope.patterns(), f);
        return new ReportJson(
                f.unit().id,
                r.unitName(),
                f.asOf(),
                r.lines().stream()
                        .map(l -> line(l.unit().id, l.unit().code, l.name(), l.former(), l.counts()))
                        .toList(),
                line(0, null, null, false, r.rest()),
                line(f.unit().id, f.unit().code, r.unitName(), !f.unit().isCurrent(), r.total()));
    }

    @GET
    @Path("units/{id}/people")
    @Operation(summary = "People of a unit's subtree with their status per course, 50 a page")
    public PeopleJson people(@BeanParam ReportQuery query, @QueryParam("page") String page) {
        ReportFilters f = query.filters(scope, locales.messages(ReportMessages.class), page);
        boolean clear = currentUser.isAdmin();
        PeopleStatus.Page p = people.page(scope.patterns(), f);
        return new PeopleJson(
                p.rows().stream()
                        .map(r -> new PersonJson(
                                r.personId(),
                                r.fullName(),
                                clear ? r.phone() : Cells.masked(r.phone()),
                                clear ? r.civilServantId() : Cells.masked(r.civilServantId()),
                                r.targetGroup(),
                                r.unitCode(),
                                r.course(),
                                r.status().name().toLowerCase(java.util.Locale.ROOT)))
                        .toList(),
                p.page(),
                p.hasNext());
    }

    private static LineJson line(long id, String code, String name, boolean former, CompletionReport.Counts c) {
        return new LineJson(
                id,
                code,
                name,
                former,
                c.people(),
                c.assigned(),
                c.enrolled(),
                c.started(),
                c.completed(),
                c.certified(),
                c.overdue(),
                c.rate());
    }
}
