package vn.hocso.quiz;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;

/**
 * Question banks kept in memory (the {@value #CACHE} cache, bounded in application.properties), by bank version. A
 * version never changes once written — a publication that changes a bank writes a new one and points the quiz at it
 * — so a bank read once stays right on every instance, with nothing to check. Grading, attempt pages and reviews
 * then read no question or option rows.
 */
@ApplicationScoped
class QuestionBankCache {

    static final String CACHE = "question-banks";

    @Inject
    @CacheName(CACHE)
    Cache cache;

    private CaffeineCache byVersion;

    @PostConstruct
    void init() {
        byVersion = cache.as(CaffeineCache.class);
    }

    /** The quiz's current bank: the one new attempts are drawn from. */
    QuestionBank of(Quiz quiz) {
        if (quiz.bankVersionId == null) {
            throw new IllegalStateException("quiz " + quiz.id + " has no bank version; it is written by its import");
        }
        return version(quiz.bankVersionId);
    }

    /**
     * The bank the attempt was drawn from, which it is shown, graded and reviewed with; attempts older than bank
     * versions use the quiz's current one.
     */
    QuestionBank of(QuizAttempt attempt) {
        return attempt.bankVersionId != null ? version(attempt.bankVersionId) : of(Quiz.<Quiz>findById(attempt.quizId));
    }

    private QuestionBank version(long versionId) {
        CompletableFuture<QuestionBank> known = byVersion.getIfPresent(versionId);
        QuestionBank bank =
                known != null && known.isDone() && !known.isCompletedExceptionally() ? known.getNow(null) : null;
        if (bank == null) {
            // read here, in the caller's transaction, not inside the cache: the row is read with its session
            QuizBankVersion stored = QuizBankVersion.findById(versionId);
            bank = QuestionBank.of(versionId, stored.content);
            byVersion.put(versionId, CompletableFuture.completedFuture(bank));
        }
        return bank;
    }
}
