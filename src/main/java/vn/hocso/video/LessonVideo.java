package vn.hocso.video;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;

/** The video version a lesson plays, and how much of it a learner must watch. */
@Entity
@Table(name = "lesson_video")
public class LessonVideo extends PanacheEntityBase {

    @Id
    @Column(name = "lesson_id")
    public Long lessonId;

    @Column(name = "video_id")
    public Long videoId;

    @Column(name = "coverage_threshold")
    public BigDecimal coverageThreshold;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public static Optional<LessonVideo> findOfLesson(long lessonId) {
        return findByIdOptional(lessonId);
    }

    /** The ready version learners play, if there is one. */
    public static Optional<Video> findPlaying(long lessonId) {
        return findOfLesson(lessonId)
                .filter(lv -> lv.videoId != null)
                .map(lv -> Video.<Video>findById(lv.videoId))
                .filter(v -> v.status == VideoState.READY);
    }
}
