package vn.hocso.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * An Excel workbook written as a stream (fastexcel): text as inline strings (no table of every distinct string kept in
 * memory), numbers and dates as typed cells, a title block, a frozen header row, column widths and a totals row.
 * Rows are flushed to the zip stream every {@value #FLUSH_EVERY}, so memory stays flat however many rows there are. A
 * sheet holds at most {@value #MAX_ROWS} rows: a longer list (a national one) goes on in a second sheet ("… (2)"),
 * with the header again, and so on.
 *
 * <p>Written for speed at a national scale (bench/reports): the date columns get their day format once per block of
 * rows, as a range, not once per cell (fastexcel builds and looks up a style each time; four date cells a row made that
 * a large part of the export), so an empty date cell carries the format too; and the zip is deflated at level
 * {@value #COMPRESSION}, which costs a fraction of the default level's time for a somewhat larger file.
 */
final class XlsxSheet implements Sheet {

    static final int FLUSH_EVERY = 1_000;
    /** An XLSX sheet holds at most this many rows. */
    static final int MAX_ROWS = 1_048_576;
    /** Deflate level of the zip (1 fastest … 9 smallest). */
    static final int COMPRESSION = 1;

    private static final String DAY = "dd/mm/yyyy";

    private final Workbook workbook;
    private final String sheetName;
    private final int maxRows;
    private Worksheet sheet;
    private int sheets = 1;
    private List<Column> columns = List.of();
    private int row;
    /** The first row whose date cells have not had their format yet. */
    private int unstyled;

    XlsxSheet(OutputStream out, String sheetName) {
        this(out, sheetName, MAX_ROWS);
    }

    /** {@code maxRows}: rows per sheet (smaller in tests, to see a list go on in a second sheet). */
    XlsxSheet(OutputStream out, String sheetName, int maxRows) {
        workbook = new Workbook(out, "HocSo", "1.0");
        workbook.setCompressionLevel(COMPRESSION);
        this.sheetName = sheetName;
        this.maxRows = maxRows;
        sheet = workbook.newWorksheet(sheetName);
    }

    @Override
    public void title(List<String[]> lines) {
        for (String[] line : lines) {
            sheet.inlineString(row, 0, line[0]);
            sheet.style(row, 0).bold().set();
            if (line.length > 1 && line[1] != null) {
                sheet.inlineString(row, 1, line[1]);
            }
            row++;
        }
        if (!lines.isEmpty()) {
            row++;
        }
    }

    @Override
    public void header(List<Column> columns) {
        this.columns = columns;
        for (int c = 0; c < columns.size(); c++) {
            sheet.width(c, columns.get(c).width());
            sheet.inlineString(row, c, columns.get(c).header());
            sheet.style(row, c).bold().fillColor("DDEBF7").set();
        }
        row++;
        unstyled = row;
        sheet.freezePane(0, row);
    }

    @Override
    public void row(Object... cells) throws IOException {
        // the last row of a sheet is kept for a totals row
        if (row >= maxRows - 1) {
            nextSheet();
        }
        write(cells, false);
        if (row % FLUSH_EVERY == 0) {
            styleDays();
            sheet.flush();
        }
    }

    /** The day format on the date columns of the rows since the last time, as one range per column. */
    private void styleDays() {
        if (unstyled >= row) {
            return;
        }
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).kind() == Kind.DATE) {
                sheet.range(unstyled, c, row - 1, c).style().format(DAY).set();
            }
        }
        unstyled = row;
    }

    private void nextSheet() throws IOException {
        styleDays();
        sheet.finish();
        sheets++;
        sheet = workbook.newWorksheet(sheetName + " (" + sheets + ")");
        row = 0;
        header(columns);
    }

    @Override
    public void totals(Object... cells) throws IOException {
        styleDays();
        write(cells, true);
        unstyled = row;
    }

    private void write(Object[] cells, boolean bold) {
        for (int c = 0; c < cells.length; c++) {
            Object cell = cells[c];
            Kind kind = c < columns.size() ? columns.get(c).kind() : Kind.TEXT;
            if (cell == null) {
                continue;
            }
            if (cell instanceof Number n && kind != Kind.TEXT) {
                sheet.value(row, c, n);
                if (kind == Kind.PERCENT) {
                    style(c, bold, "0.0%");
                } else if (bold) {
                    style(c, true, null);
                }
            } else if (cell instanceof LocalDate d) {
                sheet.value(row, c, d);
                if (bold || kind != Kind.DATE) {
                    style(c, bold, DAY);
                }
            } else {
                // a string cell is text to Excel and LibreOffice whatever it starts with: it is never run as a formula
                sheet.inlineString(row, c, cell.toString());
                if (bold) {
                    style(c, true, null);
                }
            }
        }
        row++;
    }

    private void style(int c, boolean bold, String format) {
        var style = sheet.style(row, c);
        if (bold) {
            style = style.bold();
        }
        if (format != null) {
            style = style.format(format);
        }
        style.set();
    }

    @Override
    public void close() throws IOException {
        styleDays();
        sheet.finish();
        workbook.finish();
    }
}
