package vn.hocso.unitadmin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.hocso.audit.AuditEntry;

/** The tree and the unit-admin rights under /api/admin: system admins only, audited like the pages. */
@QuarkusTest
class TreeApiTest {

    static String fresh(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    static long audited(String action, String target) {
        return QuarkusTransaction.requiringNew()
                .call(() -> AuditEntry.count("action = ?1 and targetId = ?2", action, target));
    }

    private static int addCommune(long parent, String code, String name) {
        return given().contentType("application/json")
                .body(Map.of("code", code, "name", name, "kind", "commune", "from", "2025-07-01"))
                .when()
                .post("/api/admin/units/" + parent + "/children")
                .then()
                .statusCode(201)
                .body("code", equalTo(code))
                .extract()
                .path("id");
    }

    @Test
    @TestSecurity(user = "quantri", roles = "admin")
    void anAdminSearchesAddsRenamesMovesAndMergesUnitsThroughTheApiAndEveryChangeIsAudited() {
        given().queryParam("q", "thanh pho da nang")
                .when()
                .get("/api/admin/units")
                .then()
                .statusCode(200)
                .body("code", hasItem("48"));
        given().when().get("/api/admin/units").then().statusCode(200).body("code", hasItem("48"));
        long danang = ScopeFixtures.unit("48");
        long hue = ScopeFixtures.unit("46");

        String a = fresh("A"), b = fresh("B"), c = fresh("C");
        int idA = addCommune(danang, a, "Xã Api Một");
        int idB = addCommune(danang, b, "Xã Api Hai");
        assertEquals(1, audited("unit.create", a));

        given().contentType("application/json")
                .body(Map.of("name", "Xã Api Một Mới", "from", "2025-09-01"))
                .when()
                .post("/api/admin/units/" + idA + "/rename")
                .then()
                .statusCode(200)
                .body("name", equalTo("Xã Api Một Mới"));
        given().queryParam("at", "2025-08-01")
                .when()
                .get("/api/admin/units/" + idA)
                .then()
                .statusCode(200)
                .body("nameAsOf", equalTo("Xã Api Một"));
        assertEquals(1, audited("unit.rename", a));

        given().contentType("application/json")
                .body(Map.of("parent", "46", "from", "2025-09-01"))
                .when()
                .post("/api/admin/units/" + idB + "/move")
                .then()
                .statusCode(200)
                .body("parentId", equalTo((int) hue));
        assertEquals(1, audited("unit.move", b));

        int idC = given().contentType("application/json")
                .body(Map.of("units", List.of(a, b), "code", c, "name", "Xã Api Hợp Nhất", "from", "2025-10-01"))
                .when()
                .post("/api/admin/units/merge")
                .then()
                .statusCode(201)
                .body("code", equalTo(c))
                .extract()
                .path("id");
        given().when()
                .get("/api/admin/units/" + idA)
                .then()
                .statusCode(200)
                .body("unit.validTo", equalTo("2025-09-30"))
                .body("unit.replacedBy", equalTo(idC))
                .body("successor.code", equalTo(c));
        assertEquals(1, audited("unit.merge", c));
    }

    @Test
    @TestSecurity(user = "quantri", roles = "admin")
    void badTreeChangesAreRefusedWith400AndChangeNothing() {
        long danang = ScopeFixtures.unit("48");
        String code = fresh("X");
        given().contentType("application/json")
                .body(Map.of("code", code, "name", "X", "kind", "nonsense"))
                .when()
                .post("/api/admin/units/" + danang + "/children")
                .then()
                .statusCode(400);
        given().contentType("application/json")
                .body(Map.of("code", code, "name", "X", "kind", "commune", "from", "31/02/2025"))
                .when()
                .post("/api/admin/units/" + danang + "/children")
                .then()
                .statusCode(400);
        given().contentType("application/json")
                .body(Map.of("units", List.of("48"), "code", code, "name", "Z"))
                .when()
                .post("/api/admin/units/merge")
                .then()
                .statusCode(400);
        given().contentType("application/json")
                .body("{}")
                .when()
                .post("/api/admin/units/merge")
                .then()
                .statusCode(400);
        given().when().get("/api/admin/units/999999999").then().statusCode(404);
        given().queryParam("q", "x".repeat(300))
                .when()
                .get("/api/admin/units")
                .then()
                .statusCode(400);
        assertEquals(0, audited("unit.create", code));
    }

    @Test
    @TestSecurity(user = "quantri", roles = "admin")
    void anAdminGrantsListsAndRevokesUnitAdminRightsThroughTheApiAudited() {
        String email = fresh("grant") + "@example.vn";
        long person = ScopeFixtures.person(null, "Người Được Giao", "48", email);

        int id = given().contentType("application/json")
                .body(Map.of("email", email, "unit", "48"))
                .when()
                .post("/api/admin/unit-admins")
                .then()
                .statusCode(200)
                .body("personId", equalTo((int) person))
                .body("unitCode", equalTo("48"))
                .body("grantedAt", notNullValue())
                .extract()
                .path("id");
        // granting again changes nothing
        given().contentType("application/json")
                .body(Map.of("email", email, "unit", "48"))
                .when()
                .post("/api/admin/unit-admins")
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
        assertEquals(1, audited("unit-admin.grant", "" + person));
        given().when().get("/api/admin/unit-admins").then().statusCode(200).body("id", hasItem(id));

        given().contentType("application/json")
                .when()
                .post("/api/admin/unit-admins/" + id + "/revoke")
                .then()
                .statusCode(200)
                .body("revokedAt", notNullValue());
        given().contentType("application/json")
                .when()
                .post("/api/admin/unit-admins/" + id + "/revoke")
                .then()
                .statusCode(404);
        assertEquals(1, audited("unit-admin.revoke", "" + person));
        given().when().get("/api/admin/unit-admins").then().statusCode(200).body("id", not(hasItem(id)));

        given().contentType("application/json")
                .body(Map.of("email", "nobody-" + email, "unit", "48"))
                .when()
                .post("/api/admin/unit-admins")
                .then()
                .statusCode(400);
        given().contentType("application/json")
                .body(Map.of("email", email, "unit", "no-such-unit"))
                .when()
                .post("/api/admin/unit-admins")
                .then()
                .statusCode(400);
    }

    @Test
    @TestSecurity(user = ScopeFixtures.DN_ADMIN, roles = "unit-admin")
    void aUnitAdminGets403FromTheTreeAndGrantsApi() {
        long danang = ScopeFixtures.unit("48");
        given().when().get("/api/admin/units").then().statusCode(403);
        given().when().get("/api/admin/units/" + danang).then().statusCode(403);
        given().contentType("application/json")
                .body(Map.of("code", fresh("U"), "name", "U", "kind", "commune"))
                .when()
                .post("/api/admin/units/" + danang + "/children")
                .then()
                .statusCode(403);
        given().contentType("application/json")
                .body(Map.of("name", "Đổi Tên"))
                .when()
                .post("/api/admin/units/" + danang + "/rename")
                .then()
                .statusCode(403);
        given().contentType("application/json")
                .body(Map.of("parent", "46"))
                .when()
                .post("/api/admin/units/" + danang + "/move")
                .then()
                .statusCode(403);
        given().contentType("application/json")
                .body(Map.of("units", List.of("48", "46"), "code", "Z", "name", "Z"))
                .when()
                .post("/api/admin/units/merge")
                .then()
                .statusCode(403);
        given().when().get("/api/admin/unit-admins").then().statusCode(403);
        // no unit admin can widen their own scope
        given().contentType("application/json")
                .body(Map.of("email", ScopeFixtures.DN_ADMIN + "@example.vn", "unit", "46"))
                .when()
                .post("/api/admin/unit-admins")
                .then()
                .statusCode(403);
        given().contentType("application/json")
                .when()
                .post("/api/admin/unit-admins/1/revoke")
                .then()
                .statusCode(403);
    }

    @Test
    void theTreeAndGrantsApiAreInTheOpenApiDocument() {
        given().when()
                .get("/api/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/admin/units/merge"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/admin/unit-admins/{id}/revoke"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/unit-admin/rosters"));
    }
}
