package vn.hocso.quiz;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Grades attempts left open past their deadline (a closed tab, a lost phone) on the answers saved in time, so the
 * learner's result and completion do not wait for their next visit. Every instance sweeps; each attempt is graded
 * under its row lock, so two instances sweeping at once grade it once.
 */
@ApplicationScoped
class OutOfTimeAttempts {

    private static final Logger LOG = Logger.getLogger(OutOfTimeAttempts.class);

    @Inject
    QuizService quizzes;

    @Scheduled(every = "${hocso.quiz.sweep}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void close() {
        List<Long> ids =
                QuarkusTransaction.requiringNew().call(() -> QuizAttempt.listOutOfTimeIds(OffsetDateTime.now(), 500));
        closeEach(ids);
    }

    /**
     * Each attempt in its own transaction and on its own: one that cannot be graded (a broken row, a lost
     * connection) is logged and tried again next sweep, and must not leave the attempts after it open.
     */
    void closeEach(List<Long> ids) {
        for (long id : ids) {
            try {
                quizzes.closeIfOutOfTime(id);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Quiz attempt %d out of time could not be graded", id);
            }
        }
    }
}
