package vn.hocso.quiz;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.ws.rs.NotFoundException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The quiz of a quiz lesson: how attempts are drawn, timed, limited, graded and reviewed. */
@Entity
class Quiz extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "lesson_id")
    public Long lessonId;

    @Column(name = "course_id")
    public Long courseId;

    @Column(name = "draw_count")
    public Integer drawCount;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "draw_by_tag")
    public Map<String, Integer> drawByTag;

    @Column(name = "shuffle_questions")
    public boolean shuffleQuestions;

    @Column(name = "shuffle_options")
    public boolean shuffleOptions;

    @Column(name = "time_limit_seconds")
    public Integer timeLimitSeconds;

    @Column(name = "max_attempts")
    public Integer maxAttempts;

    @Column(name = "delay_minutes")
    public int delayMinutes;

    @Column(name = "pass_percent")
    public int passPercent;

    public Counting counting;

    public ReviewPolicy review;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** The bank as last published: new attempts are drawn from it (written with the quiz by its import). */
    @Column(name = "bank_version_id")
    public Long bankVersionId;

    public boolean hasTimeLimit() {
        return timeLimitSeconds != null;
    }

    public long timeLimitMinutes() {
        return timeLimitSeconds == null
                ? 0
                : Duration.ofSeconds(timeLimitSeconds).toMinutes();
    }

    public boolean isLimited() {
        return maxAttempts != null;
    }

    public boolean countsHighest() {
        return counting != Counting.LAST;
    }

    /** How many questions an attempt has: the draw, or the whole bank. */
    public int questionsPerAttempt(int bankSize) {
        if (drawByTag != null && !drawByTag.isEmpty()) {
            return Math.min(
                    bankSize,
                    drawByTag.values().stream().mapToInt(Integer::intValue).sum());
        }
        return drawCount == null ? bankSize : Math.min(drawCount, bankSize);
    }

    static Optional<Quiz> findByLesson(long lessonId) {
        return find("lessonId", lessonId).firstResultOptional();
    }

    static Quiz getByLesson(long lessonId) {
        return findByLesson(lessonId).orElseThrow(NotFoundException::new);
    }
}
