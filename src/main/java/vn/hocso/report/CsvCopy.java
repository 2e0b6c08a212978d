package vn.hocso.report;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.function.LongConsumer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * The people export as CSV written by PostgreSQL itself ({@code COPY (query) TO STDOUT WITH (FORMAT csv)} through
 * the driver's copy API): the rows are never turned into Java objects, which made the CSV export cost three times
 * what PostgreSQL's own COPY costs. What {@link CsvSheet} and {@link Cells} do per cell is done in the query — the
 * formula guard (a leading apostrophe), masking, labels in the reader's language, Vietnam's days — as cheaply as SQL
 * allows: the guard looks at the first letter's code ({@code ascii}), our own labels are guarded here once rather than
 * per row, and a day is a {@code date} (written as YYYY-MM-DD: the driver keeps the session's DateStyle at ISO) rather
 * than a {@code to_char}. COPY quotes a field as RFC 4180 asks (comma, quote, CR, LF) and also an empty string, so
 * empty text is sent as NULL (an empty field), as CsvSheet writes it. COPY ends lines with LF where RFC 4180 asks for
 * CRLF: the server sends each row as one message ending with its LF (a line break inside a quoted field is not the
 * end), so that LF becomes CRLF row by row with no pass over the bytes, and the rows go out in large blocks.
 */
final class CsvCopy {

    /** Bytes gathered before they are handed to the response (a row is ~250 bytes). */
    static final int BLOCK = 1 << 18;

    private static final byte[] CRLF = {'\r', '\n'};

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
                + "case r.target_group when 'civil-servant' then " + label(msg.group_civil_servant())
                + " when 'community-team' then " + label(msg.group_community_team())
                + " when 'citizen' then " + label(msg.group_citizen()) + " else " + text("r.target_group") + " end"
                + ", " + text("r.name") + ", " + text("r.code") + ", " + text("r.title_vi") + ", "
                + "case when r.enrolled_at is null then " + label(msg.status_not_enrolled())
                + " when r.issued_at is not null then " + label(msg.status_certified())
                + " when r.completed_at < " + e + " then " + label(msg.status_completed())
                + " when r.due_at < " + e + " then " + label(msg.status_overdue())
                + " when r.started then " + label(msg.status_started())
                + " else " + label(msg.status_enrolled()) + " end"
                + ", " + day("r.enrolled_at") + ", " + day("r.due_at")
                + ", " + day("case when r.completed_at < " + e + " then r.completed_at end")
                + ", " + day("r.issued_at")
                // a projection of the ordered statement keeps its order
                + " from (" + inlined(statement) + ") r) to stdout with (format csv)";
        CopyOut copy = c.unwrap(PGConnection.class).getCopyAPI().copyOut(sql);
        try {
            return crlfRows(copy, out, progress);
        } catch (IOException | RuntimeException x) {
            // the reader went away: stop the server's COPY and drain what it still sends, so the connection is reusable
            if (copy.isActive()) {
                copy.cancelCopy();
            }
            try {
                while (copy.readFromCopy() != null) {
                    // discarded
                }
            } catch (SQLException cancelled) {
                // the cancellation ends the copy with an error
            }
            throw x;
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /** The rows (one message each, ending with LF) to {@code out} with CRLF ends, in blocks of {@link #BLOCK} bytes. */
    static long crlfRows(CopyOut copy, OutputStream out, LongConsumer progress) throws SQLException, IOException {
        byte[] block = new byte[BLOCK];
        int used = 0;
        long rows = 0;
        byte[] row;
        while ((row = copy.readFromCopy()) != null) {
            int body = row.length - 1;
            if (used + body + 2 > block.length) {
                out.write(block, 0, used);
                used = 0;
            }
            if (body + 2 > block.length) {
                out.write(row, 0, body);
                out.write(CRLF);
            } else {
                System.arraycopy(row, 0, block, used, body);
                used += body;
                block[used++] = '\r';
                block[used++] = '\n';
            }
            if (++rows % Exports.PROGRESS_EVERY == 0) {
                progress.accept(rows);
            }
        }
        out.write(block, 0, used);
        out.flush();
        return rows;
    }

    /** A text cell: the formula guard of {@link Cells#text} (=, +, -, @, TAB, CR, LF by their codes), empty as NULL. */
    private static String text(String expression) {
        return "nullif(case when ascii(" + expression + ") in (61, 43, 45, 64, 9, 13, 10)" + " then '''' || "
                + expression + " else " + expression + " end, '')";
    }

    /** One of our labels as a literal, guarded here once as {@link Cells#text} guards a cell; empty as NULL. */
    private static String label(String label) {
        String cell = Cells.text(label);
        return cell.isEmpty() ? "null" : literal(cell);
    }

    /** {@link Cells#masked} in SQL. */
    private static String masked(String expression) {
        return "repeat('*', length(" + expression + ") - least(3, length(" + expression + ") / 3)) || right("
                + expression + ", least(3, length(" + expression + ") / 3))";
    }

    /** A day in Vietnam (COPY writes a date as YYYY-MM-DD). */
    private static String day(String expression) {
        return "((" + expression + ") at time zone 'Asia/Ho_Chi_Minh')::date";
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
}
