package vn.hocso.report;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;

/**
 * The report pages' figures kept for a short while (the {@value #CACHE} cache, expiring a minute after they were
 * counted, application.properties): a province's admins opening and reloading the same page, or many of them at once
 * after a reminder, cost one count, not one each. Counts only, never a person's row. The key is the caller's scope
 * (the patterns every count is restricted to), the unit and every filter, the "as of" day included, so that a figure is
 * only ever served to a caller whose scope counted it; the caller checks that the unit and filters are within the
 * scope ({@link ReportFilters#parse}) before asking here. The API and the exports count afresh.
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

    /** The report of {@code f} within {@code scope}, counted at most a minute ago; concurrent askers share one count. */
    CompletionReport.Report of(String[] scope, ReportFilters f) {
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
        return cache.get(key, k -> reports.of(scope, f)).await().indefinitely();
    }
}
