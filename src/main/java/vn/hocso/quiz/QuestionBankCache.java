package vn.hocso.quiz;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;

/**
 * Question banks kept in memory (the {@value #CACHE} cache, bounded in application.properties): a bank changes only
 * when its course is imported, which stamps the quiz's updated_at, so a bank read at that version stays right until
 * the quiz row says otherwise. Every instance checks the version on the quiz row it reads anyway, so an import on one
 * instance replaces the bank — answer keys included — on all. Grading, attempt pages and reviews then read no
 * question or option rows.
 */
@ApplicationScoped
class QuestionBankCache {

    static final String CACHE = "question-banks";

    @Inject
    @CacheName(CACHE)
    Cache cache;

    private CaffeineCache byQuiz;

    @PostConstruct
    void init() {
        byQuiz = cache.as(CaffeineCache.class);
    }

    QuestionBank of(Quiz quiz) {
        CompletableFuture<QuestionBank> known = byQuiz.getIfPresent(quiz.id);
        QuestionBank bank =
                known != null && known.isDone() && !known.isCompletedExceptionally() ? known.getNow(null) : null;
        if (bank == null || !bank.version().isEqual(quiz.updatedAt)) {
            // read here, in the caller's transaction, not inside the cache: the rows are read with its session
            bank = QuestionBank.read(quiz);
            byQuiz.put(quiz.id, CompletableFuture.completedFuture(bank));
        }
        return bank;
    }
}
