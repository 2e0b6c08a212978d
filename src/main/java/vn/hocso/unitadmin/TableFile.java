package vn.hocso.unitadmin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * A table of rows from a file people make in a spreadsheet program: CSV as Excel saves it (UTF-8 with or without BOM,
 * comma or semicolon) or XLSX (first sheet, read as a stream). Columns are found by their header, whatever the case
 * and diacritics ("Họ tên", "ho ten", "full_name"). A file that cannot be read whole is refused with the row and column
 * to look at, so nothing is half-imported.
 */
final class TableFile {

    static final int MAX_CELL = 400;

    /** A column and the headers that name it (already folded: lower case, no diacritics, '_' between words). */
    record Column(String key, boolean required, List<String> headers) {}

    /** A data row: its number as the spreadsheet shows it (the header is row 1) and its cells by column key. */
    record Line(int number, Map<String, String> cells) {
        String get(String key) {
            return cells.getOrDefault(key, "");
        }
    }

    /** Why the file was refused: a message code, and where (0 when the whole file is concerned). */
    static final class Refused extends RuntimeException {
        final String problem;
        final int row;
        final String column;

        Refused(String problem, int row, String column) {
            super(problem + " row " + row + " column " + column);
            this.problem = problem;
            this.row = row;
            this.column = column;
        }
    }

    static final String NOT_UTF8 = "not_utf8";
    static final String NOT_XLSX = "not_xlsx";
    static final String MISSING_COLUMN = "missing_column";
    static final String FORMULA = "formula";
    static final String TOO_MANY_ROWS = "too_many_rows";
    static final String CELL_TOO_LONG = "cell_too_long";
    static final String EMPTY = "empty";

    private TableFile() {}

    static boolean isXlsx(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    static List<Line> read(byte[] bytes, List<Column> columns, int maxRows) {
        List<List<String>> raw = isXlsx(bytes) ? xlsx(bytes, maxRows) : csv(bytes, maxRows);
        if (raw.isEmpty()) {
            throw new Refused(EMPTY, 0, "");
        }
        List<String> header = raw.get(0).stream().map(TableFile::fold).toList();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (Column c : columns) {
            for (int i = 0; i < header.size(); i++) {
                if (c.headers().contains(header.get(i)) && !index.containsKey(c.key())) {
                    index.put(c.key(), i);
                }
            }
            if (c.required() && !index.containsKey(c.key())) {
                throw new Refused(MISSING_COLUMN, 1, c.headers().get(0));
            }
        }
        List<Line> lines = new ArrayList<>();
        for (int r = 1; r < raw.size(); r++) {
            List<String> cells = raw.get(r);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            Map<String, String> byKey = new LinkedHashMap<>();
            for (Map.Entry<String, Integer> e : index.entrySet()) {
                String value =
                        e.getValue() < cells.size() ? cells.get(e.getValue()).strip() : "";
                String column = raw.get(0).get(e.getValue());
                if (value.length() > MAX_CELL) {
                    throw new Refused(CELL_TOO_LONG, r + 1, column);
                }
                if (isFormula(value)) {
                    throw new Refused(FORMULA, r + 1, column);
                }
                byKey.put(e.getKey(), value);
            }
            lines.add(new Line(r + 1, byKey));
        }
        return lines;
    }

    /**
     * A cell a spreadsheet would run as a formula (=, @, or + and - not followed by a digit: "+84 912…" is a phone
     * number, "=HYPERLINK(…)" is not).
     */
    static boolean isFormula(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char c = value.charAt(0);
        if (c == '=' || c == '@') {
            return true;
        }
        return (c == '+' || c == '-') && (value.length() == 1 || !Character.isDigit(value.charAt(1)));
    }

    /** "Họ và tên" → "ho_va_ten": lower case, no diacritics (đ → d), words joined by '_'. */
    static String fold(String header) {
        String s = Normalizer.normalize(header.strip().replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT);
        return s.replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    private static List<List<String>> csv(byte[] bytes, int maxRows) {
        String text = decode(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        char delimiter = delimiter(text);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == delimiter) {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                if (rows.size() > maxRows + 1) {
                    throw new Refused(TOO_MANY_ROWS, rows.size(), "");
                }
            } else {
                cell.append(c);
            }
            if (cell.length() > MAX_CELL * 4) {
                throw new Refused(CELL_TOO_LONG, rows.size() + 1, "");
            }
        }
        if (!cell.isEmpty() || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        if (rows.size() > maxRows + 1) {
            throw new Refused(TOO_MANY_ROWS, rows.size(), "");
        }
        return rows;
    }

    /** Semicolon when the header has more of them than commas (Excel in locales with a decimal comma). */
    private static char delimiter(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        long semicolons = header.chars().filter(ch -> ch == ';').count();
        long commas = header.chars().filter(ch -> ch == ',').count();
        return semicolons > commas ? ';' : ',';
    }

    /** Strict UTF-8: a byte sequence that is not UTF-8 is refused, naming the line it is on. */
    private static String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new Refused(NOT_UTF8, line, "");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static List<List<String>> xlsx(byte[] bytes, int maxRows) {
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes));
                Stream<Row> stream = workbook.getFirstSheet().openStream()) {
            Iterator<Row> it = stream.iterator();
            while (it.hasNext()) {
                Row row = it.next();
                // rows the sheet skips (empty) still count, so numbers match what the spreadsheet shows
                while (rows.size() < row.getRowNum() - 1) {
                    rows.add(List.of());
                }
                if (rows.size() > maxRows + 1) {
                    throw new Refused(TOO_MANY_ROWS, rows.size(), "");
                }
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getCellCount(); i++) {
                    Cell cell = row.getCell(i);
                    if (cell != null && cell.getType() == CellType.FORMULA) {
                        throw new Refused(FORMULA, row.getRowNum(), columnName(i));
                    }
                    cells.add(cell == null ? "" : text(cell));
                }
                rows.add(cells);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof Refused refused) {
                throw refused;
            }
            throw new Refused(NOT_XLSX, 0, "");
        }
        return rows;
    }

    private static String text(Cell cell) {
        if (cell.getType() == CellType.NUMBER) {
            // phone numbers and codes typed as numbers: 912345678, not 9.12345678E8
            return cell.asNumber().stripTrailingZeros().toPlainString();
        }
        String raw = cell.getText();
        return raw == null ? "" : raw;
    }

    /** A, B, …, Z, AA: column letters as the spreadsheet shows them. */
    static String columnName(int index) {
        StringBuilder s = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            s.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return s.toString();
    }
}
