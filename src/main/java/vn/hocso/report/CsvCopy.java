package vn.hocso.report;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.function.LongConsumer;
import org.postgresql.PGConnection;

/**
 * The people export as CSV written by PostgreSQL itself ({@code COPY (query) TO STDOUT WITH (FORMAT csv)} through
 * the driver's copy API): the rows are never turned into Java objects, which made the CSV export cost three times
 * what PostgreSQL's own COPY costs. What {@link CsvSheet} and {@link Cells} do per cell is done in the query — the
 * formula guard (a leading apostrophe), masking, labels in the reader's language, Vietnam's days — and one pass over
 * the bytes makes the line ends CRLF (RFC 4180; COPY writes LF). COPY quotes a field as RFC 4180 asks (comma, quote,
 * CR, LF) and also an empty string, so empty text is sent as NULL (an empty field), as CsvSheet writes it.
 */
final class CsvCopy {

    private CsvCopy() {}

    /**
     * Writes the rows of {@code statement} (made by {@link PeopleStatus#statement}) to {@code out} after the header
     * the caller wrote, and returns how many; {@code progress} hears the count every {@link Exports#PROGRESS_EVERY}.
     */
    static long write(
            Connection c,
            ReportSql statement,
            OffsetDateTime end,
            ReportMessages msg,
            boolean personalData,
            OutputStream out,
            LongConsumer progress)
            throws SQLException, IOException {
        String e = literal(end);
        String sql = "copy (select "
                + text("r.full_name") + ", " + text("r.email") + ", "
                + text(personalData ? "r.phone" : masked("r.phone")) + ", "
                + text(personalData ? "r.civil_servant_id" : masked("r.civil_servant_id")) + ", "
                + text("case r.target_group when 'civil-servant' then " + literal(msg.group_civil_servant())
                        + " when 'community-team' then " + literal(msg.group_community_team())
                        + " when 'citizen' then " + literal(msg.group_citizen()) + " else r.target_group end")
                + ", " + text("r.name") + ", " + text("r.code") + ", " + text("r.title_vi") + ", "
                + text("case when r.enrolled_at is null then " + literal(msg.status_not_enrolled())
                        + " when r.issued_at is not null then " + literal(msg.status_certified())
                        + " when r.completed_at < " + e + " then " + literal(msg.status_completed())
                        + " when r.due_at < " + e + " then " + literal(msg.status_overdue())
                        + " when r.started then " + literal(msg.status_started())
                        + " else " + literal(msg.status_enrolled()) + " end")
                + ", " + day("r.enrolled_at") + ", " + day("r.due_at")
                + ", " + day("case when r.completed_at < " + e + " then r.completed_at end")
                + ", " + day("r.issued_at")
                // a projection of the ordered statement keeps its order
                + " from (" + inlined(statement) + ") r) to stdout with (format csv)";
        CrlfLines lines = new CrlfLines(out, progress);
        long rows = c.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, lines);
        lines.flush();
        return rows;
    }

    /** A text cell: the formula guard of {@link Cells#text}, empty as NULL. */
    private static String text(String expression) {
        return "nullif(case when left(" + expression + ", 1) in ('=', '+', '-', '@', E'\\t', E'\\r', E'\\n')"
                + " then '''' || " + expression + " else " + expression + " end, '')";
    }

    /** {@link Cells#masked} in SQL. */
    private static String masked(String expression) {
        return "repeat('*', length(" + expression + ") - least(3, length(" + expression + ") / 3)) || right("
                + expression + ", least(3, length(" + expression + ") / 3))";
    }

    private static String day(String expression) {
        return "to_char((" + expression + ") at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')";
    }

    /**
     * The statement with its values written in: COPY takes no parameters. Every value is a number, a day, an instant,
     * or text quoted as an escape string (quotes and backslashes escaped), so nothing in a value can end the literal.
     */
    static String inlined(ReportSql statement) {
        String text = statement.text();
        Object[] values = statement.values();
        StringBuilder out = new StringBuilder(text.length() + 64 * values.length);
        int next = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '?') {
                out.append(literal(values[next++]));
            } else {
                out.append(ch);
            }
        }
        if (next != values.length) {
            throw new IllegalStateException("a statement with " + values.length + " values and " + next + " places");
        }
        return out.toString();
    }

    static String literal(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Long || v instanceof Integer) {
            return v.toString();
        }
        if (v instanceof OffsetDateTime t) {
            return "'" + t + "'::timestamptz";
        }
        if (v instanceof LocalDate d) {
            return "'" + d + "'::date";
        }
        if (v instanceof String s) {
            return "E'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        if (v instanceof String[] a) {
            StringBuilder s = new StringBuilder("array[");
            for (int i = 0; i < a.length; i++) {
                s.append(i > 0 ? ", " : "").append(literal(a[i]));
            }
            return s.append("]::text[]").toString();
        }
        if (v instanceof Long[] a) {
            StringBuilder s = new StringBuilder("array[");
            for (int i = 0; i < a.length; i++) {
                s.append(i > 0 ? ", " : "").append(a[i].longValue());
            }
            return s.append("]::bigint[]").toString();
        }
        throw new IllegalArgumentException("no literal for " + v.getClass());
    }

    /**
     * LF line ends outside quoted fields become CRLF, and rows are counted. Bytes, not characters: in UTF-8 no byte of a
     * multi-byte letter is a quote or a line feed.
     */
    static final class CrlfLines extends FilterOutputStream {

        private final LongConsumer progress;
        private final byte[] buffer = new byte[1 << 16];
        private int used;
        private boolean quoted;
        private long rows;

        CrlfLines(OutputStream out, LongConsumer progress) {
            super(out);
            this.progress = progress;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                if (used >= buffer.length - 1) {
                    out.write(buffer, 0, used);
                    used = 0;
                }
                byte x = b[i];
                if (x == '"') {
                    quoted = !quoted;
                } else if (x == '\n' && !quoted) {
                    buffer[used++] = '\r';
                    if (++rows % Exports.PROGRESS_EVERY == 0) {
                        progress.accept(rows);
                    }
                }
                buffer[used++] = x;
            }
        }

        @Override
        public void flush() throws IOException {
            out.write(buffer, 0, used);
            used = 0;
            out.flush();
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
