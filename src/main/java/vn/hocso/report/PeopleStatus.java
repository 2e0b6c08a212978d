package vn.hocso.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The people of a unit's subtree with their status in each course (the last step of the drill-down), in the caller's
 * scope. A page for the screen; for exports the same statement read through a cursor, row by row, so memory does not
 * grow with the number of rows.
 */
@ApplicationScoped
class PeopleStatus {

    static final int PAGE_SIZE = 50;
    static final int FETCH_SIZE = 2_000;

    /** A person's status in a course on the "as of" day (a person with no enrolment has one row, with no course). */
    enum Status {
        NOT_ENROLLED,
        ENROLLED,
        STARTED,
        OVERDUE,
        COMPLETED,
        CERTIFIED
    }

    /** One person and course. */
    record Row(
            long personId,
            String fullName,
            String email,
            String phone,
            String civilServantId,
            String targetGroup,
            String unitName,
            String unitCode,
            String course,
            OffsetDateTime enrolledAt,
            OffsetDateTime dueAt,
            OffsetDateTime completedAt,
            OffsetDateTime certifiedAt,
            Status status) {}

    record Page(List<Row> rows, int page, boolean hasNext) {}

    /** What to do with each row of an export; returns nothing, may throw what writing throws. */
    interface Sink {
        void accept(Row row) throws Exception;
    }

    @Inject
    DataSource dataSource;

    @Inject
    CompletionReport report;

    Page page(String[] scope, ReportFilters f) {
        ReportSql sql = statement(scope, f).add(" limit ? offset ?", PAGE_SIZE + 1, (long) f.page() * PAGE_SIZE);
        List<Row> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = sql.prepare(c);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(row(rs, f.end()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("people of a report", e);
        }
        boolean more = rows.size() > PAGE_SIZE;
        return new Page(more ? rows.subList(0, PAGE_SIZE) : rows, f.page(), more);
    }

    /**
     * Every row of a statement made by {@link #statement}, through a server-side cursor; returns how many rows were
     * given to the sink. Reads no request state, so it may run after the request's method returned (a streamed
     * answer) or in a job.
     */
    long stream(ReportSql sql, OffsetDateTime end, Sink sink) throws Exception {
        return inTransaction(c -> {
            long n = 0;
            try (PreparedStatement ps = sql.prepare(c)) {
                ps.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(row(rs, end));
                        n++;
                    }
                }
            }
            return n;
        });
    }

    /** Work on a connection of its own (a cursor, a COPY) in a transaction that is rolled back: it only reads. */
    interface Reading {
        long on(Connection c) throws Exception;
    }

    long inTransaction(Reading reading) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            // pgjdbc reads with a cursor only inside a transaction and with a fetch size
            c.setAutoCommit(false);
            try {
                return reading.on(c);
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        }
    }

    /** The rows of the people list in order (for pages and exports). */
    ReportSql statement(String[] scope, ReportFilters f) {
        return rows(scope, f).add(" order by p.full_name, p.person_id, ct.title_vi, e.course_id");
    }

    /**
     * How many rows the people list has, counting at most {@code limit}: enough to decide whether an export runs in the
     * background, without counting a country's millions each time.
     */
    long count(String[] scope, ReportFilters f, long limit) {
        ReportSql sql = new ReportSql().add("select count(*) from (");
        ReportSql rows = rows(scope, f);
        sql.add(rows.text(), rows.values()).add(" limit ?) x", limit);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = sql.prepare(c);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("count of a people list", e);
        }
    }

    private ReportSql rows(String[] scope, ReportFilters f) {
        ReportSql sql = new ReportSql().add("""
                        select p.person_id, p.full_name, p.email, p.phone, p.civil_servant_id, p.target_group,
                               t.name, t.code, ct.title_vi, e.enrolled_at, e.due_at, e.completed_at, e.started_at < ? as started,
                               c.issued_at
                        from person_in_unit p
                        join unit_tree t on t.unit_id = p.unit_id
                        left join enrolment_status e on e.person_id = p.person_id and e.enrolled_at < ?""", f.end(), f.end());
        CompletionReport.courseAndWave(sql, f);
        if (f.from() != null || f.to() != null) {
            sql.add(" and e.completed_at < ?", f.end());
            CompletionReport.period(sql, "e.completed_at", f);
        }
        sql.add("""

                left join course_title ct on ct.course_id = e.course_id
                left join issued_certificate c on c.person_id = e.person_id and c.course_id = e.course_id
                    and c.issued_at < ?
                where t.path like any(?) and t.path like any(?)""", f.end(), CompletionReport.like(report.catchment(f.unit(), f)), scope);
        if (f.group() != null) {
            sql.add(" and p.target_group = ?", f.group().code());
        }
        if (f.courseId() != null || f.waveId() != null || f.from() != null || f.to() != null) {
            // asked about a course, a wave or a period: people without such an enrolment are not rows of it
            sql.add(" and e.person_id is not null");
        }
        return sql;
    }

    private static Row row(ResultSet rs, OffsetDateTime end) throws SQLException {
        OffsetDateTime enrolled = rs.getObject(10, OffsetDateTime.class);
        OffsetDateTime due = rs.getObject(11, OffsetDateTime.class);
        OffsetDateTime completed = rs.getObject(12, OffsetDateTime.class);
        boolean started = rs.getBoolean(13);
        OffsetDateTime certified = rs.getObject(14, OffsetDateTime.class);
        if (completed != null && !completed.isBefore(end)) {
            completed = null;
        }
        return new Row(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                enrolled,
                due,
                completed,
                certified,
                status(enrolled, due, completed, started, certified, end));
    }

    static Status status(
            OffsetDateTime enrolled,
            OffsetDateTime due,
            OffsetDateTime completed,
            boolean started,
            OffsetDateTime certified,
            OffsetDateTime end) {
        if (enrolled == null) {
            return Status.NOT_ENROLLED;
        }
        if (certified != null) {
            return Status.CERTIFIED;
        }
        if (completed != null) {
            return Status.COMPLETED;
        }
        if (due != null && due.isBefore(end)) {
            return Status.OVERDUE;
        }
        return started ? Status.STARTED : Status.ENROLLED;
    }
}
