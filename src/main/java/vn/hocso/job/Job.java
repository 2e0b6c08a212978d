package vn.hocso.job;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A unit of background work and where it stands. */
@Entity
public class Job extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String kind;

    /** What the handler needs, as simple values (ids, keys). */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> payload;

    @Column(name = "dedupe_key")
    public String dedupeKey;

    public JobStatus status;

    public int attempts;

    @Column(name = "max_attempts")
    public int maxAttempts;

    @Column(name = "run_after")
    public OffsetDateTime runAfter;

    @Column(name = "locked_by")
    public String lockedBy;

    @Column(name = "locked_until")
    public OffsetDateTime lockedUntil;

    /** 0–100 while running, for work a person watches (transcoding). */
    public Integer progress;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    public static Optional<Job> findByDedupeKey(String key) {
        return find("dedupeKey", key).firstResultOptional();
    }

    /** A payload value as text; handlers store ids and keys only. */
    public String param(String name) {
        Object value = payload == null ? null : payload.get(name);
        return value == null ? null : value.toString();
    }

    public long longParam(String name) {
        return Long.parseLong(param(name));
    }
}
