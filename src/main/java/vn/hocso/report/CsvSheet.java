package vn.hocso.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * CSV as RFC 4180 says (CRLF line ends, a field with a comma, quote or line break quoted, quotes doubled), in UTF-8
 * with a byte-order mark so that Excel shows Vietnamese letters rather than guessing a Windows code page. The title
 * block is left out: a CSV is one table, for programs as much as for people.
 */
final class CsvSheet implements Sheet {

    private final Writer out;
    private List<Column> columns = List.of();

    CsvSheet(OutputStream stream) throws IOException {
        out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        out.write('\uFEFF');
    }

    @Override
    public void title(List<String[]> lines) {}

    @Override
    public void header(List<Column> columns) throws IOException {
        this.columns = columns;
        Object[] headers = columns.stream().map(Column::header).toArray();
        line(headers, true);
    }

    @Override
    public void row(Object... cells) throws IOException {
        line(cells, false);
    }

    @Override
    public void totals(Object... cells) throws IOException {
        line(cells, false);
    }

    private void line(Object[] cells, boolean header) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            Object cell = cells[i];
            Kind kind =
                    header || i >= columns.size() ? Kind.TEXT : columns.get(i).kind();
            if (cell == null) {
                continue;
            }
            if (cell instanceof Number n && kind != Kind.TEXT) {
                out.write(number(n));
            } else if (cell instanceof LocalDate d) {
                out.write(d.toString());
            } else {
                field(Cells.text(cell.toString()));
            }
        }
        out.write("\r\n");
    }

    private static String number(Number n) {
        if (n instanceof Double || n instanceof Float) {
            return BigDecimal.valueOf(n.doubleValue()).stripTrailingZeros().toPlainString();
        }
        return n.toString();
    }

    private void field(String s) throws IOException {
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (!quote) {
            out.write(s);
            return;
        }
        out.write('"');
        out.write(s.replace("\"", "\"\""));
        out.write('"');
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
