package vn.hocso.report;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.eclipse.microprofile.context.ManagedExecutor;
import vn.hocso.org.OrgTree;
import vn.hocso.org.OrgUnit;

/**
 * The public figures (REP-3): learners, completions and certificates by target group, the provinces ranked by
 * completion rate, and completions per month. Counts only, never a person. Computed on a schedule and kept in
 * memory, so a burst of visitors costs the database nothing, and served as they were while the next ones are computed.
 */
@ApplicationScoped
class PublicStatistics {

    /** Figures of one target group ({@code group} null: people with no group recorded). */
    record Group(String group, long learners, long completions, long certificates) {}

    /** A province's place in the ranking. */
    record Province(int rank, String name, long enrolled, long completed, String percent, double rate) {}

    record Snapshot(
            long learners,
            long completions,
            long certificates,
            List<Group> groups,
            List<Province> ranking,
            List<CompletionReport.Month> trend,
            OffsetDateTime computedAt) {}

    @Inject
    DataSource dataSource;

    @Inject
    CompletionReport reports;

    @Inject
    ManagedExecutor executor;

    /** The last figures computed; null until the first computation after a start has finished. */
    private volatile Snapshot snapshot;

    /** Moves on each time {@link #snapshot} is replaced: the version of the public page (web.AnonymousPages). */
    private final AtomicLong generation = new AtomicLong();

    /** A computation is running: visitors never start a second one. */
    private final AtomicBoolean computing = new AtomicBoolean();

    /**
     * The last figures computed, at once: a visitor never waits for a computation (a refresh runs at national scale for
     * seconds). Before the first one has finished, {@link #PENDING} (the page says the figures are being computed) and,
     * should the scheduler not have started it yet, a computation in the background.
     */
    Snapshot current() {
        Snapshot s = snapshot;
        if (s == null) {
            if (computing.compareAndSet(false, true)) {
                executor.execute(() -> {
                    try {
                        refresh();
                    } finally {
                        computing.set(false);
                    }
                });
            }
            return PENDING;
        }
        return s;
    }

    /** No figures yet (computedAt null). */
    static final Snapshot PENDING = new Snapshot(0, 0, 0, List.of(), List.of(), List.of(), null);

    /**
     * Computes the figures and only then replaces the ones served: visitors get the previous figures meanwhile. Runs
     * right after start and every {@code hocso.reports.statistics-refresh}.
     */
    @Scheduled(every = "${hocso.reports.statistics-refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @ActivateRequestContext
    void refresh() {
        snapshot = compute();
        generation.incrementAndGet();
    }

    /** The version of the figures {@link #current} gives: moves on after they were replaced. */
    long generation() {
        return generation.get();
    }

    @ActivateRequestContext
    Snapshot compute() {
        OrgUnit root = OrgUnit.getRoot();
        ReportFilters country = new ReportFilters(root, null, null, null, null, null, OrgTree.today(), false, 0);
        CompletionReport.Report report = reports.of(new String[] {root.path + "%"}, country);
        List<CompletionReport.Line> provinces = new ArrayList<>(report.lines());
        provinces.sort(Comparator.comparingDouble(
                        (CompletionReport.Line l) -> -l.counts().rate())
                .thenComparing(l -> -l.counts().completed()));
        List<Province> ranking = new ArrayList<>();
        for (CompletionReport.Line l : provinces) {
            ranking.add(new Province(
                    ranking.size() + 1,
                    l.name(),
                    l.counts().enrolled(),
                    l.counts().completed(),
                    l.counts().percent(),
                    l.counts().rate()));
        }
        List<Group> groups = groups();
        return new Snapshot(
                groups.stream().mapToLong(Group::learners).sum(),
                groups.stream().mapToLong(Group::completions).sum(),
                groups.stream().mapToLong(Group::certificates).sum(),
                groups,
                ranking,
                report.trend(),
                OffsetDateTime.now());
    }

    private List<Group> groups() {
        String sql = """
                select p.target_group, count(distinct e.person_id),
                       count(*) filter (where e.completed_at is not null), count(c.person_id)
                from enrolment_status e
                join person_in_unit p on p.person_id = e.person_id
                left join issued_certificate c on c.person_id = e.person_id and c.course_id = e.course_id
                group by p.target_group
                order by p.target_group nulls last""";
        List<Group> groups = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                groups.add(new Group(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("public statistics", e);
        }
        return groups;
    }
}
