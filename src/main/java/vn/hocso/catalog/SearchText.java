package vn.hocso.catalog;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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

    /**
     * Words too common in Vietnamese to tell courses apart ("và", "của", "qua"…), folded. They are dropped from a
     * query unless the query is made of nothing else. Words whose folded form is also a content word ("mã" and
     * "mà", "Đà" and "đã", "đăng" and "đang", "thi" and "thì") are kept.
     */
    static final Set<String> STOP_WORDS = Set.of(
            "va", "cua", "cac", "nhung", "la", "cho", "voi", "trong", "mot", "duoc", "co", "qua", "den", "nay", "o",
            "nhu", "khi", "bi", "boi", "vao", "hay", "hoac", "nao", "gi", "se");

    /** The words of a query that a search looks for: {@link #words} without the stop words, when any are left. */
    static List<String> searchWords(String query) {
        List<String> words = words(query).stream()
                .flatMap(w -> Arrays.stream(w.split("[^a-z0-9]+")))
                .filter(w -> !w.isEmpty())
                .toList();
        List<String> meaningful =
                words.stream().filter(w -> !STOP_WORDS.contains(w)).toList();
        return meaningful.isEmpty() ? words : meaningful;
    }

    /** A LIKE pattern matching {@code text} anywhere, with the user's own % _ \ taken literally. */
    static String containing(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
