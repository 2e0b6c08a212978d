package vn.hocso.quiz;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A quiz's question bank as it stands after an import, read once and kept in memory by {@link QuestionBankCache}: every
 * question and option, retired ones included, since past attempts point at them. Immutable.
 */
record QuestionBank(
        long quizId,
        OffsetDateTime version,
        Map<Long, Question> questions,
        Map<Long, Option> options,
        Map<Long, Grading.AnswerKey> answerKeys) {

    record Question(
            long id,
            String key,
            QuestionType type,
            double weight,
            String stemVi,
            String stemEn,
            String feedbackVi,
            String feedbackEn,
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

    static QuestionBank read(Quiz quiz) {
        List<QuizQuestion> questions = QuizQuestion.listAllOfQuiz(quiz.id);
        Map<Long, Question> byId = new HashMap<>();
        for (QuizQuestion q : questions) {
            byId.put(
                    q.id,
                    new Question(
                            q.id,
                            q.key,
                            q.type,
                            q.weight,
                            q.stemVi,
                            q.stemEn,
                            q.feedbackVi,
                            q.feedbackEn,
                            q.accepted == null ? List.of() : List.of(q.accepted),
                            q.retired));
        }
        Map<Long, Option> options = new HashMap<>();
        for (QuizOption o : QuizOption.listOfQuestions(byId.keySet())) {
            options.put(o.id, new Option(o.id, o.questionId, o.key, o.textVi, o.textEn, o.correct));
        }
        Map<Long, Set<Long>> correct = new HashMap<>();
        options.values().stream()
                .filter(Option::correct)
                .forEach(o -> correct.computeIfAbsent(o.questionId(), id -> new LinkedHashSet<>())
                        .add(o.id()));
        Map<Long, Grading.AnswerKey> keys = new HashMap<>();
        byId.values()
                .forEach(q -> keys.put(
                        q.id(),
                        new Grading.AnswerKey(
                                q.type(), q.weight(), correct.getOrDefault(q.id(), Set.of()), q.accepted())));
        return new QuestionBank(quiz.id, quiz.updatedAt, Map.copyOf(byId), Map.copyOf(options), Map.copyOf(keys));
    }

    Question question(long id) {
        return questions.get(id);
    }

    Option option(long id) {
        return options.get(id);
    }

    /** What the grader needs of a question: never sent to the browser. */
    Grading.AnswerKey answerKey(long questionId) {
        return answerKeys.get(questionId);
    }
}
