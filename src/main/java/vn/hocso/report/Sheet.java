package vn.hocso.report;

import java.io.IOException;
import java.util.List;

/**
 * A table written as it is read: a title block (XLSX only), a header, rows, an optional totals row. Cells are
 * {@link String} (text), {@link Number} (a number cell, or a percentage for {@link Kind#PERCENT}), {@link
 * java.time.LocalDate} (a date cell) or null (empty).
 */
interface Sheet extends AutoCloseable {

    enum Kind {
        TEXT,
        NUMBER,
        PERCENT,
        DATE
    }

    /** A column: its header, what its cells are, and its width in characters. */
    record Column(String header, Kind kind, int width) {}

    /** Title lines above the table (label, value): unit, filters, period, generation time. */
    void title(List<String[]> lines) throws IOException;

    void header(List<Column> columns) throws IOException;

    void row(Object... cells) throws IOException;

    void totals(Object... cells) throws IOException;

    @Override
    void close() throws IOException;
}
