package vn.hocso.unitadmin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.hocso.Forms;
import vn.hocso.org.OrgUnit;
import vn.hocso.org.UnitKind;

/** Communes loaded from a CSV by the roster rules: dry run, apply, idempotent; the shipped sample loads. */
@QuarkusTest
@TestSecurity(user = "unit-import-admin", roles = "admin")
class UnitImportTest {

    static Response upload(byte[] bytes) {
        Forms.Csrf csrf = Forms.csrfFrom("/admin/units/imports");
        return given().redirects()
                .follow(false)
                .cookie("csrf-token", csrf.cookie())
                .multiPart("csrf-token", csrf.field())
                .multiPart("file", "xa.csv", bytes, "text/csv")
                .when()
                .post("/admin/units/imports");
    }

    static long dryRun(byte[] bytes) {
        Response r = upload(bytes);
        assertEquals(303, r.statusCode(), r.asString());
        String location = r.header("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void communesAreLoadedByDryRunThenApplyAndTheSameFileAgainChangesNothing() {
        String t = UUID.randomUUID().toString().substring(0, 6);
        String csv = "Mã;Tên;Loại;Mã cấp trên;Hiệu lực từ\n"
                + "X" + t + ";Xã Thử " + t + ";commune;48;2025-07-01\n"
                + "V" + t + ";Thôn Một " + t + ";village;X" + t + ";2025-07-01\n"
                + "W" + t + ";Tỉnh Lạ;province;48;\n"
                + "Y" + t + ";Xã Lạ;commune;99999;\n";
        long id = dryRun(csv.getBytes(StandardCharsets.UTF_8));
        given().when()
                .get("/admin/units/imports/" + id)
                .then()
                .statusCode(200)
                .body(containsString("Mới: 2"), containsString("Bị từ chối: 2"), containsString("không thể nằm dưới"));
        assertTrue(QuarkusTransaction.requiringNew()
                .call(() -> OrgUnit.findCurrentByCode("X" + t).isEmpty()));
        Forms.post("/admin/units/imports/" + id, "/admin/units/imports/" + id + "/apply")
                .then()
                .statusCode(303);
        QuarkusTransaction.requiringNew().run(() -> {
            OrgUnit commune = OrgUnit.findCurrentByCode("X" + t).orElseThrow();
            OrgUnit village = OrgUnit.findCurrentByCode("V" + t).orElseThrow();
            assertEquals(UnitKind.COMMUNE, commune.kind);
            assertEquals(commune.id, village.parentId);
            assertTrue(village.path.startsWith(OrgUnit.findCurrentByCode("48").orElseThrow().path));
        });
        long again = dryRun(csv.getBytes(StandardCharsets.UTF_8));
        given().when()
                .get("/admin/units/imports/" + again)
                .then()
                .statusCode(200)
                .body(containsString("Mới: 0"), containsString("Không đổi: 2"));
    }

    @Test
    void theShippedSampleOfTwoProvincesLoads() throws Exception {
        long id = dryRun(Files.readAllBytes(Path.of("deploy/demo/communes-sample.csv")));
        Forms.post("/admin/units/imports/" + id, "/admin/units/imports/" + id + "/apply")
                .then()
                .statusCode(303);
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals("Phường Hoàn Kiếm", OrgUnit.findCurrentByCode("00070").orElseThrow().name);
            assertEquals(
                    OrgUnit.findCurrentByCode("48").orElseThrow().id,
                    OrgUnit.findCurrentByCode("20194").orElseThrow().parentId);
        });
    }

    @Test
    @TestSecurity(user = ScopeFixtures.DN_ADMIN, roles = "unit-admin")
    void aUnitAdminCannotLoadUnits() {
        given().when().get("/admin/units/imports").then().statusCode(403);
    }
}
