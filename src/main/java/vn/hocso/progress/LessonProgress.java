package vn.hocso.progress;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** How far a person is with one lesson; completed_at is set once, when the lesson's own rule is met. */
@Entity
@Table(name = "lesson_progress")
public class LessonProgress extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "person_id")
    public Long personId;

    @Column(name = "lesson_id")
    public Long lessonId;

    @Column(name = "completed_at")
    public OffsetDateTime completedAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
