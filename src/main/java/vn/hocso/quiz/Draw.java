package vn.hocso.quiz;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/** How an attempt's questions and option order are chosen when it starts; fixed from then on. */
final class Draw {

    private static final char[] CODE_CHARS = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    static final Random RANDOM = new SecureRandom();

    private Draw() {}

    /**
     * The questions of one attempt in the order it shows them: {@code byTag} questions per tag when given (a question
     * is drawn at most once, whichever of its tags drew it), else {@code count} of the bank (null: all of it). A tag
     * with fewer questions than asked gives what it has. Without shuffling, the drawn questions keep the bank order.
     */
    static <T> List<T> questions(
            List<T> bank,
            Function<T, List<String>> tags,
            Integer count,
            Map<String, Integer> byTag,
            boolean shuffle,
            Random random) {
        Set<T> drawn = Collections.newSetFromMap(new IdentityHashMap<>());
        List<T> picked = new ArrayList<>();
        if (byTag != null && !byTag.isEmpty()) {
            for (Map.Entry<String, Integer> draw : byTag.entrySet()) {
                List<T> candidates = new ArrayList<>(bank.stream()
                        .filter(q -> !drawn.contains(q) && tags.apply(q).contains(draw.getKey()))
                        .toList());
                Collections.shuffle(candidates, random);
                candidates.stream().limit(draw.getValue()).forEach(q -> {
                    drawn.add(q);
                    picked.add(q);
                });
            }
        } else if (count != null && count < bank.size()) {
            List<T> candidates = new ArrayList<>(bank);
            Collections.shuffle(candidates, random);
            picked.addAll(candidates.subList(0, count));
        } else {
            picked.addAll(bank);
        }
        if (shuffle) {
            Collections.shuffle(picked, random);
        } else {
            Set<T> chosen = Collections.newSetFromMap(new IdentityHashMap<>());
            chosen.addAll(picked);
            return bank.stream().filter(chosen::contains).toList();
        }
        return picked;
    }

    /** Options in the order the attempt shows them. */
    static <T> List<T> options(List<T> options, boolean shuffle, Random random) {
        List<T> order = new ArrayList<>(options);
        if (shuffle) {
            Collections.shuffle(order, random);
        }
        return order;
    }

    /**
     * Opaque ids for {@code n} options, unique among themselves: what the browser sees instead of option ids, new for
     * every attempt, so an id says nothing about the option nor carries over to another attempt or learner.
     */
    static List<String> codes(int n, Random random) {
        Set<String> codes = new LinkedHashSet<>();
        while (codes.size() < n) {
            char[] code = new char[10];
            for (int i = 0; i < code.length; i++) {
                code[i] = CODE_CHARS[random.nextInt(CODE_CHARS.length)];
            }
            codes.add(new String(code));
        }
        return new ArrayList<>(codes);
    }
}
