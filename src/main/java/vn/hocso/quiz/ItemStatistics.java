package vn.hocso.quiz;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Item analysis for a quiz's trainers (QUIZ-4), computed by PostgreSQL over all graded attempts: per question how
 * many saw and answered it, its facility (the share who got it fully right), its discrimination (the correlation
 * of the item's score with the rest of the attempt's score, as a share of the rest's points: near 0 or negative
 * means the question does not separate stronger from weaker learners), how often each option was chosen; per
 * quiz the distribution of scores.
 */
@ApplicationScoped
class ItemStatistics {

    @Inject
    EntityManager em;

    record Summary(long attempts, long learners, Double meanPercent, long passed) {

        public String mean() {
            return meanPercent == null ? "—" : String.format(Locale.ROOT, "%.0f%%", meanPercent);
        }
    }

    /** Scores from {@code from}% up to {@code to}%; width is the bar's share of the tallest bucket. */
    record Bucket(int from, int to, long count, int width) {}

    record OptionCount(String label, boolean correct, long count) {}

    record Row(
            int number,
            String key,
            QuestionType type,
            String stemHtml,
            long shown,
            long answered,
            Double facility,
            Double discrimination,
            List<OptionCount> options,
            boolean retired) {

        public String facilityText() {
            return facility == null ? "—" : String.format(Locale.ROOT, "%.0f%%", facility * 100);
        }

        public String discriminationText() {
            return discrimination == null ? "—" : String.format(Locale.ROOT, "%.2f", discrimination);
        }

        /** Worth a look: too easy, too hard, or not separating stronger from weaker learners. */
        public boolean flagged() {
            return shown >= 5
                    && ((facility != null && (facility > 0.95 || facility < 0.2))
                            || (discrimination != null && discrimination < 0.1));
        }
    }

    record Report(Summary summary, List<Bucket> distribution, List<Row> items) {}

    Report of(Quiz quiz, AttemptView.Language language) {
        return new Report(summary(quiz.id), distribution(quiz.id), items(quiz.id, language));
    }

    Summary summary(long quizId) {
        Object[] r =
                (Object[]) em.createNativeQuery("""
                select count(*), count(distinct person_id), avg(percent), count(*) filter (where passed)
                from quiz_attempt where quiz_id = ?1 and status = 'graded'""").setParameter(1, quizId).getSingleResult();
        return new Summary(
                ((Number) r[0]).longValue(),
                ((Number) r[1]).longValue(),
                r[2] == null ? null : ((Number) r[2]).doubleValue(),
                ((Number) r[3]).longValue());
    }

    List<Bucket> distribution(long quizId) {
        long[] counts = new long[10];
        List<?> rows = em.createNativeQuery("""
                select least(floor(percent / 10), 9)::int, count(*)
                from quiz_attempt where quiz_id = ?1 and status = 'graded'
                group by 1""").setParameter(1, quizId).getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            counts[((Number) r[0]).intValue()] = ((Number) r[1]).longValue();
        }
        long tallest = Arrays.stream(counts).max().orElse(0);
        List<Bucket> buckets = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            buckets.add(new Bucket(
                    i * 10,
                    i == 9 ? 100 : i * 10 + 9,
                    counts[i],
                    tallest == 0 ? 0 : (int) (counts[i] * 100 / tallest)));
        }
        return buckets;
    }

    List<Row> items(long quizId, AttemptView.Language language) {
        List<?> rows = em.createNativeQuery("""
                with item as (
                    select aq.question_id, aq.correct, aq.answered_at is not null as answered,
                           aq.score / q.weight as score,
                           (a.score - aq.score) / nullif(a.max_score - q.weight, 0) as rest
                    from quiz_attempt a
                    join quiz_attempt_question aq on aq.attempt_id = a.id
                    join quiz_question q on q.id = aq.question_id
                    where a.quiz_id = ?1 and a.status = 'graded')
                select q.id, count(i.question_id), count(*) filter (where i.answered),
                       avg(case when i.correct then 1.0 else 0.0 end), corr(i.score, i.rest)
                from quiz_question q
                left join item i on i.question_id = q.id
                where q.quiz_id = ?1
                group by q.id""").setParameter(1, quizId).getResultList();
        Map<Long, Object[]> byQuestion = new HashMap<>();
        rows.forEach(row -> byQuestion.put(((Number) ((Object[]) row)[0]).longValue(), (Object[]) row));

        Map<Long, Long> chosen = new HashMap<>();
        List<?> counts = em.createNativeQuery("""
                select o.id, count(aq.id)
                from quiz_option o
                join quiz_question q on q.id = o.question_id
                left join (quiz_attempt_question aq join quiz_attempt a on a.id = aq.attempt_id and a.status = 'graded')
                    on aq.question_id = o.question_id and o.id = any(aq.chosen)
                where q.quiz_id = ?1
                group by o.id""").setParameter(1, quizId).getResultList();
        counts.forEach(row ->
                chosen.put(((Number) ((Object[]) row)[0]).longValue(), ((Number) ((Object[]) row)[1]).longValue()));

        List<QuizQuestion> questions = QuizQuestion.listAllOfQuiz(quizId);
        Map<Long, List<QuizOption>> options =
                QuizOption.listOfQuestions(questions.stream().map(q -> q.id).toList()).stream()
                        .collect(Collectors.groupingBy(o -> o.questionId));
        List<Row> result = new ArrayList<>();
        int number = 1;
        for (QuizQuestion q : questions) {
            Object[] r = byQuestion.get(q.id);
            List<OptionCount> optionCounts = options.getOrDefault(q.id, List.of()).stream()
                    .filter(o -> !o.retired)
                    .map(o -> new OptionCount(
                            q.isTrueFalse()
                                    ? ("true".equals(o.key) ? language.trueLabel() : language.falseLabel())
                                    : language.pick(o.textVi, o.textEn),
                            o.correct,
                            chosen.getOrDefault(o.id, 0L)))
                    .toList();
            long shown = ((Number) r[1]).longValue();
            result.add(new Row(
                    number++,
                    q.key,
                    q.type,
                    language.pick(q.stemVi, q.stemEn),
                    shown,
                    ((Number) r[2]).longValue(),
                    shown == 0 ? null : toDouble(r[3]),
                    toDouble(r[4]),
                    optionCounts,
                    q.retired));
        }
        return result;
    }

    private static Double toDouble(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
