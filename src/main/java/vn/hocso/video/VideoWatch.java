package vn.hocso.video;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * What a learner watched of a lesson, for reading (resume position, covered share). The watched intervals
 * themselves (an int4multirange) are only written and read by {@link Heartbeats} in SQL.
 */
@Entity
@Table(name = "video_watch")
@IdClass(VideoWatch.Key.class)
public class VideoWatch extends PanacheEntityBase {

    @Id
    @Column(name = "person_id")
    public Long personId;

    @Id
    @Column(name = "lesson_id")
    public Long lessonId;

    @Column(name = "covered_ms")
    public int coveredMs;

    @Column(name = "position_ms")
    public int positionMs;

    @Column(name = "last_beat_at")
    public OffsetDateTime lastBeatAt;

    @Column(name = "completed_at")
    public OffsetDateTime completedAt;

    public static Optional<VideoWatch> findOf(long personId, long lessonId) {
        return find("personId = ?1 and lessonId = ?2", personId, lessonId).firstResultOptional();
    }

    /** Composite key (person, lesson). */
    public static class Key implements Serializable {
        public Long personId;
        public Long lessonId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(personId, k.personId) && Objects.equals(lessonId, k.lessonId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(personId, lessonId);
        }
    }
}
