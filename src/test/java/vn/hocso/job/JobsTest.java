package vn.hocso.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class JobsTest {

    @Inject
    Jobs jobs;

    @Inject
    JobWorker worker;

    @Inject
    EntityManager em;

    @BeforeEach
    void emptyQueue() {
        QuarkusTransaction.requiringNew().run(() -> Job.delete("kind", CountingJob.KIND));
    }

    private String enqueue(Map<String, Object> payload, String dedupeKey) {
        QuarkusTransaction.requiringNew().run(() -> jobs.enqueue(CountingJob.KIND, payload, dedupeKey, 3));
        return dedupeKey;
    }

    private static Job job(String dedupeKey) {
        return QuarkusTransaction.requiringNew().call(() -> Job.findByDedupeKey(dedupeKey).orElseThrow());
    }

    @Test
    void enqueueingTheSameKeyTwiceMakesOneJob() {
        String key = "once-" + UUID.randomUUID();
        enqueue(Map.of("key", key), key);
        enqueue(Map.of("key", key), key);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Job.count("dedupeKey", key)));
    }

    @Test
    void twoWorkersRacingForOneJobRunItOnce() throws Exception {
        String key = "race-" + UUID.randomUUID();
        enqueue(Map.of("key", key), key);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Optional<Job>>> claimers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String name = "worker-" + i;
            claimers.add(() -> jobs.claim(CountingJob.KIND, name, Duration.ofMinutes(1)));
        }
        int claimed = 0;
        for (Future<Optional<Job>> result : pool.invokeAll(claimers)) {
            claimed += result.get().isPresent() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, claimed);
        assertEquals(1, job(key).attempts);
    }

    @Test
    void aJobWhoseWorkerDiedIsTakenAgainWhenItsLeaseRunsOut() {
        String key = "lease-" + UUID.randomUUID();
        enqueue(Map.of("key", key), key);
        assertTrue(jobs.claim(CountingJob.KIND, "crashed-instance", Duration.ofMinutes(5)).isPresent());
        assertFalse(jobs.claim(CountingJob.KIND, "other", Duration.ofMinutes(5)).isPresent(), "lease still held");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update job set locked_until = now() - interval '1 second' where dedupe_key = ?1")
                .setParameter(1, key).executeUpdate());
        assertTrue(worker.runNext(CountingJob.KIND));
        Job done = job(key);
        assertEquals(Job.DONE, done.status);
        assertEquals(2, done.attempts);
        assertEquals(1, CountingJob.RUNS.get(key).get());
    }

    @Test
    void aFailingJobIsRetriedLaterThenFailsWithItsReason() {
        String key = "retry-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> jobs.enqueue(CountingJob.KIND,
                Map.of("key", key, "fail", "transient"), key, 2));
        assertTrue(worker.runNext(CountingJob.KIND));
        Job retried = job(key);
        assertEquals(Job.QUEUED, retried.status);
        assertTrue(retried.runAfter.isAfter(java.time.OffsetDateTime.now()), "back-off before the next attempt");
        assertFalse(worker.runNext(CountingJob.KIND), "not due yet");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update job set run_after = now() where dedupe_key = ?1").setParameter(1, key).executeUpdate());
        assertTrue(worker.runNext(CountingJob.KIND));
        Job failed = job(key);
        assertEquals(Job.FAILED, failed.status);
        assertEquals("store unreachable", failed.lastError);
    }

    @Test
    void aPermanentFailureIsNotRetried() {
        String key = "permanent-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> jobs.enqueue(CountingJob.KIND,
                Map.of("key", key, "fail", "permanent"), key, 5));
        assertTrue(worker.runNext(CountingJob.KIND));
        Job failed = job(key);
        assertEquals(Job.FAILED, failed.status);
        assertEquals(1, failed.attempts);
        assertEquals("broken input", failed.lastError);
    }
}
