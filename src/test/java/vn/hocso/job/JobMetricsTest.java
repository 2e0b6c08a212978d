package vn.hocso.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.hocso.Metrics;

/** The job table as an operator sees it in /q/metrics: what waits, how old, and how each run ended. */
@QuarkusTest
class JobMetricsTest {

    @TestHTTPResource(value = "", management = true)
    URL management;

    @Inject
    Jobs jobs;

    @Inject
    JobWorker worker;

    @Inject
    JobMetrics metrics;

    private static final String KIND = "kind=\"" + CountingJob.KIND + "\"";

    @Test
    void queuedJobsTheirAgeAndEachRunShowInTheMetrics() {
        metrics.refresh();
        String before = Metrics.scrape(management);
        String key = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> jobs.enqueue(CountingJob.KIND, Map.of("key", key), null, 3));
        QuarkusTransaction.requiringNew()
                .run(() -> Job.getEntityManager()
                        .createNativeQuery("update job set run_after = now() - interval '120 seconds'"
                                + " where kind = ?1 and status = 'queued'")
                        .setParameter(1, CountingJob.KIND)
                        .executeUpdate());
        metrics.refresh();
        String queued = Metrics.scrape(management);
        assertEquals(
                Metrics.sum(before, "hocso_jobs_queued", KIND) + 1, Metrics.sum(queued, "hocso_jobs_queued", KIND));
        assertTrue(
                Metrics.sum(queued, "hocso_jobs_oldest_queued_seconds", KIND) >= 120,
                "the oldest due job's age, in seconds");

        while (worker.runNext(CountingJob.KIND)) {
            // every due job of the kind, this test's among them
        }
        metrics.refresh();
        String after = Metrics.scrape(management);
        // jobs of other tests that fail on purpose may be queued again for later; this one is gone
        assertTrue(Metrics.sum(after, "hocso_jobs_queued", KIND) < Metrics.sum(queued, "hocso_jobs_queued", KIND));
        assertTrue(Metrics.sum(after, "hocso_job_runs_seconds_count", KIND, "outcome=\"done\"")
                > Metrics.sum(before, "hocso_job_runs_seconds_count", KIND, "outcome=\"done\""));
        assertTrue(after.contains("hocso_job_runs_seconds_bucket{"), "a histogram, for the p95 of each kind");
    }
}
