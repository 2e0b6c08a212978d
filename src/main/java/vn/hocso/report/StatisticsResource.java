package vn.hocso.report;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import vn.hocso.web.Locales;

/** Public statistics: open to anyone, served from the figures computed every few minutes. */
@Path("/statistics")
@PermitAll
class StatisticsResource {

    /** A target group's line with its name in the visitor's language. */
    record GroupLine(String name, long learners, long completions, long certificates) {}

    @CheckedTemplate(basePath = "report")
    static class Templates {
        static native TemplateInstance statistics(
                PublicStatistics.Snapshot stats, List<GroupLine> groups, Bars.Horizontal ranking, Bars.Columns trend);
    }

    @Inject
    PublicStatistics statistics;

    @Inject
    Locales locales;

    @GET
    public TemplateInstance page() {
        PublicStatistics.Snapshot s = statistics.current();
        ReportMessages msg = locales.messages(ReportMessages.class);
        List<GroupLine> groups = new ArrayList<>();
        for (PublicStatistics.Group g : s.groups()) {
            groups.add(new GroupLine(
                    g.group() == null ? msg.group_none() : Labels.group(msg, g.group()),
                    g.learners(),
                    g.completions(),
                    g.certificates()));
        }
        List<Bars.Item> ranking = s.ranking().stream()
                .map(p -> new Bars.Item(p.rank() + ". " + p.name(), p.percent(), p.rate()))
                .toList();
        long most = s.trend().stream()
                .mapToLong(CompletionReport.Month::completions)
                .max()
                .orElse(0);
        List<Bars.Item> months = s.trend().stream()
                .map(m -> new Bars.Item(
                        m.month().format(DateTimeFormatter.ofPattern("MM/yy")),
                        Long.toString(m.completions()),
                        most == 0 ? 0 : (double) m.completions() / most))
                .toList();
        return Templates.statistics(s, groups, Bars.horizontal(ranking), Bars.columns(months));
    }
}
