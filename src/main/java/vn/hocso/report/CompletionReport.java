package vn.hocso.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import vn.hocso.org.OrgTree;
import vn.hocso.org.OrgUnit;

/**
 * Completion by unit, rolled up over the subtree (REP-1): one row per child of the unit, each counting the people of
 * its whole subtree, and a row for the people of the unit itself (or of units no child covers). Every unit is mapped to
 * exactly one row in SQL, so the rows add up to the unit's total and the total is a direct count. The caller's scope
 * is in the same statement ({@code path like any(scope)}): a person outside it is never read.
 */
@ApplicationScoped
class CompletionReport {

    /** Months shown in the "completions over time" chart, ending with the month of the "as of" day. */
    static final int TREND_MONTHS = 12;

    /** What is counted for a unit. Enrolments are counted per person and course; people once. */
    record Counts(
            long people, long assigned, long enrolled, long started, long completed, long certified, long overdue) {

        static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0);

        /** Completed per enrolled, 0 when nobody is enrolled. */
        public double rate() {
            return enrolled == 0 ? 0 : (double) completed / enrolled;
        }

        public String percent() {
            return String.format(Locale.ROOT, "%.1f%%", rate() * 100);
        }

        Counts plus(Counts o) {
            return new Counts(
                    people + o.people,
                    assigned + o.assigned,
                    enrolled + o.enrolled,
                    started + o.started,
                    completed + o.completed,
                    certified + o.certified,
                    overdue + o.overdue);
        }
    }

    /** A row: a child unit (with its name on the "as of" day) and its counts. */
    record Line(OrgUnit unit, String name, boolean former, Counts counts) {}

    /** Completions in one month. */
    record Month(YearMonth month, long completions) {}

    /**
     * The report: the rows, the people directly at the unit (or under no listed child), the total, and the trend.
     */
    record Report(
            ReportFilters filters,
            String unitName,
            List<Line> lines,
            Counts rest,
            Counts total,
            List<Month> trend,
            boolean rolledUp) {}

    @Inject
    DataSource dataSource;

    @Inject
    Rollup rollup;

    Report of(String[] scope, ReportFilters f) {
        return of(scope, f, true);
    }

    /** {@code fromRollup}: read the roll-up when it answers exactly; false counts the enrolments (tests compare). */
    Report of(String[] scope, ReportFilters f, boolean fromRollup) {
        List<OrgUnit> children = children(f);
        Long[] rowIds = new Long[children.size()];
        List<String> prefixes = new ArrayList<>();
        List<Long> prefixRows = new ArrayList<>();
        Map<Long, List<String>> catchments = catchments(children, f);
        for (int i = 0; i < children.size(); i++) {
            rowIds[i] = children.get(i).id;
            for (String p : catchments.getOrDefault(children.get(i).id, List.of())) {
                prefixRows.add(children.get(i).id);
                prefixes.add(p);
            }
        }
        String[] catchment = catchment(f.unit(), f);
        YearMonth trendFrom = YearMonth.from(f.asOf()).minusMonths(TREND_MONTHS - 1);
        Optional<Rollup.Result> rolled =
                fromRollup ? rollup.read(scope, catchment, catchments, f, trendFrom) : Optional.empty();
        // the direct count when the roll-up cannot answer exactly (Rollup says when): a commune's teams, a bound
        // inside a month before the roll-up's day rows, an enrolment dated after its own completion
        Map<Long, Counts> counts =
                rolled.map(Rollup.Result::counts).orElseGet(() -> counts(scope, catchment, prefixRows, prefixes, f));
        List<Line> lines = new ArrayList<>();
        Counts total = Counts.ZERO;
        for (OrgUnit child : children) {
            Counts c = counts.getOrDefault(child.id, Counts.ZERO);
            total = total.plus(c);
            lines.add(new Line(
                    child, f.former() ? OrgTree.nameAsOf(child, f.asOf()) : child.name, !child.isCurrent(), c));
        }
        Counts rest = counts.getOrDefault(0L, Counts.ZERO);
        total = total.plus(rest);
        String name = f.former() ? OrgTree.nameAsOf(f.unit(), f.asOf()) : f.unit().name;
        List<Month> trend =
                rolled.map(r -> months(trendFrom, f, r.trend())).orElseGet(() -> trend(scope, catchment, f));
        return new Report(f, name, lines, rest, total, trend, rolled.isPresent());
    }

    /**
     * The rows: today's units under a unit in force today (each with the records of the units merged into it), or,
     * when the former units are asked for or the unit itself is a former one, the units in force on the "as of" day.
     */
    List<OrgUnit> children(ReportFilters f) {
        OrgUnit u = f.unit();
        if (!f.former() && u.isCurrent()) {
            return OrgUnit.listChildrenAsOf(u.id, OrgTree.today()).stream()
                    .filter(OrgUnit::isCurrent)
                    .toList();
        }
        return OrgUnit.listChildrenAsOf(u.id, f.asOf());
    }

    /** The path prefixes a unit's row counts: its subtree, widened by merged predecessors unless former units are asked. */
    String[] catchment(OrgUnit u, ReportFilters f) {
        return catchments(List.of(u), f).getOrDefault(u.id, List.of()).toArray(String[]::new);
    }

    /**
     * {@link #catchment} of many units in one statement (a page's rows): each unit's subtree and the subtrees of every
     * former unit merged, at any depth of history, into it or under it. No prefix of a unit lies under another.
     */
    Map<Long, List<String>> catchments(List<OrgUnit> units, ReportFilters f) {
        Map<Long, List<String>> out = new HashMap<>();
        List<Long> widened = new ArrayList<>();
        for (OrgUnit u : units) {
            if (!f.former() && u.isCurrent()) {
                widened.add(u.id);
            } else {
                out.put(u.id, List.of(u.path));
            }
        }
        if (widened.isEmpty()) {
            return out;
        }
        ReportSql sql = new ReportSql().add("""
                with recursive scope(row_id, path) as (
                    select unit_id, path from unit_tree where unit_id = any(?)
                    union
                    select s.row_id, f.path from unit_tree f
                    join unit_tree r on r.unit_id = f.replaced_by_id
                    join scope s on r.path like s.path || '%'
                    where f.replaced_by_id is not null)
                select row_id, path from scope order by row_id, path""", (Object) widened.toArray(Long[]::new));
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = sql.prepare(c);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                List<String> minimal = out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>());
                String path = rs.getString(2);
                // ordered by path: a prefix comes before the paths under it
                if (minimal.stream().noneMatch(path::startsWith)) {
                    minimal.add(path);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("catchments of report rows", e);
        }
        return out;
    }

    private Map<Long, Counts> counts(
            String[] scope, String[] catchment, List<Long> prefixRows, List<String> prefixes, ReportFilters f) {
        ReportSql sql = new ReportSql()
                .add("""
                        with r(row_id, prefix) as (select * from unnest(?::bigint[], ?::text[])),
                        u as (
                            select t.unit_id,
                                   coalesce((select r.row_id from r where t.path like r.prefix || '%'
                                             order by length(r.prefix) desc limit 1), 0) as row_id
                            from unit_tree t
                            where t.path like any(?) and t.path like any(?)),
                        pe as (
                            select p.person_id, u.row_id
                            from person_in_unit p
                            join u on u.unit_id = p.unit_id""", prefixRows.toArray(Long[]::new), prefixes.toArray(String[]::new), like(catchment), scope);
        if (f.group() != null) {
            sql.add(" where p.target_group = ?", f.group().code());
        }
        sql.add("""
                ),
                people as (select row_id, count(*) as n from pe group by row_id),
                counts as (
                    select pe.row_id,
                           count(*) filter (where e.source = 'assignment') as assigned,
                           count(*) as enrolled,
                           count(*) filter (where e.started_at < ?) as started,
                           count(*) filter (where e.completed_at < ?""", f.end(), f.end());
        period(sql, "e.completed_at", f);
        sql.add(") as completed, count(*) filter (where c.issued_at < ?", f.end());
        period(sql, "c.issued_at", f);
        sql.add("""
                ) as certified,
                           count(*) filter (where e.due_at < ? and (e.completed_at is null or e.completed_at >= ?))
                               as overdue
                    from pe
                    join enrolment_status e on e.person_id = pe.person_id
                    left join issued_certificate c on c.person_id = e.person_id and c.course_id = e.course_id
                    where e.enrolled_at < ?""", f.end(), f.end(), f.end());
        courseAndWave(sql, f);
        sql.add("""

                    group by pe.row_id)
                select p.row_id, p.n, coalesce(c.assigned, 0), coalesce(c.enrolled, 0), coalesce(c.started, 0),
                       coalesce(c.completed, 0), coalesce(c.certified, 0), coalesce(c.overdue, 0)
                from people p left join counts c on c.row_id = p.row_id""");
        Map<Long, Counts> out = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = sql.prepare(c);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(
                        rs.getLong(1),
                        new Counts(
                                rs.getLong(2),
                                rs.getLong(3),
                                rs.getLong(4),
                                rs.getLong(5),
                                rs.getLong(6),
                                rs.getLong(7),
                                rs.getLong(8)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("completion report", e);
        }
        return out;
    }

    private List<Month> trend(String[] scope, String[] catchment, ReportFilters f) {
        YearMonth last = YearMonth.from(f.asOf());
        YearMonth first = last.minusMonths(TREND_MONTHS - 1);
        ReportSql sql =
                new ReportSql().add("""
                        select to_char(e.completed_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM'), count(*)
                        from person_in_unit p
                        join unit_tree t on t.unit_id = p.unit_id
                        join enrolment_status e on e.person_id = p.person_id
                        where t.path like any(?) and t.path like any(?)
                          and e.completed_at >= ? and e.completed_at < ?""", like(catchment), scope, ReportFilters.startOf(first.atDay(1)), f.end());
        if (f.group() != null) {
            sql.add(" and p.target_group = ?", f.group().code());
        }
        courseAndWave(sql, f);
        sql.add(" group by 1");
        Map<YearMonth, Long> byMonth = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = sql.prepare(c);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                byMonth.put(YearMonth.parse(rs.getString(1)), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("completion trend", e);
        }
        return months(first, f, byMonth);
    }

    private static List<Month> months(YearMonth first, ReportFilters f, Map<YearMonth, Long> byMonth) {
        List<Month> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(YearMonth.from(f.asOf())); m = m.plusMonths(1)) {
            months.add(new Month(m, byMonth.getOrDefault(m, 0L)));
        }
        return months;
    }

    /** Adds the course and wave conditions on enrolments (alias e) that are asked for. */
    static void courseAndWave(ReportSql sql, ReportFilters f) {
        if (f.courseId() != null) {
            sql.add(" and e.course_id = ?", f.courseId());
        }
        if (f.waveId() != null) {
            sql.add(" and e.wave_id = ?", f.waveId());
        }
    }

    /** Adds "and column in the period" when a period is asked for. */
    static void period(ReportSql sql, String column, ReportFilters f) {
        if (f.periodStart() != null) {
            sql.add(" and " + column + " >= ?", f.periodStart());
        }
        if (f.periodEnd() != null) {
            sql.add(" and " + column + " < ?", f.periodEnd());
        }
    }

    /** Path prefixes as patterns for {@code like any(?)}. */
    static String[] like(String[] prefixes) {
        String[] patterns = new String[prefixes.length];
        for (int i = 0; i < prefixes.length; i++) {
            patterns[i] = prefixes[i] + "%";
        }
        return patterns;
    }
}
