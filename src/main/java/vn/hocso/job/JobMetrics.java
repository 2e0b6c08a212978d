package vn.hocso.job;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * What the job table tells an operator, per job kind: how long each run took and how it ended
 * ({@code hocso_job_runs_seconds{kind,outcome}}: transcodes, certificate PDFs, background exports, reminder mails), and
 * how much waits ({@code hocso_jobs_queued}, {@code hocso_jobs_running}, {@code hocso_jobs_oldest_queued_seconds}: the
 * age of the oldest job that is due and not taken, the figure that says the workers do not keep up). The queue is read
 * from the database every 15 seconds by each instance, not at each scrape: a scrape never waits on the database.
 */
@ApplicationScoped
public class JobMetrics {

    private static final Logger LOG = Logger.getLogger(JobMetrics.class);

    /** The three ways a run ends: done, failed for good, or failed and to be tried again. */
    enum Outcome {
        DONE,
        FAILED,
        RETRY
    }

    @Inject
    MeterRegistry registry;

    @Inject
    EntityManager em;

    @Inject
    Instance<JobHandler> handlers;

    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Set<String> knownKinds = ConcurrentHashMap.newKeySet();

    private MultiGauge queued;
    private MultiGauge running;
    private MultiGauge oldest;

    void ran(String kind, Outcome outcome, Duration took) {
        timer(kind, outcome).record(took);
    }

    private Timer timer(String kind, Outcome outcome) {
        return timers.computeIfAbsent(
                kind + "/" + outcome,
                k -> Timer.builder("hocso.job.runs")
                        .description("Job runs by kind and how they ended")
                        .tags("kind", kind, "outcome", outcome.name().toLowerCase(Locale.ROOT))
                        // a few buckets from a mail (a tenth of a second) to a long transcode (an hour), for the p95
                        // per kind
                        .serviceLevelObjectives(
                                Duration.ofMillis(100),
                                Duration.ofSeconds(1),
                                Duration.ofSeconds(10),
                                Duration.ofMinutes(1),
                                Duration.ofMinutes(5),
                                Duration.ofMinutes(15),
                                Duration.ofHours(1))
                        .register(registry));
    }

    /** One row per kind that has live jobs: counts and the age of the oldest due job. */
    record QueueRow(String kind, long queued, long running, double oldestSeconds) {}

    /** Every kind this instance knows is on the page from the start, at zero until the first reading. */
    void onStart(@Observes StartupEvent event) {
        for (JobHandler handler : handlers) {
            knownKinds.add(handler.kind());
            for (Outcome outcome : Outcome.values()) {
                timer(handler.kind(), outcome);
            }
        }
        publish(List.of());
    }

    @Scheduled(every = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            publish(read());
        } catch (RuntimeException e) {
            // the database is down: the dependency check says so; the figures keep their last values until it is back
            LOG.debugf("job queue figures not refreshed: %s", e.getMessage());
        }
    }

    List<QueueRow> read() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select kind,
                           count(*) filter (where status = 'queued'),
                           count(*) filter (where status = 'running'),
                           coalesce(extract(epoch from now() - min(run_after)
                               filter (where status = 'queued' and run_after <= now())), 0)
                    from job where status in ('queued', 'running') group by kind""").getResultList();
            List<QueueRow> out = new ArrayList<>();
            for (Object[] r : rows) {
                out.add(new QueueRow(
                        (String) r[0],
                        ((Number) r[1]).longValue(),
                        ((Number) r[2]).longValue(),
                        ((Number) r[3]).doubleValue()));
            }
            return out;
        });
    }

    synchronized void publish(List<QueueRow> rows) {
        if (queued == null) {
            queued = MultiGauge.builder("hocso.jobs.queued")
                    .description("Jobs waiting to be taken, by kind")
                    .register(registry);
            running = MultiGauge.builder("hocso.jobs.running")
                    .description("Jobs being run by some instance, by kind")
                    .register(registry);
            oldest = MultiGauge.builder("hocso.jobs.oldest.queued")
                    .baseUnit("seconds")
                    .description("Age of the oldest job that is due and not taken, by kind")
                    .register(registry);
        }
        // kinds with no live job go to zero rather than vanish, so an alert on age sees the queue drain
        Map<String, QueueRow> byKind = new ConcurrentHashMap<>();
        for (String kind : knownKinds) {
            byKind.put(kind, new QueueRow(kind, 0, 0, 0));
        }
        for (QueueRow row : rows) {
            byKind.put(row.kind(), row);
            knownKinds.add(row.kind());
        }
        queued.register(
                byKind.values().stream()
                        .map(r -> MultiGauge.Row.of(Tags.of("kind", r.kind()), r.queued()))
                        .toList(),
                true);
        running.register(
                byKind.values().stream()
                        .map(r -> MultiGauge.Row.of(Tags.of("kind", r.kind()), r.running()))
                        .toList(),
                true);
        oldest.register(
                byKind.values().stream()
                        .map(r -> MultiGauge.Row.of(Tags.of("kind", r.kind()), r.oldestSeconds()))
                        .toList(),
                true);
    }
}
