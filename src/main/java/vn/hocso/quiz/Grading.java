package vn.hocso.quiz;

import java.text.Normalizer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The grading rules, apart from the database so they can be tested as plain rules. Per question:
 * <ul>
 * <li>single choice and true/false: the full weight for exactly the correct option, otherwise 0;</li>
 * <li>multiple choice, partial credit: every correct option chosen earns weight ÷ (number of correct options),
 * every wrong option chosen cancels one correct one, and a question never scores below 0;</li>
 * <li>short text: the full weight when the answer equals one of the accepted answers once both are folded (trimmed,
 * inner spaces collapsed, lower case, without diacritics, đ = d), otherwise 0.</li>
 * </ul>
 * An attempt's percent is its points over the points of its questions; it passes at or above the pass mark.
 */
final class Grading {

    /** Answers that reach the server this long after the deadline still count: a slow network, a slow phone. */
    static final Duration GRACE = Duration.ofSeconds(30);

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Grading() {}

    /**
     * What the grader knows of a question: never sent to the browser. Accepted answers are kept folded, so a key
     * built once (a {@link QuestionBank} keeps them) folds nothing more when it grades.
     */
    record AnswerKey(QuestionType type, double weight, Set<Long> correct, List<String> accepted) {

        AnswerKey {
            correct = Set.copyOf(correct);
            accepted = accepted.stream().map(Grading::fold).toList();
        }

        /**
         * The key as an attempt that showed these options grades it. A re-import retires a dropped option but keeps
         * it correct (an attempt that showed it still grades it); an attempt that never showed it cannot owe it, so
         * it must not count towards a multiple choice's share per correct option.
         */
        AnswerKey shown(Long[] optionIds) {
            List<Long> ids = Arrays.asList(optionIds);
            if (ids.containsAll(correct)) {
                return this;
            }
            return new AnswerKey(
                    type, weight, correct.stream().filter(ids::contains).collect(Collectors.toSet()), accepted);
        }
    }

    /** A learner's answer: the options chosen (choice questions) or the text typed (short text questions). */
    record Answer(Set<Long> chosen, String text) {

        static final Answer NONE = new Answer(Set.of(), null);

        boolean isEmpty() {
            return chosen.isEmpty() && (text == null || text.isBlank());
        }
    }

    static double score(AnswerKey key, Answer answer) {
        return switch (key.type()) {
            case SINGLE, TRUE_FALSE ->
                answer.chosen().size() == 1 && key.correct().containsAll(answer.chosen()) ? key.weight() : 0;
            case MULTIPLE -> {
                if (key.correct().isEmpty()) {
                    yield 0;
                }
                long right =
                        answer.chosen().stream().filter(key.correct()::contains).count();
                long wrong = answer.chosen().size() - right;
                yield Math.max(0, right - wrong) * key.weight() / key.correct().size();
            }
            case TEXT -> {
                if (answer.text() == null) {
                    yield 0;
                }
                String given = fold(answer.text());
                yield !given.isEmpty() && key.accepted().contains(given) ? key.weight() : 0;
            }
            default -> throw new IllegalArgumentException("unknown question type " + key.type());
        };
    }

    /** A question is answered correctly when it earns its full weight. */
    static boolean isCorrect(AnswerKey key, double score) {
        return score >= key.weight() - 1e-9;
    }

    /** "  Hà   Nội " → "ha noi": how short text answers are compared. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        return SPACES.matcher(MARKS.matcher(decomposed).replaceAll(""))
                .replaceAll(" ")
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    static double percent(double score, double max) {
        return max <= 0 ? 0 : score * 100 / max;
    }

    static boolean passes(double percent, int passPercent) {
        return percent + 1e-9 >= passPercent;
    }

    /**
     * The attempt that stands as the learner's result among their graded attempts (oldest first): the highest
     * (the earliest of equal ones) or the last.
     */
    static <A> Optional<A> counting(List<A> graded, Counting rule, ToDoubleFunction<A> percent) {
        if (graded.isEmpty()) {
            return Optional.empty();
        }
        if (rule == Counting.LAST) {
            return Optional.of(graded.get(graded.size() - 1));
        }
        A best = graded.get(0);
        for (A attempt : graded) {
            if (percent.applyAsDouble(attempt) > percent.applyAsDouble(best) + 1e-9) {
                best = attempt;
            }
        }
        return Optional.of(best);
    }
}
