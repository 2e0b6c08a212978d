package vn.hocso.quiz;

import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.hocso.codes.Coded;

/**
 * A quiz as declared in its course folder (courses/&lt;slug&gt;/quiz/*.yaml), checked by the importer and ready to
 * be written by {@link QuizImport}. The format is documented in courses/README.md.
 */
public record QuizDefinition(Settings settings, List<QuestionDefinition> questions) {

    public static final Set<String> TYPES = Set.copyOf(Coded.codes(QuestionType.class));
    public static final Set<String> COUNTING = Set.copyOf(Coded.codes(Counting.class));
    public static final Set<String> REVIEW = Set.copyOf(Coded.codes(ReviewPolicy.class));

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
            Counting counting,
            ReviewPolicy review) {}

    /** One question of the bank; stems and feedback are sanitised HTML, accepted answers are for text questions. */
    public record QuestionDefinition(
            String key,
            QuestionType type,
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
