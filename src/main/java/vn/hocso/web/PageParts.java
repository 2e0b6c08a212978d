package vn.hocso.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A page rendered once and kept as parts, for pages that are the same for many signed-in people but for a few
 * places of their own: the template writes a {@link #slot} where such a place is (and the CSRF token of its forms
 * stands where it stands), the page is cut there, and a visit writes the parts with its own token and its own text
 * in each slot. A slot is a name between two Private Use Area characters, which none of our text has; a page where
 * the slots are not exactly the expected ones (a course's own text holding that character) is not cut, and is
 * rendered the usual way.
 */
public final class PageParts {

    static final char MARK = '\uE000';

    private static final Object TOKEN = new Object();

    /** Text, {@link #TOKEN}, or a {@link Slot}. */
    private final Object[] parts;

    private final int chars;

    private record Slot(String name) {}

    private PageParts(Object[] parts, int chars) {
        this.parts = parts;
        this.chars = chars;
    }

    /** The slot of a page's panel of the visitor's own (enrolment, lesson actions). */
    public static final String PANEL = "panel";

    /** The slots of a course outline's lesson rows: this and the lesson's id. */
    public static final String ROW = "row-";

    /** What templates write in place of a visit's own parts when their kept parts are rendered. */
    public static final class Slots {

        public String getPanel() {
            return slot(PANEL);
        }

        public String row(Long lesson) {
            return slot(ROW + lesson);
        }
    }

    /** What a template writes where the slot {@code name} goes. */
    public static String slot(String name) {
        return MARK + name + MARK;
    }

    /**
     * The page cut at its slots and at the token it was rendered with (a random value, found only there); null
     * unless its slots are exactly {@code expected}, each once.
     */
    public static PageParts cut(String html, String token, Set<String> expected) {
        List<Object> parts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int from = 0;
        for (int mark = html.indexOf(MARK); mark >= 0; mark = html.indexOf(MARK, from)) {
            int end = html.indexOf(MARK, mark + 1);
            if (end < 0) {
                return null;
            }
            text(parts, html.substring(from, mark), token);
            String name = html.substring(mark + 1, end);
            if (!expected.contains(name) || !seen.add(name)) {
                return null;
            }
            parts.add(new Slot(name));
            from = end + 1;
        }
        text(parts, html.substring(from), token);
        if (!seen.equals(expected)) {
            return null;
        }
        int chars = 0;
        for (Object part : parts) {
            chars += part instanceof String text ? text.length() : 0;
        }
        return new PageParts(parts.toArray(), chars);
    }

    private static void text(List<Object> parts, String text, String token) {
        int from = 0;
        for (int at = text.indexOf(token); at >= 0 && !token.isEmpty(); at = text.indexOf(token, from)) {
            parts.add(text.substring(from, at));
            parts.add(TOKEN);
            from = at + token.length();
        }
        parts.add(text.substring(from));
    }

    /** The page with this visit's token and, in each slot, what {@code fill} gives for its name. */
    public String write(String token, Function<String, String> fill) {
        StringBuilder out = new StringBuilder(chars + 1024);
        for (Object part : parts) {
            if (part instanceof String text) {
                out.append(text);
            } else if (part == TOKEN) {
                out.append(token);
            } else {
                out.append(fill.apply(((Slot) part).name()));
            }
        }
        return out.toString();
    }

    /** The kept text, in characters (for a cache's weight). */
    public int chars() {
        return chars;
    }
}
