package vn.hocso.org;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UnitKindTest {

    @Test
    void communesSitUnderProvincesAndTeamsUnderCommunesOrVillagesButNoDistrictLevelOrUpsideDown() {
        assertTrue(UnitKind.COUNTRY.canHold(UnitKind.PROVINCE));
        assertTrue(UnitKind.PROVINCE.canHold(UnitKind.COMMUNE));
        assertTrue(UnitKind.COMMUNE.canHold(UnitKind.TEAM));
        assertTrue(UnitKind.VILLAGE.canHold(UnitKind.TEAM));
        assertTrue(UnitKind.MINISTRY.canHold(UnitKind.AGENCY));
        assertFalse(UnitKind.COUNTRY.canHold(UnitKind.COMMUNE));
        assertFalse(UnitKind.COMMUNE.canHold(UnitKind.PROVINCE));
        assertFalse(UnitKind.TEAM.canHold(UnitKind.TEAM));
        assertFalse(UnitKind.PROVINCE.canHold(UnitKind.PROVINCE));
    }
}
