package vn.hocso.quiz;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Question banks kept in memory: a bank changes only when its course is imported, which stamps the quiz's
 * updated_at, so a bank read at that version stays right until the quiz row says otherwise. Every instance checks
 * the version on the quiz row it reads anyway, so an import on one instance is seen by all. Grading, attempt pages
 * and reviews then read no question or option rows.
 */
@ApplicationScoped
class QuestionBankCache {

    private final Map<Long, QuestionBank> byQuiz = new ConcurrentHashMap<>();

    QuestionBank of(Quiz quiz) {
        QuestionBank bank = byQuiz.get(quiz.id);
        if (bank == null || !bank.version().isEqual(quiz.updatedAt)) {
            bank = QuestionBank.read(quiz);
            byQuiz.put(quiz.id, bank);
        }
        return bank;
    }
}
