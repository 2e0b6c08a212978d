package vn.hocso.unitadmin;

import java.text.Normalizer;
import java.util.Locale;

/** Text folded the way f_unaccent + lower fold it in SQL: no diacritics, đ → d, lower case. */
final class SearchFold {

    private SearchFold() {}

    static String fold(String text) {
        String s = Normalizer.normalize(text.strip().replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return s.toLowerCase(Locale.ROOT).replace("%", "").replace("_", "");
    }
}
