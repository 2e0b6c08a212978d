package vn.hocso.video;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One uploaded version of a lesson's video: its source object, its transcoding and, once ready, its HLS ladder. */
@Entity
public class Video extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "lesson_id")
    public Long lessonId;

    public VideoState status;

    @Column(name = "source_key")
    public String sourceKey;

    /** Every object of this version lives under it: source, hls/…, poster.jpg. */
    public String prefix;

    @Column(name = "size_bytes")
    public Long sizeBytes;

    @Column(name = "import_source")
    public String importSource;

    /** Why it failed: the suffix of an error_… message of the video bundle. */
    @Column(name = "error_code")
    public String errorCode;

    @Column(name = "duration_ms")
    public Integer durationMs;

    /** The HLS renditions, lowest first; "audio" is the audio-only one. A JSON array of their records. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Rendition> renditions;

    @Column(name = "poster_key")
    public String posterKey;

    @Column(name = "created_by")
    public Long createdBy;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "ready_at")
    public OffsetDateTime readyAt;

    /** A version a player may still ask for: the current one, or one replaced less than a day ago. */
    public boolean isPlayable() {
        return status == VideoState.READY || status == VideoState.REPLACED;
    }

    public boolean hasRendition(String name) {
        return renditions != null && renditions.stream().anyMatch(r -> name.equals(r.name()));
    }

    public boolean hasAudioOnly() {
        return renditions != null && renditions.stream().anyMatch(Rendition::isAudioOnly);
    }

    /** Those of {@code prefixes} that some version (in any state) has as its folder. */
    static List<String> prefixesAmong(List<String> prefixes) {
        return getEntityManager()
                .createQuery("select v.prefix from Video v where v.prefix in ?1", String.class)
                .setParameter(1, prefixes)
                .getResultList();
    }

    public static Optional<Video> findOfLesson(long lessonId, long id) {
        return find("id = ?1 and lessonId = ?2", id, lessonId).firstResultOptional();
    }

    /** The newest version of a lesson's video, whatever its status. */
    public static Optional<Video> findLatestOfLesson(long lessonId) {
        return find("lessonId = ?1 order by id desc", lessonId).firstResultOptional();
    }

    /** The version imported from this file, if it was already imported. */
    public static Optional<Video> findImported(long lessonId, String importSource) {
        return find(
                        "lessonId = ?1 and importSource = ?2 and status <> ?3 order by id desc",
                        lessonId,
                        importSource,
                        VideoState.FAILED)
                .firstResultOptional();
    }
}
