package vn.hocso.content;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.hocso.content.ImportReport.Outcome;

/** A recorded run of the importer. */
@Entity
@Table(name = "content_import")
class ContentImport extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "started_by")
    public String startedBy;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    public int created;

    public int updated;

    public int unchanged;

    public int rejected;

    @JdbcTypeCode(SqlTypes.JSON)
    public ImportReport report;

    /** True when nothing was written: the report says what an import would do. */
    @Column(name = "dry_run")
    public boolean dryRun;

    /** What was imported: null for the courses folder, the file name of an uploaded zip. */
    public String source;

    static ContentImport record(String startedBy, OffsetDateTime startedAt, ImportReport report) {
        ContentImport run = new ContentImport();
        run.startedBy = startedBy;
        run.startedAt = startedAt;
        run.report = report;
        run.created = report.count(Outcome.CREATED);
        run.updated = report.count(Outcome.UPDATED);
        // a course kept from the folder (edited on the web) is unchanged by this run; the report says why
        run.unchanged = report.count(Outcome.UNCHANGED) + report.count(Outcome.KEPT);
        run.rejected = report.count(Outcome.REJECTED);
        run.persist();
        return run;
    }

    static ContentImport recordZip(
            String startedBy, OffsetDateTime startedAt, ImportReport report, String zipName, boolean dryRun) {
        ContentImport run = record(startedBy, startedAt, report);
        run.source = zipName;
        run.dryRun = dryRun;
        return run;
    }

    static Optional<ContentImport> findLatest() {
        return find("order by startedAt desc").firstResultOptional();
    }
}
