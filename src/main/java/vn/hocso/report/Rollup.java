package vn.hocso.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The report's counts read from the roll-up table (V40__report_rollup.sql) instead of the enrolments: each row of a
 * page is a set of subtrees (path prefixes), and the roll-up holds each subtree's counts for the units of the top
 * three levels. A row's count is its prefixes' subtree counts less those of the prefixes nested under them (the
 * prefixes form a tree), so every unit is counted in the row of its longest prefix, as the direct count does.
 *
 * <p>Empty (the caller counts directly) when the roll-up cannot give the exact answer: a prefix below the third level
 * (a commune's teams: a small direct count), a bound (the "as of" day, the period) that cuts a month before the
 * horizon of day rows, or an enrolment completed or certified before it was enrolled in the catchment ("early", which
 * the roll-up dates at its enrolment).
 */
@ApplicationScoped
class Rollup {

    /** Units of the first three levels of the tree (country, province, commune) have roll-up rows. */
    static final int DEPTH = 3;

    /** Before any date the data can hold: a range with no lower bound. */
    private static final LocalDate NEVER = LocalDate.of(1900, 1, 1);

    /** The counts, by row (0: the unit's own people), and the completions per month of the whole catchment. */
    record Result(Map<Long, CompletionReport.Counts> counts, Map<YearMonth, Long> trend) {}

    @Inject
    DataSource dataSource;

    /**
     * @param catchment the unit's prefixes (what is counted at all, with the scope)
     * @param rows each row's prefixes (the children), by row id
     */
    Optional<Result> read(
            String[] scope, String[] catchment, Map<Long, List<String>> rows, ReportFilters f, YearMonth trendFrom) {
        Map<String, Node> nodes = new TreeMap<>();
        for (String c : counted(catchment, scope)) {
            nodes.computeIfAbsent(c, Node::new).counts = true;
        }
        for (Map.Entry<Long, List<String>> row : rows.entrySet()) {
            for (String p : row.getValue()) {
                nodes.computeIfAbsent(p, Node::new).row = row.getKey();
            }
        }
        // the tree of prefixes: sorted by path, a node's parent is the longest other node that is a prefix of it
        List<Node> chain = new ArrayList<>();
        for (Node n : nodes.values()) {
            while (!chain.isEmpty() && !n.path.startsWith(chain.get(chain.size() - 1).path)) {
                chain.remove(chain.size() - 1);
            }
            Node parent = chain.isEmpty() ? null : chain.get(chain.size() - 1);
            if (parent != null) {
                n.counts |= parent.counts;
                if (n.row == null) {
                    n.row = parent.row;
                }
                if (n.counts) {
                    parent.children.add(n);
                }
            }
            chain.add(n);
        }
        List<Node> counted = nodes.values().stream().filter(n -> n.counts).toList();
        if (counted.isEmpty()) {
            return Optional.of(new Result(Map.of(), Map.of()));
        }
        if (counted.stream().anyMatch(n -> n.depth() > DEPTH)) {
            return Optional.empty();
        }
        Optional<Map<Long, long[]>> sums = sums(counted, f);
        if (sums.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, CompletionReport.Counts> out = new HashMap<>();
        long early = 0;
        for (Node n : counted) {
            long[] own = sums.get().getOrDefault(n.unitId(), new long[FIELDS]).clone();
            for (Node child : n.children) {
                long[] c = sums.get().getOrDefault(child.unitId(), new long[FIELDS]);
                for (int i = 0; i < FIELDS; i++) {
                    own[i] -= c[i];
                }
            }
            early += own[EARLY];
            long row = n.row == null ? 0L : n.row;
            out.merge(row, counts(own), CompletionReport.Counts::plus);
        }
        if (early != 0) {
            return Optional.empty();
        }
        Optional<Map<YearMonth, Long>> trend = trend(
                counted.stream()
                        .filter(n -> counted.stream().noneMatch(o -> o.children.contains(n)))
                        .map(Node::unitId)
                        .toList(),
                f,
                trendFrom);
        return trend.map(t -> new Result(out, t));
    }

    /** The prefixes of catchment ∩ scope: a prefix under the other side's, or the other side's under it. */
    static List<String> counted(String[] catchment, String[] scope) {
        List<String> scopes = new ArrayList<>();
        for (String s : scope) {
            scopes.add(s.endsWith("%") ? s.substring(0, s.length() - 1) : s);
        }
        List<String> both = new ArrayList<>();
        for (String c : catchment) {
            for (String s : scopes) {
                if (c.startsWith(s)) {
                    both.add(c);
                } else if (s.startsWith(c)) {
                    both.add(s);
                }
            }
        }
        List<String> minimal = new ArrayList<>();
        both.stream().sorted().distinct().forEach(p -> {
            if (minimal.stream().noneMatch(p::startsWith)) {
                minimal.add(p);
            }
        });
        return minimal;
    }

    private static final int FIELDS = 9;
    private static final int EARLY = 8;

    private static CompletionReport.Counts counts(long[] s) {
        // people, assigned, enrolled, started, completed, certified, overdue = due - due and done
        return new CompletionReport.Counts(s[0], s[1], s[2], s[3], s[4], s[5], s[6] - s[7]);
    }

    /** Per unit: people, assigned, enrolled, started, completed, certified, due, due and done, early. */
    private Optional<Map<Long, long[]>> sums(List<Node> nodes, ReportFilters f) {
        LocalDate end = f.asOf().plusDays(1);
        LocalDate lo = f.from() == null ? NEVER : f.from();
        LocalDate hi = f.to() == null || f.to().plusDays(1).isAfter(end) ? end : f.to().plusDays(1);
        LocalDate horizon = horizon();
        Optional<Range> untilEnd = Range.of(NEVER, end, horizon);
        Optional<Range> period = Range.of(lo, hi, horizon);
        if (untilEnd.isEmpty() || period.isEmpty()) {
            return Optional.empty();
        }
        Long[] ids = nodes.stream().map(Node::unitId).toArray(Long[]::new);
        ReportSql sql = new ReportSql().add("with r as (select unit_id");
        String[] untilEndColumns = {"assigned", "enrolled", "started"};
        for (String column : untilEndColumns) {
            sum(sql, column, untilEnd.get());
        }
        sum(sql, "completed", period.get());
        sum(sql, "certified", period.get());
        sum(sql, "due", untilEnd.get());
        sum(sql, "due_done", untilEnd.get());
        sql.add(", sum(early) as early from report_rollup where unit_id = any(?)", (Object) ids);
        filters(sql, f);
        // day rows are read only for the months a bound cuts ("early" reads every month row)
        sql.add(" and (monthly");
        for (Range r : List.of(untilEnd.get(), period.get())) {
            for (LocalDate[] d : r.days()) {
                sql.add(" or (not monthly and day >= ? and day < ?)", d[0], d[1]);
            }
        }
        sql.add(")");
        sql.add(
                " group by unit_id), p as (select unit_id, sum(people) as people from report_rollup_people"
                        + " where unit_id = any(?)",
                (Object) ids);
        if (f.group() != null) {
            sql.add(" and target_group = ?", f.group().code());
        }
        sql.add("""
                 group by unit_id)
                select coalesce(r.unit_id, p.unit_id), coalesce(p.people, 0), coalesce(r.assigned, 0),
                       coalesce(r.enrolled, 0), coalesce(r.started, 0), coalesce(r.completed, 0),
                       coalesce(r.certified, 0), coalesce(r.due, 0), coalesce(r.due_done, 0), coalesce(r.early, 0)
                from r full join p on p.unit_id = r.unit_id""");
        Map<Long, long[]> out = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = sql.prepare(c);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long[] s = new long[FIELDS];
                for (int i = 0; i < FIELDS; i++) {
                    s[i] = rs.getLong(i + 2);
                }
                out.put(rs.getLong(1), s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("completion report from the roll-up", e);
        }
        return Optional.of(out);
    }

    /** Completions per month of the whole catchment (its minimal prefixes), from trendFrom to the "as of" day. */
    private Optional<Map<YearMonth, Long>> trend(List<Long> ids, ReportFilters f, YearMonth trendFrom) {
        Optional<Range> range = Range.of(trendFrom.atDay(1), f.asOf().plusDays(1), horizon());
        if (range.isEmpty()) {
            return Optional.empty();
        }
        ReportSql sql = new ReportSql()
                .add(
                        "select to_char(day, 'YYYY-MM'), sum(completed) from report_rollup where unit_id = any(?)",
                        (Object) ids.toArray(Long[]::new));
        filters(sql, f);
        sql.add(" and ");
        range.get().condition(sql);
        sql.add(" group by 1");
        Map<YearMonth, Long> out = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = sql.prepare(c);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(YearMonth.parse(rs.getString(1)), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("completion trend from the roll-up", e);
        }
        return Optional.of(out);
    }

    private static void filters(ReportSql sql, ReportFilters f) {
        if (f.courseId() != null) {
            sql.add(" and course_id = ?", f.courseId());
        }
        if (f.waveId() != null) {
            sql.add(" and wave_id = ?", f.waveId());
        }
        if (f.group() != null) {
            sql.add(" and target_group = ?", f.group().code());
        }
    }

    private static void sum(ReportSql sql, String column, Range range) {
        sql.add(", coalesce(sum(" + column + ") filter (where ");
        range.condition(sql);
        sql.add("), 0) as " + column);
    }

    private LocalDate horizon() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select day from report_rollup_horizon");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getObject(1, LocalDate.class) : LocalDate.MAX;
        } catch (SQLException e) {
            throw new IllegalStateException("roll-up horizon", e);
        }
    }

    /**
     * Days [from, to) as whole months (month rows) and at most two partial months (day rows, which exist from the
     * horizon on): empty when a partial month lies before the horizon.
     */
    record Range(LocalDate monthsFrom, LocalDate monthsTo, List<LocalDate[]> days) {

        static Optional<Range> of(LocalDate from, LocalDate to, LocalDate horizon) {
            if (!from.isBefore(to)) {
                return Optional.of(new Range(NEVER, NEVER, List.of()));
            }
            LocalDate firstWhole =
                    from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
            LocalDate afterWhole = to.withDayOfMonth(1);
            List<LocalDate[]> days = new ArrayList<>();
            if (afterWhole.isBefore(firstWhole)) {
                days.add(new LocalDate[] {from, to});
                afterWhole = firstWhole;
            } else {
                if (!firstWhole.equals(from)) {
                    days.add(new LocalDate[] {from, firstWhole});
                }
                if (!afterWhole.equals(to)) {
                    days.add(new LocalDate[] {afterWhole, to});
                }
            }
            for (LocalDate[] d : days) {
                if (d[0].withDayOfMonth(1).isBefore(horizon)) {
                    return Optional.empty();
                }
            }
            return Optional.of(new Range(firstWhole, afterWhole, days));
        }

        void condition(ReportSql sql) {
            sql.add("((monthly and day >= ? and day < ?)", monthsFrom, monthsTo);
            for (LocalDate[] d : days) {
                sql.add(" or (not monthly and day >= ? and day < ?)", d[0], d[1]);
            }
            sql.add(")");
        }
    }

    private static final class Node {
        final String path;
        final List<Node> children = new ArrayList<>();
        boolean counts;
        Long row;

        Node(String path) {
            this.path = path;
        }

        int depth() {
            return path.split("/").length - 1;
        }

        long unitId() {
            String[] ids = path.split("/");
            return Long.parseLong(ids[ids.length - 1]);
        }
    }
}
