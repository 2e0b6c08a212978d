package vn.hocso.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a worker does with a job's outcome; claiming and leases are {@link JobLeaseTest}'s. */
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
        return QuarkusTransaction.requiringNew()
                .call(() -> Job.findByDedupeKey(dedupeKey).orElseThrow());
    }

    @Test
    void enqueueingTheSameKeyTwiceMakesOneJob() {
        String key = "once-" + UUID.randomUUID();
        enqueue(Map.of("key", key), key);
        enqueue(Map.of("key", key), key);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Job.count("dedupeKey", key)));
    }

    @Test
    void aFailingJobIsRetriedLaterThenFailsWithItsReason() {
        String key = "retry-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew()
                .run(() -> jobs.enqueue(CountingJob.KIND, Map.of("key", key, "fail", "transient"), key, 2));
        assertTrue(worker.runNext(CountingJob.KIND));
        Job retried = job(key);
        assertEquals(JobStatus.QUEUED, retried.status);
        assertTrue(retried.runAfter.isAfter(java.time.OffsetDateTime.now()), "back-off before the next attempt");
        assertFalse(worker.runNext(CountingJob.KIND), "not due yet");
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("update job set run_after = now() where dedupe_key = ?1")
                        .setParameter(1, key)
                        .executeUpdate());
        assertTrue(worker.runNext(CountingJob.KIND));
        Job failed = job(key);
        assertEquals(JobStatus.FAILED, failed.status);
        assertEquals("store unreachable", failed.lastError);
        assertEquals(2, CountingJob.RUNS.get(key).get(), "one run per attempt");
    }

    @Test
    void aPermanentFailureIsNotRetried() {
        String key = "permanent-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew()
                .run(() -> jobs.enqueue(CountingJob.KIND, Map.of("key", key, "fail", "permanent"), key, 5));
        assertTrue(worker.runNext(CountingJob.KIND));
        Job failed = job(key);
        assertEquals(JobStatus.FAILED, failed.status);
        assertEquals(1, failed.attempts);
        assertEquals("broken input", failed.lastError);
        assertEquals(1, CountingJob.RUNS.get(key).get(), "never run again");
    }
}
