package vn.hocso.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Claiming under concurrency and leases that outlive a crashed worker. */
@QuarkusTest
class JobLeaseTest {

    @Inject
    Jobs jobs;

    @Inject
    JobWorker worker;

    @Inject
    SlowJob slow;

    @Inject
    EntityManager em;

    private String enqueue(String kind, int maxAttempts) {
        String key = kind + ":" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> jobs.enqueue(kind, Map.of("n", 1), key, maxAttempts));
        return key;
    }

    private static Job job(String key) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Job.findByDedupeKey(key).orElseThrow());
    }

    private void expireLease(long id) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "update job set locked_until = now() - interval '1 second' where id = ?1")
                        .setParameter(1, id)
                        .executeUpdate());
    }

    private static <T> List<T> race(Callable<T> a, Callable<T> b) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            Future<T> fa = pool.submit(() -> {
                start.await();
                return a.call();
            });
            Future<T> fb = pool.submit(() -> {
                start.await();
                return b.call();
            });
            return List.of(fa.get(), fb.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoWorkersRacingToRunOneJobRunItOnceWhateverTheRound() throws Exception {
        for (int round = 0; round < 10; round++) {
            String key = enqueue(SlowJob.KIND, 3);
            List<Boolean> ran = race(() -> worker.runNext(SlowJob.KIND), () -> worker.runNext(SlowJob.KIND));
            Job job = job(key);
            assertEquals(1, ran.stream().filter(r -> r).count(), "exactly one worker got the job");
            assertEquals(1, slow.runsOf(job.id), "the job ran once");
            assertEquals(JobStatus.DONE, job.status);
            assertEquals(1, job.attempts);
        }
    }

    @Test
    void concurrentClaimsNeverHandOutTheSameJob() throws Exception {
        String kind = "test-claim-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            keys.add(enqueue(kind, 3));
        }
        List<Long> taken = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            List<Optional<Job>> pair = race(
                    () -> jobs.claim(kind, "worker-a", Duration.ofMinutes(1)),
                    () -> jobs.claim(kind, "worker-b", Duration.ofMinutes(1)));
            pair.forEach(j -> j.ifPresent(job -> taken.add(job.id)));
        }
        assertEquals(6, taken.size());
        assertEquals(6, taken.stream().distinct().count(), "no job was claimed twice: " + taken);
    }

    @Test
    void aCrashedWorkersLeaseExpiresAndTheJobIsTakenAgain() {
        String kind = "test-lease-" + UUID.randomUUID().toString().substring(0, 8);
        String key = enqueue(kind, 3);
        Job first = jobs.claim(kind, "worker-a", Duration.ofMinutes(5)).orElseThrow();
        // worker-a "crashes" holding the job: while its lease runs, nobody else may take it
        assertTrue(jobs.claim(kind, "worker-b", Duration.ofMinutes(5)).isEmpty());

        expireLease(first.id);
        Job second = jobs.claim(kind, "worker-b", Duration.ofMinutes(5)).orElseThrow();
        assertEquals(first.id, second.id);
        assertEquals(2, second.attempts);
        assertEquals("worker-b", second.lockedBy);

        // the late original worker can neither report progress nor finish the job it lost
        jobs.heartbeat(first.id, "worker-a", 70, Duration.ofMinutes(5));
        jobs.succeed(first.id, "worker-a");
        Job held = job(key);
        assertEquals(JobStatus.RUNNING, held.status);
        assertEquals("worker-b", held.lockedBy);

        jobs.heartbeat(second.id, "worker-b", 40, Duration.ofMinutes(5));
        assertEquals(40, job(key).progress);
        jobs.succeed(second.id, "worker-b");
        assertEquals(JobStatus.DONE, job(key).status);
    }

    @Test
    void aJobRunningLongerThanItsLeaseKeepsItWithoutReportingProgress() throws Exception {
        String key = enqueue(QuietJob.KIND, 3);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> ran = pool.submit(() -> worker.runNext(QuietJob.KIND));
            long start = System.nanoTime();
            // look twice after the first lease would have lapsed, and once after a second one would have
            for (long at : new long[] {2500, 3500, 4500}) {
                Thread.sleep(Math.max(0, at - (System.nanoTime() - start) / 1_000_000));
                assertTrue(
                        jobs.claim(QuietJob.KIND, "worker-b", QuietJob.LEASE).isEmpty(),
                        "another worker took the running job at " + at + " ms");
                Job running = job(key);
                assertEquals(JobStatus.RUNNING, running.status);
                assertEquals(1, running.attempts, "the job was not claimed again");
                assertEquals(QuietJob.PROGRESS, running.progress, "renewing the lease leaves progress alone");
            }
            assertTrue(ran.get());
        } finally {
            pool.shutdownNow();
        }
        Job done = job(key);
        assertEquals(JobStatus.DONE, done.status);
        assertEquals(1, done.attempts);
    }

    @Test
    void aJobWhoseWorkerDiesOnItsLastAttemptFailsInsteadOfLoopingForever() {
        String kind = "test-last-" + UUID.randomUUID().toString().substring(0, 8);
        String key = enqueue(kind, 1);
        Job claimed = jobs.claim(kind, "worker-a", Duration.ofMinutes(5)).orElseThrow();
        expireLease(claimed.id);
        assertTrue(jobs.claim(kind, "worker-b", Duration.ofMinutes(5)).isEmpty());
        Job failed = job(key);
        assertEquals(JobStatus.FAILED, failed.status);
        assertTrue(failed.lastError.contains("lease expired"), failed.lastError);
    }

    @Test
    void aJobPutBackByAnInstanceShuttingDownIsTakenAtOnceByAnotherAndItsLateOutcomeIsIgnored() {
        String kind = "test-release-" + UUID.randomUUID().toString().substring(0, 8);
        String key = enqueue(kind, 1);
        Job claimed = jobs.claim(kind, "worker-a", Duration.ofMinutes(5)).orElseThrow();
        assertTrue(jobs.release(claimed.id, "worker-a"));
        assertTrue(!jobs.release(claimed.id, "worker-a"), "a job is put back once, by its holder only");
        Job queued = job(key);
        assertEquals(JobStatus.QUEUED, queued.status);
        assertEquals(0, queued.attempts, "being stopped is not a failed attempt");
        // the stopped worker reports late: the job is not its own any more
        jobs.fail(claimed.id, "worker-a", "interrupted", true);
        jobs.succeed(claimed.id, "worker-a");
        assertEquals(JobStatus.QUEUED, job(key).status);
        // due now, not after the lease: another instance takes it at its next poll, on its one allowed attempt
        Job again = jobs.claim(kind, "worker-b", Duration.ofMinutes(5)).orElseThrow();
        assertEquals(claimed.id, again.id);
        assertEquals(1, again.attempts);
        jobs.succeed(again.id, "worker-b");
        assertEquals(JobStatus.DONE, job(key).status);
    }
}
