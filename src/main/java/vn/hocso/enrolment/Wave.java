package vn.hocso.enrolment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A training wave (đợt bồi dưỡng) of a unit's subtree: courses, target groups, a window, headcount targets. */
@Entity
public class Wave extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "unit_id")
    public Long unitId;

    public String name;

    /** Target-group codes; empty means everyone of the subtree. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "target_groups", columnDefinition = "varchar(20)[]")
    public String[] targetGroups;

    @Column(name = "starts_on")
    public LocalDate startsOn;

    @Column(name = "due_on")
    public LocalDate dueOn;

    public WaveStatus status;

    @Column(name = "created_by")
    public Long createdBy;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Column(name = "ended_at")
    public OffsetDateTime endedAt;

    public boolean isDraft() {
        return status == WaveStatus.DRAFT;
    }

    public boolean isOpen() {
        return status == WaveStatus.OPEN;
    }
}
