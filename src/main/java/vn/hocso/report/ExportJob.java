package vn.hocso.report;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import vn.hocso.config.HocsoConfig;
import vn.hocso.job.Job;
import vn.hocso.job.JobContext;
import vn.hocso.job.JobHandler;
import vn.hocso.org.OrgUnit;
import vn.hocso.storage.ObjectStore;
import vn.hocso.web.Locales;

/**
 * Writes a background export to the object store, streaming from the database cursor through a multipart upload, so
 * memory does not grow with the rows. Each attempt writes under a key of its own and the export is marked done, with
 * that key, only after the store has the whole file: an attempt that dies leaves a half file no one is offered, the
 * job runs again from the start, and the half files are deleted when an attempt succeeds.
 */
@ApplicationScoped
class ExportJob implements JobHandler {

    /** What an attempt needs, read in one transaction at its start. */
    private record Work(
            ReportFilters filters,
            ReportSql sql,
            String[] scope,
            Exports.Format format,
            ReportMessages msg,
            Exports.Who who,
            Exports.About about) {}

    @Inject
    PeopleStatus people;

    @Inject
    Exports exports;

    @Inject
    ObjectStore store;

    @Inject
    HocsoConfig config;

    @Override
    public String kind() {
        return BackgroundExports.KIND;
    }

    @Override
    public void run(Job job, JobContext context) throws Exception {
        long id = job.longParam("export");
        Optional<Work> begun = QuarkusTransaction.requiringNew().call(() -> begin(id));
        if (begun.isEmpty()) {
            return;
        }
        Work w = begun.get();
        String key = BackgroundExports.prefix(id) + job.attempts + "-"
                + UUID.randomUUID().toString().substring(0, 8) + "." + w.format().extension;
        try {
            long total = people.count(w.scope(), w.filters(), Long.MAX_VALUE);
            written(id, 0, total);
            long rows;
            Counting out;
            try (ObjectStore.StreamedUpload upload = store.upload(key, w.format().mediaType)) {
                out = new Counting(upload.out());
                rows = exports.writePeople(
                        out, w.sql(), w.filters().end(), w.format(), w.msg(), w.who(), w.about(), n -> {
                            written(id, n, null);
                            context.progress(total == 0 ? 100 : (int) Math.min(99, n * 100 / total));
                        });
                upload.complete();
            }
            if (!finished(id, key, rows, out.bytes)) {
                // given up meanwhile (its owner's next request took it as stale): the file is no one's
                store.delete(key);
                return;
            }
            for (String other : store.list(BackgroundExports.prefix(id))) {
                if (!other.equals(key)) {
                    store.delete(other);
                }
            }
        } catch (Exception e) {
            failed(id, e, job.attempts >= job.maxAttempts);
            throw e;
        }
    }

    /** Marks the export running from scratch; empty when it is gone or no longer live. */
    private Optional<Work> begin(long id) {
        ReportExport e = ReportExport.findById(id);
        if (e == null || !e.isLive()) {
            return Optional.empty();
        }
        e.status = ReportExport.RUNNING;
        e.rowsWritten = 0;
        e.rowsTotal = null;
        e.error = null;
        e.updatedAt = OffsetDateTime.now();
        ReportMessages msg = Locales.messages(ReportMessages.class, Locale.forLanguageTag(e.language));
        String[] scope = e.scope;
        ReportFilters f;
        try {
            f = ReportFilters.parse(u -> inScope(u, scope), e.unitId, ReportFilters.params(e.filters), msg);
        } catch (WebApplicationException refused) {
            // the unit, course or wave is gone, or out of the scope it was asked in: retrying cannot help
            e.status = ReportExport.FAILED;
            e.error = "no longer there: " + refused.getMessage();
            return Optional.empty();
        }
        Exports.Format format = Exports.Format.of(e.format).orElseThrow();
        return Optional.of(new Work(
                f,
                people.statement(scope, f),
                scope,
                format,
                msg,
                new Exports.Who(e.ownerSubject, e.ownerName, e.personalData),
                Exports.about("people", f, f.unit().name, msg)));
    }

    private static boolean inScope(OrgUnit unit, String[] patterns) {
        for (String p : patterns) {
            if (p.endsWith("%") && unit.path.startsWith(p.substring(0, p.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    private static void written(long id, long rows, Long total) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (total == null) {
                ReportExport.update(
                        "rowsWritten = ?1, updatedAt = ?2 where id = ?3 and status = ?4",
                        rows,
                        OffsetDateTime.now(),
                        id,
                        ReportExport.RUNNING);
            } else {
                ReportExport.update(
                        "rowsWritten = ?1, updatedAt = ?2, rowsTotal = ?3 where id = ?4 and status = ?5",
                        rows,
                        OffsetDateTime.now(),
                        total,
                        id,
                        ReportExport.RUNNING);
            }
        });
    }

    private boolean finished(long id, String key, long rows, long bytes) {
        OffsetDateTime now = OffsetDateTime.now();
        return QuarkusTransaction.requiringNew()
                        .call(() -> ReportExport.update(
                                "status = ?1, objectKey = ?2, rowsWritten = ?3, bytes = ?4, finishedAt = ?5,"
                                        + " updatedAt = ?5, expiresAt = ?6 where id = ?7 and status = ?8",
                                ReportExport.DONE,
                                key,
                                rows,
                                bytes,
                                now,
                                now.plus(config.reports().exportKeep()),
                                id,
                                ReportExport.RUNNING))
                > 0;
    }

    private static void failed(long id, Exception cause, boolean last) {
        String message = String.valueOf(cause.getMessage());
        QuarkusTransaction.requiringNew()
                .run(() -> ReportExport.update(
                        "status = ?1, error = ?2, updatedAt = ?3 where id = ?4 and status = ?5",
                        last ? ReportExport.FAILED : ReportExport.QUEUED,
                        message.length() > 2000 ? message.substring(0, 2000) : message,
                        OffsetDateTime.now(),
                        id,
                        ReportExport.RUNNING));
    }

    /** Counts the bytes of the file as they go to the store. */
    private static final class Counting extends FilterOutputStream {
        long bytes;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            bytes += len;
        }
    }
}
