package vn.hocso.job;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import vn.hocso.config.HocsoConfig;

/**
 * The loop every instance runs: every couple of seconds, for each job kind with a free slot, claim a job and run
 * it on a worker thread. Slots per kind come from the handler's concurrency (a transcode uses the CPU, so few).
 *
 * <p>On shutdown (SIGTERM) the instance claims nothing more from the moment its readiness goes down, gives the jobs it
 * runs {@code hocso.jobs.shutdown-grace} to finish, then puts the others back in the queue (no attempt counted) and
 * interrupts them, so another instance takes them at once instead of after their lease.
 */
@ApplicationScoped
public class JobWorker {

    private static final Logger LOG = Logger.getLogger(JobWorker.class);

    /** Identifies this instance in locked_by, so a lease is only ever extended or released by its holder. */
    final String name = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    @Inject
    Jobs jobs;

    @Inject
    Instance<JobHandler> handlers;

    @Inject
    HocsoConfig config;

    @Inject
    JobMetrics metrics;

    private final Map<String, Semaphore> slots = new HashMap<>();
    /** The jobs running on this instance's threads, by id: what a shutdown puts back in the queue. */
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    /** Set when the instance starts shutting down: no job is claimed after that. */
    private volatile boolean stopping;

    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hocso-job");
        t.setDaemon(true);
        return t;
    });
    /** Renews the leases of running jobs; one thread is plenty, a renewal is one short update. */
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hocso-job-lease");
        t.setDaemon(true);
        return t;
    });

    @Scheduled(every = "${hocso.jobs.poll}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (!config.jobs().enabled() || stopping) {
            return;
        }
        for (JobHandler handler : handlers) {
            Semaphore free = slots.computeIfAbsent(handler.kind(), k -> new Semaphore(handler.concurrency()));
            while (free.tryAcquire()) {
                Optional<Job> job = stopping ? Optional.empty() : jobs.claim(handler.kind(), name, handler.lease());
                if (job.isEmpty()) {
                    free.release();
                    break;
                }
                long id = job.get().id;
                // registered before it can finish, removed by the task itself when it does
                running.add(id);
                try {
                    threads.submit(() -> {
                        try {
                            runOne(handler, job.get());
                        } finally {
                            running.remove(id);
                            free.release();
                        }
                    });
                } catch (RejectedExecutionException e) {
                    // claimed while the instance began shutting down: back to the queue for another instance
                    running.remove(id);
                    free.release();
                    jobs.release(id, name);
                    return;
                }
            }
        }
    }

    /** Runs a claimed job to success or a recorded failure; also used by tests to run a job synchronously. */
    public void runOne(JobHandler handler, Job job) {
        // progress alone does not keep the lease: a handler may probe, or upload hundreds of files, for longer than
        // the lease without reporting, and another instance would then run the same job beside this one
        long every = Math.max(1, handler.lease().toMillis() / 3);
        ScheduledFuture<?> renewal =
                renewals.scheduleAtFixedRate(() -> renew(job, handler.lease()), every, every, TimeUnit.MILLISECONDS);
        long started = System.nanoTime();
        try {
            handler.run(job, percent -> jobs.heartbeat(job.id, name, percent, handler.lease()));
            jobs.succeed(job.id, name);
            metrics.ran(job.kind, JobMetrics.Outcome.DONE, Duration.ofNanos(System.nanoTime() - started));
        } catch (JobHandler.Permanent e) {
            LOG.warnf("Job %d (%s) failed permanently: %s", job.id, job.kind, e.getMessage());
            jobs.fail(job.id, name, e.getMessage(), true);
            metrics.ran(job.kind, JobMetrics.Outcome.FAILED, Duration.ofNanos(System.nanoTime() - started));
        } catch (Exception e) {
            LOG.warnf(e, "Job %d (%s) attempt %d failed", job.id, job.kind, job.attempts);
            jobs.fail(job.id, name, String.valueOf(e.getMessage()), false);
            metrics.ran(
                    job.kind,
                    job.attempts >= job.maxAttempts ? JobMetrics.Outcome.FAILED : JobMetrics.Outcome.RETRY,
                    Duration.ofNanos(System.nanoTime() - started));
        } finally {
            // a renewal racing the outcome above is harmless: it only touches a job still running under this name
            renewal.cancel(false);
        }
    }

    private void renew(Job job, Duration lease) {
        try {
            jobs.extend(job.id, name, lease);
        } catch (RuntimeException e) {
            // an exception would cancel the periodic task for good; the next tick may reach the database again
            LOG.warnf("Could not renew the lease of job %d (%s): %s", job.id, job.kind, e.getMessage());
        }
    }

    /** Claims and runs, on the calling thread, the next due job of {@code kind}; for tests and tools. */
    public boolean runNext(String kind) {
        for (JobHandler handler : handlers) {
            if (handler.kind().equals(kind)) {
                Optional<Job> job = jobs.claim(kind, name, handler.lease());
                job.ifPresent(j -> runOne(handler, j));
                return job.isPresent();
            }
        }
        throw new IllegalArgumentException("no handler for job kind " + kind);
    }

    /** Readiness has just gone down (quarkus.shutdown.delay): the balancer stops sending work, so does the queue. */
    void drain(@Observes ShutdownDelayInitiatedEvent event) {
        stopping = true;
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        threads.shutdown();
        try {
            if (!threads.awaitTermination(config.jobs().shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                for (Long id : running) {
                    if (jobs.release(id, name)) {
                        LOG.infof("Job %d put back in the queue: this instance is shutting down", id);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the database may be gone too: the jobs' leases run out and another instance takes them then
            LOG.warnf("Could not put the running jobs back in the queue: %s", e.getMessage());
        }
        threads.shutdownNow();
        renewals.shutdownNow();
    }
}
