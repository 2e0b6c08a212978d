package vn.hocso.unitadmin;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One uploaded roster (or unit) file: its dry run, kept row by row, and whether it was applied. */
@Entity
@Table(name = "roster_import")
class RosterImport extends PanacheEntityBase {

    static final String ROSTER = "roster";
    static final String UNITS = "units";
    static final String DRY_RUN = "dry-run";
    static final String APPLIED = "applied";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String kind;

    @Column(name = "admin_id")
    public Long adminId;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "file_key")
    public String fileKey;

    @Column(name = "file_sha256")
    public String fileSha256;

    public String status;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "scope_paths", columnDefinition = "text[]")
    public String[] scopePaths;

    @JdbcTypeCode(SqlTypes.JSON)
    public String plan;

    @Column(name = "plan_hash")
    public String planHash;

    @Column(name = "new_rows")
    public int newRows;

    @Column(name = "changed_rows")
    public int changedRows;

    @Column(name = "moved_rows")
    public int movedRows;

    @Column(name = "same_rows")
    public int sameRows;

    @Column(name = "rejected_rows")
    public int rejectedRows;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "applied_at")
    public OffsetDateTime appliedAt;

    public boolean isApplied() {
        return APPLIED.equals(status);
    }
}
