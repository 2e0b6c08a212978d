package vn.hocso.unitadmin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hocso.Forms;
import vn.hocso.account.Person;
import vn.hocso.audit.AuditEntry;

/** A unit admin of Đà Nẵng sees and changes Đà Nẵng's people only, through every page and API endpoint. */
@QuarkusTest
class ScopeIsolationTest {

    long dnPerson;
    long huePerson;

    @BeforeEach
    void twoProvinces() {
        ScopeFixtures.admin(ScopeFixtures.DN_ADMIN, "48");
        ScopeFixtures.admin(ScopeFixtures.HUE_ADMIN, "46");
        dnPerson = ScopeFixtures.person(null, "Trần Đà Nẵng Một", "48", "dn1@example.vn");
        huePerson = ScopeFixtures.person(null, "Lê Huế Một", "46", "hue1@example.vn");
    }

    @Test
    @TestSecurity(user = ScopeFixtures.DN_ADMIN, roles = "unit-admin")
    void theListsShowOnlyThePeopleOfTheAdminsProvince() {
        given().when()
                .get("/unit-admin/people")
                .then()
                .statusCode(200)
                .body(containsString("Trần Đà Nẵng Một"), not(containsString("Lê Huế Một")));
        given().queryParam("q", "hue")
                .when()
                .get("/unit-admin/people")
                .then()
                .statusCode(200)
                .body(not(containsString("Lê Huế Một")));
        given().when()
                .get("/api/unit-admin/people")
                .then()
                .statusCode(200)
                .body("rows.fullName", hasItem("Trần Đà Nẵng Một"))
                .body("rows.fullName", not(hasItem("Lê Huế Một")));
        given().when()
                .get("/api/unit-admin/units")
                .then()
                .statusCode(200)
                .body("code", hasItem("48"))
                .body("code", not(hasItem("46")));
    }

    @Test
    @TestSecurity(user = ScopeFixtures.DN_ADMIN, roles = "unit-admin")
    void aPersonOrUnitOfTheOtherProvinceIsNotFoundAnywhere() {
        given().when().get("/unit-admin/people/" + huePerson).then().statusCode(404);
        given().when().get("/api/unit-admin/people/" + huePerson).then().statusCode(404);
        given().queryParam("unit", ScopeFixtures.unit("46"))
                .when()
                .get("/unit-admin/people")
                .then()
                .statusCode(404);
        given().queryParam("unit", ScopeFixtures.unit("46"))
                .when()
                .get("/api/unit-admin/people")
                .then()
                .statusCode(404);
        Forms.post("/unit-admin/people/" + dnPerson, "/unit-admin/people/" + huePerson, "position", "X")
                .then()
                .statusCode(404);
        given().contentType("application/json")
                .body("{\"position\":\"X\"}")
                .when()
                .post("/api/unit-admin/people/" + huePerson)
                .then()
                .statusCode(404);
        assertEquals(null, QuarkusTransaction.requiringNew().call(() -> Person.<Person>findById(huePerson).position));
    }

    @Test
    @TestSecurity(user = ScopeFixtures.DN_ADMIN, roles = "unit-admin")
    void aUnitAdminCannotMoveSomeoneOutOfTheirScopeAndEditsAreAudited() {
        Forms.post("/unit-admin/people/" + dnPerson, "/unit-admin/people/" + dnPerson, "unit", "46")
                .then()
                .statusCode(400);
        Forms.post(
                        "/unit-admin/people/" + dnPerson,
                        "/unit-admin/people/" + dnPerson,
                        "unit",
                        "48",
                        "group",
                        "civil-servant",
                        "position",
                        "Chuyên viên")
                .then()
                .statusCode(303);
        assertTrue(QuarkusTransaction.requiringNew()
                .call(() ->
                        AuditEntry.<AuditEntry>list("action = ?1 and targetId = ?2", "person.edit", "" + dnPerson)
                                .stream()
                                .anyMatch(e -> e.detail.contains("position=Chuyên viên"))));
        given().when().get("/admin/unit-admins").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = ScopeFixtures.DN_ADMIN, roles = "unit-admin")
    void badFiltersAreRefusedWith4xx() {
        given().queryParam("page", "-1").when().get("/unit-admin/people").then().statusCode(400);
        given().queryParam("page", "abc")
                .when()
                .get("/api/unit-admin/people")
                .then()
                .statusCode(400);
        given().queryParam("unit", "x").when().get("/unit-admin/people").then().statusCode(404);
        given().queryParam("q", "a".repeat(500))
                .when()
                .get("/unit-admin/people")
                .then()
                .statusCode(400);
        given().contentType("application/json")
                .body("{not json")
                .when()
                .post("/api/unit-admin/people/" + dnPerson)
                .then()
                .statusCode(400);
    }

    @Test
    @TestSecurity(user = "scope-learner", roles = "learner")
    void aLearnerHasNoUnitAdminPages() {
        given().when().get("/unit-admin/people").then().statusCode(403);
        given().when().get("/api/unit-admin/people").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "scope-no-grant", roles = "unit-admin")
    void aUnitAdminWithoutAGrantSeesNobody() {
        given().when()
                .get("/api/unit-admin/people")
                .then()
                .statusCode(200)
                .body("rows.size()", org.hamcrest.Matchers.is(0));
    }

    @Test
    @TestSecurity(user = "quantri-grants", roles = "admin")
    void aSystemAdminGrantsAndRevokesAndBothAreAudited() {
        long person = ScopeFixtures.person(null, "Phan Văn Giao", "48", "giao@example.vn");
        Forms.post("/admin/unit-admins", "/admin/unit-admins", "email", "giao@example.vn", "unit", "48")
                .then()
                .statusCode(303);
        long grant = QuarkusTransaction.requiringNew()
                .call(() -> Grant.<Grant>find("personId = ?1 and revokedAt is null", person)
                        .firstResult()
                        .id);
        Forms.post("/admin/unit-admins", "/admin/unit-admins/" + grant + "/revoke")
                .then()
                .statusCode(303);
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(1, AuditEntry.count("action = ?1 and targetId = ?2", "unit-admin.grant", "" + person));
            assertEquals(1, AuditEntry.count("action = ?1 and targetId = ?2", "unit-admin.revoke", "" + person));
        });
        Forms.post("/admin/unit-admins", "/admin/unit-admins", "email", "nobody@nowhere.vn", "unit", "48")
                .then()
                .statusCode(400);
        Forms.post("/admin/unit-admins", "/admin/unit-admins/" + grant + "/revoke")
                .then()
                .statusCode(404);
    }
}
