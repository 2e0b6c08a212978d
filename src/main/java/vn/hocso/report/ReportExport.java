package vn.hocso.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A people export run in the background for one admin, and where it stands ("my exports"). */
@Entity
@Table(name = "report_export")
class ReportExport extends PanacheEntityBase {

    static final String QUEUED = "queued";
    static final String RUNNING = "running";
    static final String DONE = "done";
    static final String FAILED = "failed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "owner_subject")
    public String ownerSubject;

    @Column(name = "owner_name")
    public String ownerName;

    public String language;

    @Column(name = "personal_data")
    public boolean personalData;

    @Column(name = "unit_id")
    public long unitId;

    /** The filters as the report's query parameters. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> filters;

    /** The asker's scope when asked, as path patterns for {@code like any(?)}. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] scope;

    public String format;

    public String status;

    @Column(name = "rows_total")
    public Long rowsTotal;

    @Column(name = "rows_written")
    public long rowsWritten;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "object_key")
    public String objectKey;

    public Long bytes;

    public String error;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    /** The owner's exports still kept: done and not expired, running, or failed lately. */
    static List<ReportExport> listKeptFor(String subject, OffsetDateTime failedSince) {
        return list(
                "ownerSubject = ?1 and (expiresAt > ?2 or status in (?3, ?4) or (status = ?5 and updatedAt > ?6))"
                        + " order by createdAt desc, id desc",
                subject,
                OffsetDateTime.now(),
                QUEUED,
                RUNNING,
                FAILED,
                failedSince);
    }

    /** The owner's finished export, while it may be downloaded; another admin's is not found. */
    static Optional<ReportExport> findDownloadable(long id, String subject) {
        return find(
                        "id = ?1 and ownerSubject = ?2 and status = ?3 and expiresAt > ?4",
                        id,
                        subject,
                        DONE,
                        OffsetDateTime.now())
                .firstResultOptional();
    }

    public boolean isLive() {
        return QUEUED.equals(status) || RUNNING.equals(status);
    }

    public boolean isDone() {
        return DONE.equals(status);
    }

    public boolean isFailed() {
        return FAILED.equals(status);
    }
}
