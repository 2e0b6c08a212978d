package vn.hocso.report;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The report pages' figures kept for a short while (the {@value #CACHE} cache, expiring a minute after they were
 * counted, application.properties): a province's admins opening and reloading the same page, or many of them at once
 * after a reminder, cost one count, not one each. Counts only, never a person's row. The key is the caller's scope
 * (the patterns every count is restricted to), the unit and every filter, the "as of" day included, so that a figure is
 * only ever served to a caller whose scope counted it; the caller checks that the unit and filters are within the
 * scope ({@link ReportFilters#parse}) before asking here. The API and the exports count afresh.
 *
 * <p>With the figures goes the figures' part of the page as rendered in each language: everything a page shows apart
 * from the layout around it (the visitor's own menu and CSRF tokens) follows from the same key, so at 16 admins on one
 * page the cost per visit is the layout, not a 60 KB table and two charts.
 */
@ApplicationScoped
class RecentReports {

    static final String CACHE = "report-pages";

    /** What a page's figures depend on (the filters' unit as its id: entities are not values). */
    private record Key(
            List<String> scope,
            long unitId,
            Long courseId,
            Long waveId,
            String group,
            LocalDate from,
            LocalDate to,
            LocalDate asOf,
            boolean former) {}

    @Inject
    @CacheName(CACHE)
    Cache cache;

    @Inject
    CompletionReport reports;

    /** A page's figures and, by language, their part of the page as rendered once. */
    static final class Kept {
        private final CompletionReport.Report report;
        private final Map<String, String> bodies = new ConcurrentHashMap<>();

        private Kept(CompletionReport.Report report) {
            this.report = report;
        }

        CompletionReport.Report report() {
            return report;
        }

        /** The figures' part of the page in {@code language}, rendered by {@code render} the first time it is asked. */
        String body(String language, Function<CompletionReport.Report, String> render) {
            return bodies.computeIfAbsent(language, l -> render.apply(report));
        }
    }

    /** The report of {@code f} within {@code scope}, counted at most a minute ago; concurrent askers share one count. */
    CompletionReport.Report of(String[] scope, ReportFilters f) {
        return kept(scope, f).report();
    }

    /** As {@link #of}, with the page's rendered parts kept beside the figures. */
    Kept kept(String[] scope, ReportFilters f) {
        Key key = new Key(
                List.of(scope),
                f.unit().id,
                f.courseId(),
                f.waveId(),
                f.group() == null ? null : f.group().code(),
                f.from(),
                f.to(),
                f.asOf(),
                f.former());
        return cache.get(key, k -> new Kept(reports.of(scope, f))).await().indefinitely();
    }
}
