package vn.hocso.quiz;

import java.time.OffsetDateTime;
import java.util.List;
import vn.hocso.web.Dates;

/**
 * Whether a learner may start a new attempt now: not while one is open, not beyond the attempt limit, not before
 * the delay after their last attempt has passed. Checked on the server for pages and API alike.
 */
record Availability(int used, Integer left, boolean hasOpen, OffsetDateTime notBefore) {

    static Availability of(Quiz quiz, List<QuizAttempt> attempts, OffsetDateTime now) {
        int used = attempts.size();
        Integer left = quiz.maxAttempts == null ? null : Math.max(0, quiz.maxAttempts - used);
        boolean hasOpen = attempts.stream().anyMatch(QuizAttempt::isOpen);
        OffsetDateTime notBefore = null;
        if (quiz.delayMinutes > 0) {
            notBefore = attempts.stream()
                    .filter(QuizAttempt::isGraded)
                    .map(Availability::finishedAt)
                    .max(OffsetDateTime::compareTo)
                    .map(at -> at.plusMinutes(quiz.delayMinutes))
                    .filter(at -> at.isAfter(now))
                    .orElse(null);
        }
        return new Availability(used, left, hasOpen, notBefore);
    }

    /** When an attempt ended for the learner: submission, or the deadline for one that ran out of time. */
    private static OffsetDateTime finishedAt(QuizAttempt attempt) {
        OffsetDateTime last = attempt.lastAnswerAt();
        return last != null && attempt.submittedAt.isAfter(last) ? last : attempt.submittedAt;
    }

    /** When the next attempt may start, as a learner in Vietnam reads the time. */
    public String notBeforeText() {
        return notBefore == null ? "" : Dates.time(notBefore);
    }

    public boolean limitReached() {
        return left != null && left == 0;
    }

    public boolean waiting() {
        return notBefore != null;
    }

    public boolean canStart() {
        return !hasOpen && !limitReached() && !waiting();
    }
}
