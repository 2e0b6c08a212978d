package vn.hocso.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutOfTimeAttemptsTest {

    @Test
    void anAttemptThatCannotBeGradedDoesNotStopTheSweepForTheOthers() {
        List<Long> closed = new ArrayList<>();
        OutOfTimeAttempts sweep = new OutOfTimeAttempts();
        sweep.quizzes = new QuizService() {
            @Override
            boolean closeIfOutOfTime(long attemptId) {
                if (attemptId == 2) {
                    throw new IllegalStateException("a broken attempt");
                }
                closed.add(attemptId);
                return true;
            }
        };
        sweep.closeEach(List.of(1L, 2L, 3L));
        assertEquals(List.of(1L, 3L), closed);
    }
}
