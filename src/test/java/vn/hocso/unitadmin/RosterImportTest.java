package vn.hocso.unitadmin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hocso.Forms;
import vn.hocso.account.Person;
import vn.hocso.audit.AuditEntry;
import vn.hocso.storage.ObjectStore;

/** Roster import (ORG-3): the dry run's row-level outcomes, apply, idempotence, bad files, scope. */
@QuarkusTest
@TestSecurity(user = ScopeFixtures.DN_ADMIN, roles = "unit-admin")
class RosterImportTest {

    static final String BOM = "\uFEFF";

    @Inject
    ObjectStore store;

    String tag;

    @BeforeEach
    void admins() {
        ScopeFixtures.admin(ScopeFixtures.DN_ADMIN, "48");
        ScopeFixtures.admin(ScopeFixtures.HUE_ADMIN, "46");
        tag = UUID.randomUUID().toString().substring(0, 6);
    }

    static Response upload(String fileName, byte[] bytes) {
        Forms.Csrf csrf = Forms.csrfFrom("/unit-admin/rosters");
        return given().redirects()
                .follow(false)
                .cookie("csrf-token", csrf.cookie())
                .multiPart("csrf-token", csrf.field())
                .multiPart("file", fileName, bytes, "text/csv")
                .when()
                .post("/unit-admin/rosters");
    }

    static long dryRun(String fileName, byte[] bytes) {
        Response r = upload(fileName, bytes);
        assertEquals(303, r.statusCode(), r.asString());
        String location = r.header("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /** Outcome of each row number, from the API. */
    static Map<Integer, String> outcomes(long id) {
        List<Map<String, Object>> rows = given().when()
                .get("/api/unit-admin/rosters/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("rows");
        return rows.stream()
                .collect(Collectors.toMap(
                        r -> (Integer) r.get("row"),
                        r -> r.get("outcome") + (r.get("what") == null ? "" : "|" + r.get("what"))));
    }

    static Response apply(long id) {
        return Forms.post("/unit-admin/rosters/" + id, "/unit-admin/rosters/" + id + "/apply");
    }

    private String email(String who) {
        return who + "." + tag + "@example.vn";
    }

    private String phone(int n) {
        // a distinct mobile number per test run and row
        return "09" + String.format("%08d", Math.abs((tag + n).hashCode()) % 100_000_000);
    }

    @Test
    void aDryRunShowsNewChangedMovedUnchangedAndRejectedRowsAndWritesNothing() {
        long existing = ScopeFixtures.person(null, "Hà Văn Cũ", "48", email("cu"));
        long other = ScopeFixtures.person(null, "Người Khác", "48", email("khac"));
        long hue = ScopeFixtures.person(null, "Người Huế", "46", email("hue"));
        String moveCode = "T" + tag;
        long commune = QuarkusTransaction.requiringNew().call(() -> {
            var t = jakarta.enterprise
                    .inject
                    .spi
                    .CDI
                    .current()
                    .select(vn.hocso.org.OrgTree.class)
                    .get();
            return t.add(
                            ScopeFixtures.unit("48"),
                            moveCode,
                            "Phường Thử " + tag,
                            vn.hocso.org.UnitKind.COMMUNE,
                            java.time.LocalDate.of(2025, 7, 1))
                    .id;
        });
        String csv = BOM
                + String.join(
                        "\r\n",
                        "Họ tên;Email;Số điện thoại;Mã công chức;Mã đơn vị;Đối tượng;Chức vụ",
                        "Nguyễn Văn Mới;" + email("moi") + ";" + phone(1) + ";;48;Cán bộ, công chức;Chuyên viên",
                        "Hà Văn Cũ;" + email("cu") + ";;;48;civil-servant;Trưởng phòng",
                        "Hà Văn Cũ;" + email("cu") + ";;;48;;",
                        "Người Khác;" + email("khac") + ";;;" + moveCode + ";;",
                        "Ai Đó;" + email("x1") + ";;;99999;;",
                        "Ai Đó;" + email("x2") + ";;;46;;",
                        "Ai Đó;khong-phai-email;;;48;;",
                        "Ai Đó;;0123;;48;;",
                        "Ai Đó;" + email("moi") + ";;;48;;",
                        "Ai Đó;" + email("hue") + ";;;48;;",
                        "Ai Đó;" + email("khac") + ";" + phone(1) + ";;48;;",
                        ";" + email("x3") + ";;;48;;",
                        "Ai Đó;;;;48;;",
                        "Ai Đó;" + email("x4") + ";;;48;nhóm lạ;");
        long id = dryRun("danh-sach.csv", csv.getBytes(StandardCharsets.UTF_8));
        Map<Integer, String> o = outcomes(id);
        assertTrue(o.get(2).startsWith("new"), o.get(2));
        assertTrue(o.get(3).startsWith("changed") && o.get(3).contains("position: — → Trưởng phòng"), o.get(3));
        assertTrue(o.get(4).startsWith("rejected") && o.get(4).contains("dòng 3"), o.get(4));
        assertTrue(o.get(5).startsWith("moved") && o.get(5).contains("48 → " + moveCode), o.get(5));
        assertTrue(o.get(6).contains("Không có đơn vị mang mã 99999"), o.get(6));
        assertTrue(o.get(7).contains("không thuộc phạm vi"), o.get(7));
        assertTrue(o.get(8).contains("Thư điện tử không hợp lệ"), o.get(8));
        assertTrue(o.get(9).contains("Số điện thoại di động không hợp lệ"), o.get(9));
        assertTrue(o.get(10).contains("Trùng với dòng 2"), o.get(10));
        assertTrue(o.get(11).contains("ngoài phạm vi"), o.get(11));
        assertTrue(o.get(12).contains("Trùng với dòng") || o.get(12).contains("người khác"), o.get(12));
        assertTrue(o.get(13).contains("Thiếu họ tên"), o.get(13));
        assertTrue(o.get(14).contains("Cần thư điện tử hoặc số điện thoại"), o.get(14));
        assertTrue(o.get(15).contains("Đối tượng không hợp lệ"), o.get(15));
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(0, Person.count("lower(email) = ?1", email("moi")));
            assertEquals(null, Person.<Person>findById(existing).position);
            assertEquals(ScopeFixtures.unit("48"), Person.<Person>findById(other).unitId);
            assertTrue(store.exists(RosterImport.<RosterImport>findById(id).fileKey), "the file is kept");
        });

        apply(id).then().statusCode(303);
        QuarkusTransaction.requiringNew().run(() -> {
            Person created = Person.findByEmail(email("moi")).orElseThrow();
            assertEquals("+84" + phone(1).substring(1), created.phone);
            assertEquals("civil-servant", created.targetGroup.code());
            assertEquals(null, created.subject);
            assertEquals("Trưởng phòng", Person.<Person>findById(existing).position);
            assertEquals(commune, Person.<Person>findById(other).unitId);
            assertEquals(ScopeFixtures.unit("46"), Person.<Person>findById(hue).unitId);
            assertEquals(1, AuditEntry.count("action = ?1 and targetId = ?2", "roster.apply", "" + id));
        });
        // the same file again: nothing changes
        long again = dryRun("danh-sach.csv", csv.getBytes(StandardCharsets.UTF_8));
        Map<Integer, String> second = outcomes(again);
        assertTrue(second.get(2).startsWith("unchanged"), second.get(2));
        assertTrue(second.get(3).startsWith("unchanged"), second.get(3));
        assertTrue(second.get(5).startsWith("unchanged"), second.get(5));
        given().when()
                .get("/unit-admin/rosters")
                .then()
                .statusCode(200)
                .body(containsString("danh-sach.csv"), containsString("Mới: 1"));
    }

    @Test
    void applyRefusesWhenTheDataChangedSinceTheDryRunAndAppliesOnce() {
        long person = ScopeFixtures.person(null, "Lý Thị Đổi", "48", email("doi"));
        String csv = "full_name,email,unit_code,position\nLý Thị Đổi," + email("doi") + ",48,Kế toán\n";
        long id = dryRun("doi.csv", csv.getBytes(StandardCharsets.UTF_8));
        QuarkusTransaction.requiringNew().run(() -> Person.<Person>findById(person).position = "Thủ quỹ");
        apply(id).then().statusCode(409);
        assertEquals("Thủ quỹ", QuarkusTransaction.requiringNew().call(() -> Person.<Person>findById(person).position));

        long fresh = dryRun("doi.csv", csv.getBytes(StandardCharsets.UTF_8));
        apply(fresh).then().statusCode(303);
        apply(fresh).then().statusCode(303);
        assertEquals("Kế toán", QuarkusTransaction.requiringNew().call(() -> Person.<Person>findById(person).position));
        assertEquals(
                1,
                QuarkusTransaction.requiringNew()
                        .call(() -> AuditEntry.count("action = ?1 and targetId = ?2", "roster.apply", "" + fresh)));
    }

    @Test
    void anXlsxRosterIsReadAsAStreamWithNumbersAsTyped() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "test", "1.0")) {
            Worksheet ws = wb.newWorksheet("Danh sách");
            ws.value(0, 0, "Họ và tên");
            ws.value(0, 1, "Số điện thoại");
            ws.value(0, 2, "Mã đơn vị");
            ws.value(1, 0, "Đặng Văn Excel");
            ws.value(1, 1, 987000000 + Math.abs(tag.hashCode() % 99999));
            ws.value(1, 2, 48);
        }
        long id = dryRun("danh-sach.xlsx", out.toByteArray());
        assertTrue(outcomes(id).get(2).startsWith("new"), outcomes(id).toString());
    }

    @Test
    void brokenFilesAreRefusedNamingTheRowAndColumnAndChangeNothing() {
        long before = QuarkusTransaction.requiringNew().call(() -> RosterImport.count());
        byte[] latin1 = "Họ tên,Email,Mã đơn vị\nNguyễn Văn A,a@example.vn,48\n".getBytes(StandardCharsets.ISO_8859_1);
        upload("latin1.csv", latin1).then().statusCode(400).body(containsString("UTF-8"));
        upload("cot.csv", "Họ tên,Email\nA,a@example.vn\n".getBytes(StandardCharsets.UTF_8))
                .then()
                .statusCode(400)
                .body(containsString("ma_don_vi"));
        upload(
                        "formula.csv",
                        "Họ tên,Email,Mã đơn vị\n=HYPERLINK(\"x\"),a@example.vn,48\n".getBytes(StandardCharsets.UTF_8))
                .then()
                .statusCode(400)
                .body(containsString("Dòng 2"), containsString("Họ tên"));
        byte[] junk = new byte[2 * 1024 * 1024];
        new java.util.Random(7).nextBytes(junk);
        upload("junk.csv", junk).then().statusCode(400);
        byte[] fakeXlsx = new byte[4096];
        fakeXlsx[0] = 'P';
        fakeXlsx[1] = 'K';
        fakeXlsx[2] = 3;
        fakeXlsx[3] = 4;
        upload("hong.xlsx", fakeXlsx).then().statusCode(400).body(containsString("XLSX"));
        upload("lon.csv", new byte[6 * 1024 * 1024]).then().statusCode(413);
        StringBuilder many = new StringBuilder("Họ tên,Email,Mã đơn vị\n");
        for (int i = 0; i < 100_000; i++) {
            many.append("A,a").append(i).append("@example.vn,48\n");
        }
        upload("nhieu.csv", many.toString().getBytes(StandardCharsets.UTF_8))
                .then()
                .statusCode(400)
                .body(containsString("20002"));
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> RosterImport.count()));
    }

    @Test
    @TestSecurity(user = ScopeFixtures.HUE_ADMIN, roles = "unit-admin")
    void anImportMadeInAnotherProvinceIsNotFoundThroughPagesAndApi() {
        String dnPath = QuarkusTransaction.requiringNew()
                .call(() -> vn.hocso.org.OrgUnit.findCurrentByCode("48").orElseThrow().path);
        long adminId = ScopeFixtures.admin(ScopeFixtures.DN_ADMIN, "48");
        long id = QuarkusTransaction.requiringNew().call(() -> {
            RosterImport r = new RosterImport();
            r.kind = RosterImport.ROSTER;
            r.adminId = adminId;
            r.fileName = "dn-" + tag + ".csv";
            r.fileKey = "rosters/none.csv";
            r.fileSha256 = "x";
            r.status = RosterImport.DRY_RUN;
            r.scopePaths = new String[] {dnPath};
            r.plan = "[]";
            r.planHash = "x";
            r.persist();
            return r.id;
        });
        given().when().get("/unit-admin/rosters/" + id).then().statusCode(404);
        Forms.post("/unit-admin/rosters", "/unit-admin/rosters/" + id + "/apply")
                .then()
                .statusCode(404);
        given().when().get("/api/unit-admin/rosters/" + id).then().statusCode(404);
        given().contentType("application/json")
                .when()
                .post("/api/unit-admin/rosters/" + id + "/apply")
                .then()
                .statusCode(404);
        given().when()
                .get("/unit-admin/rosters")
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.not(containsString("dn-" + tag)));
        given().when()
                .get("/api/unit-admin/rosters")
                .then()
                .statusCode(200)
                .body("id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem((int) id)));
    }
}
