package vn.hocso.report;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import vn.hocso.config.HocsoConfig;
import vn.hocso.job.Jobs;
import vn.hocso.storage.ObjectStore;

/**
 * The rules of background exports: one live export per admin, a job per export, and exports deleted (file and row)
 * once their time is up. The job itself is {@link ExportJob}.
 */
@ApplicationScoped
class BackgroundExports {

    private static final Logger LOG = Logger.getLogger(BackgroundExports.class);

    static final String KIND = "report-export";
    static final int MAX_ATTEMPTS = 3;

    /**
     * A live export not heard from for this long is taken as failed: its instance died during its last attempt (the
     * job table has given it up), and it must not block its owner for ever. A running export reports every few
     * thousand rows, and a queued one waits at most a few minutes for its retry.
     */
    static final Duration STALE = Duration.ofMinutes(15);

    @Inject
    Jobs jobs;

    @Inject
    ObjectStore store;

    @Inject
    HocsoConfig config;

    @Inject
    EntityManager em;

    /** Where the files of an export are written, one key per attempt. */
    static String prefix(long exportId) {
        return "exports/" + exportId + "/";
    }

    /**
     * Queues a people export for {@code who}, or returns empty when they already have one queued or running. Requests
     * of one admin are serialised by a lock on their subject, so two clicks cannot start two exports.
     */
    @Transactional
    Optional<ReportExport> start(
            Exports.Who who, String language, String[] scope, ReportFilters f, Exports.Format format, String fileName) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('report-export:' || ?1))")
                .setParameter(1, who.subject())
                .getSingleResult();
        OffsetDateTime now = OffsetDateTime.now();
        ReportExport.update(
                "status = ?1, error = ?2, updatedAt = ?3 where ownerSubject = ?4 and status in (?5, ?6) and updatedAt < ?7",
                ReportExport.FAILED,
                "stopped: no worker reported for " + STALE.toMinutes() + " minutes",
                now,
                who.subject(),
                ReportExport.QUEUED,
                ReportExport.RUNNING,
                now.minus(STALE));
        if (ReportExport.count(
                        "ownerSubject = ?1 and status in (?2, ?3)",
                        who.subject(),
                        ReportExport.QUEUED,
                        ReportExport.RUNNING)
                > 0) {
            return Optional.empty();
        }
        ReportExport e = new ReportExport();
        e.ownerSubject = who.subject();
        e.ownerName = who.name();
        e.language = language;
        e.personalData = who.personalData();
        e.unitId = f.unit().id;
        e.filters = f.query();
        e.scope = scope;
        e.format = format.extension;
        e.status = ReportExport.QUEUED;
        e.fileName = fileName;
        e.updatedAt = now;
        e.persist();
        em.flush();
        jobs.enqueue(KIND, Map.of("export", e.id), KIND + ":" + e.id, MAX_ATTEMPTS);
        return Optional.of(e);
    }

    /** Lists what an admin sees on "my exports". */
    @Transactional
    List<ReportExport> of(String subject) {
        return ReportExport.listKeptFor(
                subject, OffsetDateTime.now().minus(config.reports().exportKeep()));
    }

    /**
     * Deletes the files and rows of exports whose time is up: finished ones past their expiry, failed ones after as
     * long. Every instance may run it: deleting twice is harmless.
     */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        sweep(OffsetDateTime.now());
    }

    int sweep(OffsetDateTime now) {
        List<Long> ids = QuarkusTransaction.requiringNew()
                .call(() -> ReportExport.<ReportExport>list(
                                "(status = ?1 and expiresAt < ?2) or (status = ?3 and updatedAt < ?4)",
                                ReportExport.DONE,
                                now,
                                ReportExport.FAILED,
                                now.minus(config.reports().exportKeep()))
                        .stream()
                        .map(e -> e.id)
                        .toList());
        for (long id : ids) {
            try {
                store.deleteAll(prefix(id));
                QuarkusTransaction.requiringNew().run(() -> ReportExport.deleteById(id));
            } catch (RuntimeException e) {
                LOG.warnf("Could not delete expired export %d: %s", id, e.getMessage());
            }
        }
        return ids.size();
    }
}
