package vn.hocso.video;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/** A WebVTT caption file of a lesson in one language. */
@Entity
@Table(name = "video_caption")
@IdClass(VideoCaption.Key.class)
public class VideoCaption extends PanacheEntityBase {

    /** The languages captions may be in: the platform's own. */
    public static final List<String> LANGUAGES = List.of("vi", "en");

    @Id
    @Column(name = "lesson_id")
    public Long lessonId;

    @Id
    public String lang;

    @Column(name = "object_key")
    public String objectKey;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public static List<VideoCaption> listOfLesson(long lessonId) {
        return list("lessonId = ?1 order by lang desc", lessonId);
    }

    /** Composite key (lesson, language). */
    public static class Key implements Serializable {
        public Long lessonId;
        public String lang;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(lessonId, k.lessonId) && Objects.equals(lang, k.lang);
        }

        @Override
        public int hashCode() {
            return Objects.hash(lessonId, lang);
        }
    }
}
