package vn.hocso.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class AvailabilityTest {

    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-03-18T10:00:00+07:00");

    private static Quiz quiz(Integer maxAttempts, int delayMinutes) {
        Quiz quiz = new Quiz();
        quiz.maxAttempts = maxAttempts;
        quiz.delayMinutes = delayMinutes;
        return quiz;
    }

    private static QuizAttempt graded(OffsetDateTime submitted) {
        QuizAttempt attempt = new QuizAttempt();
        attempt.status = AttemptStatus.GRADED;
        attempt.startedAt = submitted.minusMinutes(5);
        attempt.submittedAt = submitted;
        return attempt;
    }

    @Test
    void aFirstAttemptMayStart() {
        assertTrue(Availability.of(quiz(3, 10), List.of(), NOW).canStart());
    }

    @Test
    void noAttemptStartsOnceTheLimitIsReached() {
        Availability a = Availability.of(quiz(2, 0), List.of(graded(NOW.minusDays(2)), graded(NOW.minusDays(1))), NOW);
        assertTrue(a.limitReached());
        assertFalse(a.canStart());
        assertEquals(0, a.left());
    }

    @Test
    void withoutALimitAttemptsNeverRunOut() {
        Availability a =
                Availability.of(quiz(null, 0), List.of(graded(NOW.minusDays(1)), graded(NOW.minusHours(1))), NOW);
        assertTrue(a.canStart());
        assertEquals(null, a.left());
    }

    @Test
    void theNextAttemptWaitsForTheDelayAfterTheLastOne() {
        Availability waiting = Availability.of(quiz(null, 30), List.of(graded(NOW.minusMinutes(10))), NOW);
        assertTrue(waiting.waiting());
        assertFalse(waiting.canStart());
        assertEquals(NOW.plusMinutes(20), waiting.notBefore());
        assertTrue(Availability.of(quiz(null, 30), List.of(graded(NOW.minusMinutes(31))), NOW)
                .canStart());
    }

    @Test
    void theDelayOfAnAttemptClosedLateByTheSweepRunsFromItsDeadline() {
        QuizAttempt expired = graded(NOW.minusMinutes(5));
        expired.deadline = NOW.minusHours(1);
        assertTrue(Availability.of(quiz(null, 30), List.of(expired), NOW).canStart());
    }

    @Test
    void anOpenAttemptIsResumedNotDoubled() {
        QuizAttempt open = new QuizAttempt();
        open.status = AttemptStatus.OPEN;
        Availability a = Availability.of(quiz(3, 0), List.of(open), NOW);
        assertTrue(a.hasOpen());
        assertFalse(a.canStart());
    }
}
