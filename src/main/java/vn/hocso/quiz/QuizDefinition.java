package vn.hocso.quiz;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A quiz as declared in its course folder (courses/&lt;slug&gt;/quiz/*.yaml), checked by the importer and ready to
 * be written by {@link QuizImport}. The format is documented in courses/README.md.
 */
public record QuizDefinition(Settings settings, List<QuestionDefinition> questions) {

    public static final String SINGLE = "single";
    public static final String MULTIPLE = "multiple";
    public static final String TRUE_FALSE = "truefalse";
    public static final String TEXT = "text";
    public static final Set<String> TYPES = Set.of(SINGLE, MULTIPLE, TRUE_FALSE, TEXT);
    public static final Set<String> COUNTING = Set.of("highest", "last");
    public static final Set<String> REVIEW = Set.of("score", "mistakes", "answers");

    /**
     * How attempts are made: drawCount questions from the whole bank (null: all of it), or drawByTag questions per
     * tag; time limit and attempt limit null when there is none.
     */
    public record Settings(
            Integer drawCount,
            Map<String, Integer> drawByTag,
            boolean shuffleQuestions,
            boolean shuffleOptions,
            Integer timeLimitMinutes,
            Integer maxAttempts,
            int delayMinutes,
            int passPercent,
            String counting,
            String review) {}

    /** One question of the bank; stems and feedback are sanitised HTML, accepted answers are for text questions. */
    public record QuestionDefinition(
            String key,
            String type,
            String stemVi,
            String stemEn,
            String feedbackVi,
            String feedbackEn,
            double weight,
            List<String> tags,
            List<String> accepted,
            List<OptionDefinition> options) {}

    /** An option of a choice question; true/false questions get the two options "true" and "false" without text. */
    public record OptionDefinition(String key, String textVi, String textEn, boolean correct) {}
}
