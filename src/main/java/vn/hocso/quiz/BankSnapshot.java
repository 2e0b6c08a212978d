package vn.hocso.quiz;

import java.util.ArrayList;
import java.util.List;

/**
 * A quiz's whole question bank at one publication, as stored in quiz_bank_version (JSON): what an attempt drawn from
 * it is shown, graded and reviewed with, whatever is published later. Retired questions and options are included,
 * since attempts drawn before they were retired point at them. V33 writes the first ones in this shape.
 */
record BankSnapshot(List<Question> questions, List<Option> options) {

    record Question(
            long id,
            String key,
            String type,
            double weight,
            String stemVi,
            String stemEn,
            String feedbackVi,
            String feedbackEn,
            List<String> tags,
            List<String> accepted,
            boolean retired) {}

    /** Options in their question's order. */
    record Option(
            long id, long questionId, String key, String textVi, String textEn, boolean correct, boolean retired) {}

    /** The bank as the quiz's rows hold it now (in the importer's transaction, after it wrote them). */
    static BankSnapshot read(long quizId) {
        List<Question> questions = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (QuizQuestion q : QuizQuestion.listAllOfQuiz(quizId)) {
            ids.add(q.id);
            questions.add(new Question(
                    q.id,
                    q.key,
                    q.type.code(),
                    q.weight,
                    q.stemVi,
                    q.stemEn,
                    q.feedbackVi,
                    q.feedbackEn,
                    q.tagList(),
                    q.accepted == null ? List.of() : List.of(q.accepted),
                    q.retired));
        }
        List<Option> options = QuizOption.listOfQuestions(ids).stream()
                .map(o -> new Option(o.id, o.questionId, o.key, o.textVi, o.textEn, o.correct, o.retired))
                .toList();
        return new BankSnapshot(List.copyOf(questions), options);
    }
}
