package vn.hocso.report;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.ext.web.Router;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.hocso.web.AnonymousPages;
import vn.hocso.web.Locales;

/**
 * Public statistics: open to anyone, served from the figures computed every few minutes. It is the page a burst of the
 * public opens (a ministry's announcement links to it), so a visit costs as little as a page can: an anonymous visitor
 * gets the whole page as rendered for the first anonymous visitor of those figures and language, from memory, ahead of
 * the security chain ({@link AnonymousPages}, the figures' generation as its version); the method runs on the I/O
 * thread (it reads nothing but memory: the figures, the sign-in, cookies) and renders the figures once per snapshot
 * and language, so a signed-in person's page (their menu) or a page with a flash message renders only the layout.
 */
@Path("/statistics")
@PermitAll
class StatisticsResource {

    /** A target group's line with its name in the visitor's language. */
    record GroupLine(String name, long learners, long completions, long certificates) {}

    @CheckedTemplate(basePath = "report")
    static class Templates {
        static native TemplateInstance statistics(String body);

        static native TemplateInstance statisticsBody(
                PublicStatistics.Snapshot stats, List<GroupLine> groups, Bars.Horizontal ranking, Bars.Columns trend);
    }

    /** The figures' part of the page as rendered for a snapshot in a language. */
    private record Rendered(PublicStatistics.Snapshot snapshot, String html) {}

    /**
     * By language: the figures are rendered once per snapshot, and each visit renders only the layout around them (which
     * holds what is the visitor's own: CSRF tokens, the menu, a flash message).
     */
    private final Map<String, Rendered> rendered = new ConcurrentHashMap<>();

    static final String PATH = "/statistics";

    @Inject
    PublicStatistics statistics;

    @Inject
    Locales locales;

    @Inject
    AnonymousPages anonymousPages;

    void install(@Observes Router router) {
        anonymousPages.serve(router, false, statistics::generation, PATH);
    }

    @GET
    @NonBlocking
    @Produces(MediaType.TEXT_HTML)
    public String page() {
        PublicStatistics.Snapshot s = statistics.current();
        String language = locales.current().getLanguage();
        Rendered r = rendered.get(language);
        if (r == null || r.snapshot() != s) {
            r = new Rendered(s, body(s).render());
            rendered.put(language, r);
        }
        return anonymousPages.keep(Templates.statistics(r.html()).render());
    }

    private TemplateInstance body(PublicStatistics.Snapshot s) {
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
        return Templates.statisticsBody(s, groups, Bars.horizontal(ranking), Bars.columns(months));
    }
}
