package vn.hocso.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.hocso.TestMessages;

/** The value checks on their own, as an authoring form would use them: a value in, problems out, no file. */
class FieldsTest {

    private final ContentMessages msg = TestMessages.of(ContentMessages.class);
    private final Fields fields = new Fields(msg);
    private final List<String> problems = new ArrayList<>();
    private final ProblemSink sink = problems::add;

    @Test
    void anIdIsLowerCaseWordsJoinedByHyphensAndUniqueAmongTheSeen() {
        Set<String> seen = new HashSet<>();
        assertTrue(fields.id("bai-1", seen, msg::duplicate_id, sink));
        assertFalse(fields.id("bai-1", seen, msg::duplicate_id, sink));
        assertFalse(fields.id("Bài 1", seen, msg::quiz_duplicate_id, sink));
        assertFalse(fields.id("a".repeat(Limits.MAX_ID_LENGTH + 1), seen, msg::duplicate_id, sink));
        assertEquals(List.of("duplicate_id(bai-1)", "bad_id(Bài 1)", "bad_id(" + "a".repeat(65) + ")"), problems);
    }

    @Test
    void anIntegerMustBeAWholeNumberInItsRange() {
        assertEquals(Optional.of(600), fields.integer("600", "minutes", 0, 600, sink));
        assertEquals(Optional.empty(), fields.integer("601", "minutes", 0, 600, sink));
        assertEquals(Optional.empty(), fields.integer("1.5", "minutes", 0, 600, sink));
        assertEquals(Optional.empty(), fields.integer(null, "draw", 1, 500, sink));
        assertEquals(
                List.of("bad_value(minutes,0–600)", "bad_value(minutes,0–600)", "bad_value(draw,1–500)"), problems);
    }

    @Test
    void oneOfListsTheAllowedValuesInAlphabeticalOrder() {
        assertTrue(fields.oneOf("basic", CourseFolder.LEVELS, "level", sink));
        assertFalse(fields.oneOf("expert", CourseFolder.LEVELS, "level", sink));
        assertEquals(List.of("bad_value(level,advanced, basic, intermediate)"), problems);
    }

    @Test
    void flagsTextsAndSlugs() {
        assertEquals(Optional.of(false), fields.bool("false", "required", sink));
        assertEquals(Optional.empty(), fields.bool("yes", "required", sink));
        assertFalse(fields.notBlank("  ", "title.vi", sink));
        assertFalse(fields.atMost("abcd", 3, "tags", sink));
        assertTrue(fields.slug("ky-nang-so", sink));
        assertFalse(fields.slug("Kỹ năng", sink));
        assertEquals(
                List.of(
                        "bad_value(required,true, false)",
                        "missing_field(title.vi)",
                        "too_long(tags,3)",
                        "bad_slug(Kỹ năng)"),
                problems);
    }
}
