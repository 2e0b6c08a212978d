package vn.hocso.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DrawTest {

    record Q(String id, List<String> tags) {}

    static final List<Q> BANK = IntStream.range(0, 12)
            .mapToObj(i -> new Q("q" + i, i < 4 ? List.of("wifi") : i < 8 ? List.of("zalo", "wifi") : List.of("web")))
            .toList();

    @Test
    void withoutADrawEveryQuestionOfTheBankIsAsked() {
        List<Q> drawn = Draw.questions(BANK, Q::tags, null, null, true, new Random(1));
        assertEquals(new HashSet<>(BANK), new HashSet<>(drawn));
    }

    @Test
    void aDrawTakesThatManyDifferentQuestionsAtRandom() {
        Set<List<Q>> seen = new HashSet<>();
        for (int seed = 0; seed < 20; seed++) {
            List<Q> drawn = Draw.questions(BANK, Q::tags, 5, null, true, new Random(seed));
            assertEquals(5, drawn.size());
            assertEquals(5, new HashSet<>(drawn).size());
            seen.add(drawn);
        }
        assertTrue(seen.size() > 10, "draws differ between attempts");
    }

    @Test
    void aDrawPerTagTakesThatManyOfEachTagAndNeverTheSameQuestionTwice() {
        Map<String, Integer> byTag = new LinkedHashMap<>();
        byTag.put("zalo", 3);
        byTag.put("wifi", 5);
        byTag.put("web", 2);
        for (int seed = 0; seed < 20; seed++) {
            List<Q> drawn = Draw.questions(BANK, Q::tags, null, byTag, true, new Random(seed));
            assertEquals(10, drawn.size());
            assertEquals(10, new HashSet<>(drawn).size());
            assertEquals(2, drawn.stream().filter(q -> q.tags().contains("web")).count());
            assertEquals(
                    8, drawn.stream().filter(q -> q.tags().contains("wifi")).count());
        }
    }

    @Test
    void aTagWithTooFewQuestionsGivesWhatItHas() {
        List<Q> drawn = Draw.questions(BANK, Q::tags, null, Map.of("web", 9), true, new Random(3));
        assertEquals(4, drawn.size());
    }

    @Test
    void withoutShufflingTheDrawnQuestionsKeepTheBankOrder() {
        List<Q> drawn = Draw.questions(BANK, Q::tags, 6, null, false, new Random(7));
        List<Q> inBankOrder = BANK.stream().filter(drawn::contains).toList();
        assertEquals(inBankOrder, drawn);
        assertEquals(BANK, Draw.questions(BANK, Q::tags, null, null, false, new Random(7)));
    }

    @Test
    void optionsAreShuffledOnlyWhenAsked() {
        List<String> options = List.of("a", "b", "c", "d", "e", "f");
        assertEquals(options, Draw.options(options, false, new Random(1)));
        Set<List<String>> orders = new HashSet<>();
        for (int seed = 0; seed < 20; seed++) {
            orders.add(Draw.options(options, true, new Random(seed)));
        }
        assertTrue(orders.size() > 10);
    }

    @Test
    void opaqueCodesAreUniqueAndNewForEveryAttempt() {
        List<String> first = Draw.codes(8, Draw.RANDOM);
        List<String> second = Draw.codes(8, Draw.RANDOM);
        assertEquals(8, new HashSet<>(first).size());
        assertNotEquals(first, second);
        first.forEach(code -> assertTrue(code.matches("[a-z2-9]{10}"), code));
    }
}
