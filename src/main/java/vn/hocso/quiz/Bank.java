package vn.hocso.quiz;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A quiz's question bank as it stands after an import, read once and kept in memory by {@link Banks}: every
 * question and option, retired ones included, since past attempts point at them. Immutable.
 */
record Bank(long quizId, OffsetDateTime version, Map<Long, Question> questions, Map<Long, Option> options) {

    record Question(long id, String key, String type, double weight, String stemVi, String stemEn,
            String feedbackVi, String feedbackEn, List<String> accepted, boolean retired) {

        boolean isText() {
            return QuizDefinition.TEXT.equals(type);
        }

        boolean isTrueFalse() {
            return QuizDefinition.TRUE_FALSE.equals(type);
        }
    }

    record Option(long id, long questionId, String key, String textVi, String textEn, boolean correct) {
    }

    static Bank read(Quiz quiz) {
        List<QuizQuestion> questions = QuizQuestion.listAllOfQuiz(quiz.id);
        Map<Long, Question> byId = new HashMap<>();
        for (QuizQuestion q : questions) {
            byId.put(q.id, new Question(q.id, q.key, q.type, q.weight, q.stemVi, q.stemEn, q.feedbackVi,
                    q.feedbackEn, q.accepted == null ? List.of() : List.of(q.accepted), q.retired));
        }
        Map<Long, Option> options = new HashMap<>();
        for (QuizOption o : QuizOption.listOfQuestions(byId.keySet())) {
            options.put(o.id, new Option(o.id, o.questionId, o.key, o.textVi, o.textEn, o.correct));
        }
        return new Bank(quiz.id, quiz.updatedAt, Map.copyOf(byId), Map.copyOf(options));
    }

    Question question(long id) {
        return questions.get(id);
    }

    Option option(long id) {
        return options.get(id);
    }

    /** What the grader needs of a question: never sent to the browser. */
    Grading.AnswerKey answerKey(long questionId) {
        Question q = questions.get(questionId);
        Set<Long> correct = new LinkedHashSet<>();
        options.values().stream().filter(o -> o.questionId() == questionId && o.correct())
                .forEach(o -> correct.add(o.id()));
        return new Grading.AnswerKey(q.type(), q.weight(), correct, q.accepted());
    }
}
