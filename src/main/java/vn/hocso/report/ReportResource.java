package vn.hocso.report;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import vn.hocso.account.CurrentUser;
import vn.hocso.account.TargetGroup;
import vn.hocso.config.HocsoConfig;
import vn.hocso.course.Course;
import vn.hocso.enrolment.Wave;
import vn.hocso.org.OrgUnit;
import vn.hocso.unitadmin.Scope;
import vn.hocso.web.Flash;
import vn.hocso.web.Links;
import vn.hocso.web.Locales;
import vn.hocso.web.Refusal;
import vn.hocso.web.Roles;

/**
 * Completion reports for system admins (the country) and unit admins (their subtrees): a unit's rows with a chart,
 * drill-down to its children and to its people, and exports of both. Every read names the caller's scope in its SQL.
 */
@Path("/reports")
@RolesAllowed({Roles.UNIT_ADMIN, Roles.ADMIN})
class ReportResource {

    /** An option of a filter's select. */
    record Option(String value, String label, boolean selected) {}

    static final int MAX_WAVES = 200;

    @CheckedTemplate(basePath = "report")
    static class Templates {
        static native TemplateInstance index(List<OrgUnit> units);

        static native TemplateInstance unit(String unitName, String body);

        static native TemplateInstance unitBody(
                CompletionReport.Report report,
                List<OrgUnit> crumbs,
                String query,
                List<Option> courses,
                List<Option> waves,
                List<Option> groups,
                Bars.Horizontal rates,
                Bars.Columns trend);

        static native TemplateInstance background(
                ReportFilters filters,
                String unitName,
                List<OrgUnit> crumbs,
                String format,
                String query,
                int threshold);

        static native TemplateInstance people(
                PeopleStatus.Page page,
                ReportFilters filters,
                String unitName,
                List<OrgUnit> crumbs,
                String query,
                boolean personalData,
                String previous,
                String next);
    }

    @Inject
    Scope scope;

    @Inject
    CurrentUser currentUser;

    @Inject
    CompletionReport reports;

    @Inject
    RecentReports recent;

    @Inject
    PeopleStatus people;

    @Inject
    Exports exports;

    @Inject
    Locales locales;

    @Inject
    BackgroundExports background;

    @Inject
    HocsoConfig config;

    @Inject
    Flash flash;

    @GET
    public TemplateInstance index() {
        return Templates.index(scope.roots());
    }

    @GET
    @Path("units/{id}")
    public TemplateInstance unit(@BeanParam ReportQuery query) {
        // the unit and filters are checked against the caller's scope first: the cache is keyed by that scope
        ReportFilters f = query.filters(scope, msg());
        RecentReports.Kept kept = recent.kept(scope.patterns(), f);
        String body = kept.body(
                locales.current().getLanguage(), report -> unitBody(report, f).render());
        return Templates.unit(kept.report().unitName(), body);
    }

    /** The figures' part of a unit's page: a function of the caller's scope, the filters and the language only. */
    private TemplateInstance unitBody(CompletionReport.Report report, ReportFilters f) {
        ReportMessages msg = msg();
        List<Bars.Item> rates = new ArrayList<>();
        for (CompletionReport.Line line : report.lines()) {
            rates.add(new Bars.Item(
                    line.name(), line.counts().percent(), line.counts().rate()));
        }
        long most = report.trend().stream()
                .mapToLong(CompletionReport.Month::completions)
                .max()
                .orElse(0);
        List<Bars.Item> months = report.trend().stream()
                .map(m -> new Bars.Item(
                        m.month().format(DateTimeFormatter.ofPattern("MM/yy")),
                        Long.toString(m.completions()),
                        most == 0 ? 0 : (double) m.completions() / most))
                .toList();
        return Templates.unitBody(
                report,
                crumbs(f.unit()),
                f.encoded(),
                courseOptions(f),
                waveOptions(f),
                groupOptions(f, msg),
                Bars.horizontal(rates),
                Bars.columns(months));
    }

    @GET
    @Path("units/{id}/people")
    public TemplateInstance people(@BeanParam ReportQuery query, @QueryParam("page") String page) {
        ReportFilters f = query.filters(scope, msg(), page);
        PeopleStatus.Page rows = people.page(scope.patterns(), f);
        return Templates.people(
                rows,
                f,
                f.unit().name,
                crumbs(f.unit()),
                f.page(0).encoded(),
                currentUser.isAdmin(),
                f.page() > 0
                        ? Links.reportPeople(f.unit().id, f.page(f.page() - 1).encoded())
                        : null,
                rows.hasNext()
                        ? Links.reportPeople(f.unit().id, f.page(f.page() + 1).encoded())
                        : null);
    }

    @GET
    @Path("units/{id}/export.{format}")
    public Response export(@BeanParam ReportQuery query, @PathParam("format") String format) {
        Exports.Format fmt = Exports.Format.of(format).orElseThrow(NotFoundException::new);
        ReportFilters f = query.filters(scope, msg());
        CompletionReport.Report report = reports.of(scope.patterns(), f);
        Exports.About about = about("report", f, report.unitName());
        return download(exports.report(report, fmt, msg(), who(), about), fmt, "bao-cao-" + f.unit().code, f);
    }

    /**
     * A people export: streamed at once when it has at most {@code hocso.reports.background-threshold} rows, otherwise a
     * page that offers to prepare it in the background (a POST, so that following a link never starts a job).
     */
    @GET
    @Path("units/{id}/people/export.{format}")
    public Response exportPeople(@BeanParam ReportQuery query, @PathParam("format") String format) {
        Exports.Format fmt = Exports.Format.of(format).orElseThrow(NotFoundException::new);
        ReportFilters f = query.filters(scope, msg());
        int threshold = config.reports().backgroundThreshold();
        if (people.count(scope.patterns(), f, threshold + 1L) > threshold) {
            return Response.ok(Templates.background(
                            f, f.unit().name, crumbs(f.unit()), fmt.extension, f.encoded(), threshold))
                    .header("Cache-Control", "no-store")
                    .build();
        }
        ReportSql sql = people.statement(scope.patterns(), f);
        Exports.About about = about("people", f, f.unit().name);
        return download(exports.people(sql, f.end(), fmt, msg(), who(), about), fmt, "hoc-vien-" + f.unit().code, f);
    }

    /** Queues a people export in the background; one at a time per admin. */
    @POST
    @Path("units/{id}/people/export.{format}")
    public Response exportPeopleInBackground(@BeanParam ReportQuery query, @PathParam("format") String format) {
        Exports.Format fmt = Exports.Format.of(format).orElseThrow(NotFoundException::new);
        ReportFilters f = query.filters(scope, msg());
        ReportMessages msg = msg();
        background
                .start(
                        who(),
                        locales.current().getLanguage(),
                        scope.patterns(),
                        f,
                        fmt,
                        Exports.fileName("hoc-vien-" + f.unit().code, f, fmt))
                .orElseThrow(() -> new Refusal(Response.Status.CONFLICT, msg.export_already_running()));
        flash.show(msg.export_started());
        return Response.seeOther(URI.create(Links.reportExports())).build();
    }

    /** The unit's ancestors the caller may open, from the top of their scope down to the unit. */
    private List<OrgUnit> crumbs(OrgUnit unit) {
        List<OrgUnit> crumbs = new ArrayList<>();
        for (String part : unit.path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            OrgUnit u = OrgUnit.getById(Long.parseLong(part));
            if (scope.contains(u)) {
                crumbs.add(u);
            }
        }
        return crumbs;
    }

    private List<Option> courseOptions(ReportFilters f) {
        List<Option> options = new ArrayList<>();
        for (Course c : CourseTitles.all()) {
            options.add(new Option(c.id.toString(), c.titleVi, c.id.equals(f.courseId())));
        }
        return options;
    }

    /** The latest waves of the caller's scope (a wave of another subtree is not offered, and refused if sent). */
    private List<Option> waveOptions(ReportFilters f) {
        List<Option> options = new ArrayList<>();
        for (Wave w : Wave.<Wave>find("order by createdAt desc, id desc")
                .page(0, MAX_WAVES)
                .list()) {
            if (scope.contains(OrgUnit.getById(w.unitId))) {
                options.add(new Option(w.id.toString(), w.name, w.id.equals(f.waveId())));
            }
        }
        return options;
    }

    private static List<Option> groupOptions(ReportFilters f, ReportMessages msg) {
        List<Option> options = new ArrayList<>();
        for (TargetGroup g : TargetGroup.values()) {
            options.add(new Option(g.code(), Labels.group(msg, g), g == f.group()));
        }
        return options;
    }

    private Exports.Who who() {
        return new Exports.Who(currentUser.subject(), currentUser.person().fullName, currentUser.isAdmin());
    }

    private Exports.About about(String kind, ReportFilters f, String unitName) {
        return Exports.about(kind, f, unitName, msg());
    }

    private static Response download(
            jakarta.ws.rs.core.StreamingOutput body, Exports.Format fmt, String name, ReportFilters f) {
        String file = Exports.fileName(name, f, fmt);
        return Response.ok(body)
                .type(fmt.mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    private ReportMessages msg() {
        return locales.messages(ReportMessages.class);
    }
}
