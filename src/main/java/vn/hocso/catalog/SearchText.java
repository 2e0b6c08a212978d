package vn.hocso.catalog;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds search text the way the database folds course text (lower(f_unaccent(...))): Vietnamese diacritics
 * removed, đ/Đ → d, lower case. "Chuyển đổi số", "CHUYEN DOI SO" and "chuyen doi so" all fold to the same.
 */
final class SearchText {

    /** Longer input is cut: nobody types a thousand characters to find a course, and LIKE work stays bounded. */
    static final int MAX_LENGTH = 100;

    static final int MAX_WORDS = 8;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Punct}&&[^%_\\\\]]+");

    private SearchText() {}

    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed)
                .replaceAll("")
                .replace('đ', 'd')
                .replace('Đ', 'D')
                .toLowerCase(Locale.ROOT);
    }

    /** The folded words of a query, at most {@link #MAX_WORDS}, blanks and punctuation dropped. */
    static List<String> words(String query) {
        if (query == null) {
            return List.of();
        }
        String cut = query.length() > MAX_LENGTH ? query.substring(0, MAX_LENGTH) : query;
        return Arrays.stream(SEPARATORS.split(fold(cut)))
                .filter(w -> !w.isBlank())
                .limit(MAX_WORDS)
                .toList();
    }

    /** A LIKE pattern matching {@code text} anywhere, with the user's own % _ \ taken literally. */
    static String containing(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
