package vn.hocso.unitadmin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.hocso.Forms;
import vn.hocso.account.Person;
import vn.hocso.audit.AuditEntry;
import vn.hocso.org.OrgTree;
import vn.hocso.org.OrgUnit;
import vn.hocso.org.UnitKind;

@QuarkusTest
class TreeAdminTest {

    @Inject
    OrgTree tree;

    static String fresh(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    private OrgUnit province(String code) {
        return QuarkusTransaction.requiringNew()
                .call(() -> OrgUnit.findCurrentByCode(code).orElseThrow());
    }

    private long commune(String provinceCode, String code, String name, LocalDate from) {
        long parent = province(provinceCode).id;
        return QuarkusTransaction.requiringNew().call(() -> tree.add(parent, code, name, UnitKind.COMMUNE, from).id);
    }

    private long personIn(long unitId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Person p = new Person();
            p.fullName = "Đỗ Thị Hoa";
            p.unitId = unitId;
            p.persist();
            return p.id;
        });
    }

    private static OrgUnit reload(long id) {
        return QuarkusTransaction.requiringNew().call(() -> OrgUnit.getById(id));
    }

    @Test
    @TestSecurity(user = "quantri", roles = "admin")
    void aUnitIsFoundByItsNameWrittenWithoutDiacritics() {
        given().queryParam("q", "thanh pho da nang")
                .when()
                .get("/admin/units")
                .then()
                .statusCode(200)
                .body(containsString("Thành phố Đà Nẵng"));
        given().queryParam("q", "QUANG NAM")
                .when()
                .get("/admin/units")
                .then()
                .statusCode(200)
                .body(containsString("Quảng Nam"), containsString("đã giải thể/sáp nhập"));
    }

    @Test
    @TestSecurity(user = "quantri", roles = "admin")
    void anAdminAddsACommuneRenamesItAndTheOldNameStaysForEarlierDays() {
        OrgUnit danang = province("48");
        String code = fresh("T");
        Forms.post(
                        "/admin/units/" + danang.id,
                        "/admin/units/" + danang.id + "/children",
                        "code",
                        code,
                        "name",
                        "Phường Thử Nghiệm",
                        "kind",
                        "commune",
                        "from",
                        "2025-07-01")
                .then()
                .statusCode(303);
        OrgUnit added = QuarkusTransaction.requiringNew()
                .call(() -> OrgUnit.findCurrentByCode(code).orElseThrow());
        assertEquals(danang.path + added.id + "/", added.path);
        Forms.post(
                        "/admin/units/" + added.id,
                        "/admin/units/" + added.id + "/rename",
                        "name",
                        "Phường Thử Nghiệm Mới",
                        "from",
                        "2025-09-01")
                .then()
                .statusCode(303);
        given().queryParam("at", "2025-08-01")
                .when()
                .get("/admin/units/" + added.id)
                .then()
                .statusCode(200)
                .body(containsString("01/08/2025: Phường Thử Nghiệm<"));
        given().when().get("/admin/units/" + added.id).then().body(containsString(": Phường Thử Nghiệm Mới<"));
        assertTrue(QuarkusTransaction.requiringNew()
                .call(() -> AuditEntry.<AuditEntry>list("action = ?1 and targetId = ?2", "unit.rename", code)
                        .get(0)
                        .detail
                        .contains("before=Phường Thử Nghiệm after=Phường Thử Nghiệm Mới")));
    }

    @Test
    void mergingTwoCommunesClosesThemMovesTheirPeopleAndTheTreeCanStillBeReadAsOfBefore() {
        String a = fresh("A"), b = fresh("B"), c = fresh("C");
        long idA = commune("48", a, "Xã An", LocalDate.of(2025, 7, 1));
        long idB = commune("48", b, "Xã Bình", LocalDate.of(2025, 7, 1));
        long village = QuarkusTransaction.requiringNew()
                .call(() -> tree.add(idA, fresh("V"), "Thôn Một", UnitKind.VILLAGE, LocalDate.of(2025, 7, 1)).id);
        long personA = personIn(idA), personB = personIn(idB), personVillage = personIn(village);

        long idC = QuarkusTransaction.requiringNew()
                .call(() -> tree.merge(List.of(idA, idB), c, "Xã An Bình", LocalDate.of(2025, 10, 1)).id);

        OrgUnit merged = reload(idA);
        assertEquals(LocalDate.of(2025, 9, 30), merged.validTo);
        assertEquals(idC, merged.replacedById);
        assertEquals(idC, reload(idB).replacedById);
        assertTrue(reload(village).path.startsWith(reload(idC).path), "children follow the successor");
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(idC, Person.<Person>findById(personA).unitId);
            assertEquals(idC, Person.<Person>findById(personB).unitId);
            assertEquals(village, Person.<Person>findById(personVillage).unitId);
            long danang = OrgUnit.findCurrentByCode("48").orElseThrow().id;
            List<Long> before = OrgUnit.listChildrenAsOf(danang, LocalDate.of(2025, 9, 30)).stream()
                    .map(u -> u.id)
                    .toList();
            List<Long> after = OrgUnit.listChildrenAsOf(danang, LocalDate.of(2025, 10, 1)).stream()
                    .map(u -> u.id)
                    .toList();
            assertTrue(before.contains(idA) && before.contains(idB) && !before.contains(idC), before.toString());
            assertTrue(!after.contains(idA) && !after.contains(idB) && after.contains(idC), after.toString());
            assertEquals(idC, OrgTree.currentSuccessor(OrgUnit.getById(idA)).id);
        });
        List<String> scope = QuarkusTransaction.requiringNew().call(() -> tree.scopePaths(List.of(idC)));
        assertTrue(scope.contains(reload(idA).path) && scope.contains(reload(idC).path), scope.toString());
    }

    @Test
    void aMergeThatIsRefusedHalfWayLeavesNoTrace() {
        String a = fresh("A"), b = fresh("B");
        long idA = commune("48", a, "Xã Chín", LocalDate.of(2025, 7, 1));
        long idB = commune("48", b, "Xã Mười", LocalDate.of(2025, 7, 1));
        long person = personIn(idA);
        // the new code belongs to a third current unit: refused after A and B were already closed in the transaction
        try {
            QuarkusTransaction.requiringNew()
                    .run(() -> tree.merge(List.of(idA, idB), "48", "Xã Chín Mười", LocalDate.of(2025, 10, 1)));
        } catch (RuntimeException expected) {
            // refused
        }
        assertNull(reload(idA).validTo);
        assertNull(reload(idB).replacedById);
        assertEquals(idA, QuarkusTransaction.requiringNew().call(() -> Person.<Person>findById(person).unitId));
    }

    @Test
    @TestSecurity(user = "quantri", roles = "admin")
    void badInputToTheTreePagesIsRefusedWith4xxNot500() {
        long danang = province("48").id;
        given().queryParam("at", "31/02/2025")
                .when()
                .get("/admin/units/" + danang)
                .then()
                .statusCode(400);
        given().when().get("/admin/units/999999999").then().statusCode(404);
        given().when().get("/admin/units/abc").then().statusCode(404);
        Forms.post(
                        "/admin/units/" + danang,
                        "/admin/units/" + danang + "/children",
                        "code",
                        fresh("X"),
                        "name",
                        "Tỉnh trong tỉnh",
                        "kind",
                        "province")
                .then()
                .statusCode(400)
                .body(containsString("không thể nằm dưới"));
        Forms.post(
                        "/admin/units/" + danang,
                        "/admin/units/" + danang + "/children",
                        "code",
                        fresh("X"),
                        "name",
                        "X",
                        "kind",
                        "nonsense")
                .then()
                .statusCode(400);
        Forms.post(
                        "/admin/units/" + danang,
                        "/admin/units/merge",
                        "units",
                        "48",
                        "code",
                        "Z",
                        "name",
                        "Z",
                        "from",
                        "2025-10-01")
                .then()
                .statusCode(400);
        Forms.post(
                        "/admin/units/" + danang,
                        "/admin/units/" + danang + "/rename",
                        "name",
                        "Đà Nẵng",
                        "from",
                        "2999-01-01")
                .then()
                .statusCode(400)
                .body(not(containsString("Exception")));
    }

    @Test
    @TestSecurity(
            user = "donvi",
            roles = {"learner", "unit-admin"})
    void aUnitAdminCannotChangeTheTree() {
        given().when().get("/admin/units").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "quantri", roles = "admin")
    void unitAdminGrantsOverMergedUnitsPassToTheSuccessorAndAreAudited() {
        String a = fresh("A"), b = fresh("B"), c = fresh("C");
        long idA = commune("48", a, "Xã Đông", LocalDate.of(2025, 7, 1));
        long idB = commune("48", b, "Xã Tây", LocalDate.of(2025, 7, 1));
        long adminOfA = personIn(idA), adminOfBoth = personIn(idB);
        QuarkusTransaction.requiringNew().run(() -> {
            for (long[] pu : new long[][] {{adminOfA, idA}, {adminOfBoth, idA}, {adminOfBoth, idB}}) {
                Grant g = new Grant();
                g.personId = pu[0];
                g.unitId = pu[1];
                g.grantedBy = "test";
                g.persist();
            }
        });
        long danang = province("48").id;

        Forms.post(
                        "/admin/units/" + danang,
                        "/admin/units/merge",
                        "units",
                        a + ", " + b,
                        "code",
                        c,
                        "name",
                        "Xã Đông Tây",
                        "from",
                        "2025-10-01")
                .then()
                .statusCode(303);

        long idC = province(c).id;
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(List.of(idC), Grant.liveUnitsOf(adminOfA));
            assertEquals(List.of(idC), Grant.liveUnitsOf(adminOfBoth));
            List<Grant> former = Grant.list("unitId in ?1", List.of(idA, idB));
            assertEquals(3, former.size());
            assertTrue(
                    former.stream().allMatch(g -> g.revokedAt != null && ("merge:" + c).equals(g.revokedBy)),
                    "the grants over the merged units stay as revoked history");
            List<AuditEntry> moved = AuditEntry.list(
                    "action = ?1 and targetId in ?2",
                    "unit-admin.grant-moved",
                    List.of("" + adminOfA, "" + adminOfBoth));
            assertEquals(3, moved.size());
            assertTrue(moved.stream().allMatch(e -> e.actorSubject.equals("quantri")), "the merging admin is named");
            assertTrue(
                    moved.stream().anyMatch(e -> e.detail.startsWith("unit=" + a + " -> unit=" + c)), moved.toString());
        });
    }

    @Test
    void theSuccessorOfAFormerProvinceIsFollowedThroughTheMergerOf2025() {
        OrgUnit quangNam = QuarkusTransaction.requiringNew()
                .call(() -> OrgUnit.<OrgUnit>find("code = '49' and validTo is not null")
                        .firstResult());
        assertNotNull(quangNam);
        assertEquals("48", QuarkusTransaction.requiringNew().call(() -> OrgTree.currentSuccessor(quangNam).code));
    }
}
