package vn.hocso.quiz;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Grades attempts left open past their deadline (a closed tab, a lost phone) on the answers saved in time, so the
 * learner's result and completion do not wait for their next visit. Every instance sweeps; each attempt is graded
 * under its row lock, so two instances sweeping at once grade it once.
 */
@ApplicationScoped
class OutOfTimeAttempts {

    @Inject
    QuizService quizzes;

    @Scheduled(every = "${hocso.quiz.sweep}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void close() {
        List<Long> ids = QuarkusTransaction.requiringNew()
                .call(() -> QuizAttempt.listOutOfTimeIds(OffsetDateTime.now(), 500));
        ids.forEach(quizzes::closeIfOutOfTime);
    }
}
