package vn.hocso.org;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProvinceOrderTest {

    private static OrgUnit named(String name) {
        OrgUnit unit = new OrgUnit();
        unit.name = name;
        return unit;
    }

    @Test
    void provincesSortByTheirProperNameNotByThanhPhoOrTinh() {
        List<OrgUnit> units = new ArrayList<>(List.of(
                named("Tỉnh Tuyên Quang"),
                named("Thành phố Hà Nội"),
                named("Tỉnh An Giang"),
                named("Thành phố Đà Nẵng"),
                named("Tỉnh Hà Tĩnh"),
                named("Thành phố Hồ Chí Minh"),
                named("Tỉnh Cà Mau")));
        units.sort(OrgUnit.BY_VIETNAMESE_NAME);
        assertEquals(
                List.of(
                        "Tỉnh An Giang",
                        "Tỉnh Cà Mau",
                        "Thành phố Đà Nẵng",
                        "Thành phố Hà Nội",
                        "Tỉnh Hà Tĩnh",
                        "Thành phố Hồ Chí Minh",
                        "Tỉnh Tuyên Quang"),
                units.stream().map(u -> u.name).toList());
    }

    @Test
    void theProperNameDropsOnlyALeadingKind() {
        assertEquals("Hà Nội", OrgUnit.properName("Thành phố Hà Nội"));
        assertEquals("Hà Tĩnh", OrgUnit.properName("tỉnh Hà Tĩnh"));
        assertEquals("Huế", OrgUnit.properName("TP. Huế"));
        assertEquals("Phường Tỉnh Lộ", OrgUnit.properName("Phường Tỉnh Lộ"));
    }
}
