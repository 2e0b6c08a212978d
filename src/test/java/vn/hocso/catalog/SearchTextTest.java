package vn.hocso.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void vietnameseDiacriticsAndCaseFoldAway() {
        assertEquals("chuyen doi so", SearchText.fold("Chuyển đổi số"));
        assertEquals("dich vu cong truc tuyen", SearchText.fold("Dịch vụ công trực tuyến"));
        assertEquals("da nang", SearchText.fold("ĐÀ NẴNG"));
        assertEquals("da nang", SearchText.fold("DA NANG"));
    }

    @Test
    void queriesBecomeBoundedWordLists() {
        assertEquals(List.of("dich", "vu", "cong"), SearchText.words("  Dịch   vụ, công! "));
        assertEquals(List.of(), SearchText.words(""));
        assertEquals(List.of(), SearchText.words(null));
        assertTrue(SearchText.words("a ".repeat(500)).size() <= SearchText.MAX_WORDS);
        assertTrue(String.join("", SearchText.words("x".repeat(1000))).length() <= SearchText.MAX_LENGTH);
    }

    @Test
    void likeWildcardsTypedByAPersonAreTakenLiterally() {
        assertEquals("%100\\%%", SearchText.containing("100%"));
        assertEquals("%a\\_b%", SearchText.containing("a_b"));
    }
}
