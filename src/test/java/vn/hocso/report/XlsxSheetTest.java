package vn.hocso.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

/** A list longer than a sheet holds goes on in further sheets, each with the header, and no row is lost. */
class XlsxSheetTest {

    @Test
    void aListLongerThanASheetGoesOnInASecondSheetWithItsHeader() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxSheet sheet = new XlsxSheet(out, "Học viên", 10)) {
            sheet.title(List.<String[]>of(new String[] {"Danh sách"}));
            sheet.header(List.of(
                    new vn.hocso.report.Sheet.Column("Họ tên", vn.hocso.report.Sheet.Kind.TEXT, 20),
                    new vn.hocso.report.Sheet.Column("Số", vn.hocso.report.Sheet.Kind.NUMBER, 8)));
            for (int i = 0; i < 25; i++) {
                sheet.row("Người " + i, i);
            }
        }
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<Sheet> sheets = wb.getSheets().toList();
            assertEquals(
                    List.of("Học viên", "Học viên (2)", "Học viên (3)", "Học viên (4)"),
                    sheets.stream().map(Sheet::getName).toList());
            int people = 0;
            for (Sheet s : sheets) {
                List<Row> rows = s.read();
                for (Row r : rows) {
                    if (r.getCell(0) != null && r.getCell(0).getText().startsWith("Người ")) {
                        people++;
                    }
                }
                if (s != sheets.get(0)) {
                    assertEquals("Họ tên", rows.get(0).getCell(0).getText(), "the header again");
                }
            }
            assertEquals(25, people);
        }
    }
}
