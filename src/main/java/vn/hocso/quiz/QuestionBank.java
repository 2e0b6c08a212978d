package vn.hocso.quiz;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.hocso.codes.Coded;

/**
 * One version of a quiz's question bank (a {@link BankSnapshot} as published), read once and kept in memory by
 * {@link QuestionBankCache}: every question and option, retired ones included, since attempts point at them, and the
 * active ones in the bank's order, which new attempts are drawn from. Immutable, like the version it comes from.
 */
record QuestionBank(
        long versionId,
        Map<Long, Question> questions,
        Map<Long, Option> options,
        Map<Long, Grading.AnswerKey> answerKeys,
        List<Question> active,
        Map<Long, List<Option>> activeOptions) {

    record Question(
            long id,
            String key,
            QuestionType type,
            double weight,
            String stemVi,
            String stemEn,
            String feedbackVi,
            String feedbackEn,
            List<String> tags,
            List<String> accepted,
            boolean retired) {

        boolean isText() {
            return type == QuestionType.TEXT;
        }

        boolean isTrueFalse() {
            return type == QuestionType.TRUE_FALSE;
        }
    }

    record Option(long id, long questionId, String key, String textVi, String textEn, boolean correct) {}

    static QuestionBank of(long versionId, BankSnapshot snapshot) {
        Map<Long, Question> byId = new HashMap<>();
        List<Question> active = new ArrayList<>();
        for (BankSnapshot.Question q : snapshot.questions()) {
            Question question = new Question(
                    q.id(),
                    q.key(),
                    Coded.fromCode(QuestionType.class, q.type())
                            .orElseThrow(() -> new IllegalStateException("unknown question type " + q.type())),
                    q.weight(),
                    q.stemVi(),
                    q.stemEn(),
                    q.feedbackVi(),
                    q.feedbackEn(),
                    q.tags() == null ? List.of() : List.copyOf(q.tags()),
                    q.accepted() == null ? List.of() : List.copyOf(q.accepted()),
                    q.retired());
            byId.put(question.id(), question);
            if (!question.retired()) {
                active.add(question);
            }
        }
        Map<Long, Option> options = new HashMap<>();
        Map<Long, List<Option>> activeOptions = new LinkedHashMap<>();
        Map<Long, Set<Long>> correct = new HashMap<>();
        for (BankSnapshot.Option o : snapshot.options()) {
            Option option = new Option(o.id(), o.questionId(), o.key(), o.textVi(), o.textEn(), o.correct());
            options.put(option.id(), option);
            if (!o.retired()) {
                activeOptions
                        .computeIfAbsent(o.questionId(), id -> new ArrayList<>())
                        .add(option);
            }
            if (o.correct()) {
                correct.computeIfAbsent(o.questionId(), id -> new LinkedHashSet<>())
                        .add(o.id());
            }
        }
        Map<Long, Grading.AnswerKey> keys = new HashMap<>();
        byId.values()
                .forEach(q -> keys.put(
                        q.id(),
                        new Grading.AnswerKey(
                                q.type(), q.weight(), correct.getOrDefault(q.id(), Set.of()), q.accepted())));
        Map<Long, List<Option>> shown = new HashMap<>();
        activeOptions.forEach((id, list) -> shown.put(id, List.copyOf(list)));
        return new QuestionBank(
                versionId,
                Map.copyOf(byId),
                Map.copyOf(options),
                Map.copyOf(keys),
                List.copyOf(active),
                Map.copyOf(shown));
    }

    Question question(long id) {
        return questions.get(id);
    }

    Option option(long id) {
        return options.get(id);
    }

    /** The options a new attempt shows for a question, in the bank's order. */
    List<Option> activeOptions(long questionId) {
        return activeOptions.getOrDefault(questionId, List.of());
    }

    /** What the grader needs of a question: never sent to the browser. */
    Grading.AnswerKey answerKey(long questionId) {
        return answerKeys.get(questionId);
    }
}
