package vn.hocso.quiz;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import vn.hocso.web.Dates;

/** One sitting of a quiz by one learner: open until submitted or out of time, then graded once. */
@Entity
@Table(name = "quiz_attempt")
class QuizAttempt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "quiz_id")
    public Long quizId;

    @Column(name = "person_id")
    public Long personId;

    public int number;

    public AttemptStatus status;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    /** The server's deadline; null when the quiz has no time limit. */
    public OffsetDateTime deadline;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    public boolean expired;

    public Double score;

    @Column(name = "max_score")
    public Double maxScore;

    public Double percent;

    public Boolean passed;

    /** The quiz's pass mark when the attempt started: the mark it is graded against. */
    @Column(name = "pass_percent")
    public Integer passPercent;

    /** The bank version the attempt was drawn from; null for attempts older than bank versions. */
    @Column(name = "bank_version_id")
    public Long bankVersionId;

    public boolean isOpen() {
        return status == AttemptStatus.OPEN;
    }

    public boolean isGraded() {
        return status == AttemptStatus.GRADED;
    }

    /** Answers reaching the server after this are too late; null without a time limit. */
    OffsetDateTime lastAnswerAt() {
        return deadline == null ? null : deadline.plus(Grading.GRACE);
    }

    /** Out of time: answers are no longer taken, and the attempt is graded on what was saved. */
    boolean isOutOfTime(OffsetDateTime now) {
        return isOpen() && deadline != null && now.isAfter(lastAnswerAt());
    }

    /** Whole seconds left before the deadline, for the countdown; 0 once it has passed. */
    public long secondsLeft() {
        return deadline == null
                ? 0
                : Math.max(0, Duration.between(OffsetDateTime.now(), deadline).toSeconds());
    }

    /** Percent rounded to a whole number for display. */
    public long roundedPercent() {
        return percent == null ? 0 : Math.round(Math.floor(percent + 1e-9));
    }

    /** Minutes and seconds the learner took, up to submission. */
    public String duration() {
        if (submittedAt == null) {
            return "";
        }
        OffsetDateTime end = deadline != null && submittedAt.isAfter(deadline) ? deadline : submittedAt;
        long seconds = Math.max(0, Duration.between(startedAt, end).toSeconds());
        return String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    public String startedAtText() {
        return Dates.time(startedAt);
    }

    public String deadlineText() {
        return deadline == null ? "" : Dates.time(deadline);
    }

    /** The learner's attempts at a quiz, oldest first. */
    static List<QuizAttempt> listOfPerson(long personId, long quizId) {
        return list("personId = ?1 and quizId = ?2 order by number", personId, quizId);
    }

    static Optional<QuizAttempt> findOpen(long personId, long quizId) {
        return find("personId = ?1 and quizId = ?2 and status = ?3", personId, quizId, AttemptStatus.OPEN)
                .firstResultOptional();
    }

    /** Open attempts whose time ran out, for the sweep that grades them. */
    static List<Long> listOutOfTimeIds(OffsetDateTime now, int limit) {
        return getEntityManager()
                .createQuery(
                        "select a.id from QuizAttempt a where a.status = ?1 and a.deadline < ?2 order by a.deadline",
                        Long.class)
                .setParameter(1, AttemptStatus.OPEN)
                .setParameter(2, now.minus(Grading.GRACE))
                .setMaxResults(limit)
                .getResultList();
    }
}
