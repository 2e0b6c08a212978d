package vn.hocso.job;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * A job kind for the tests: a short lease, and a run well past it that reports progress once at the start, like a
 * transcode probing or uploading; only the worker's own renewals can keep the lease.
 */
@ApplicationScoped
public class QuietJob implements JobHandler {

    static final String KIND = "test-quiet";
    static final Duration LEASE = Duration.ofSeconds(2);
    static final long RUN_MILLIS = 5000;
    static final int PROGRESS = 10;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Duration lease() {
        return LEASE;
    }

    @Override
    public void run(Job job, JobContext context) throws InterruptedException {
        context.progress(PROGRESS);
        Thread.sleep(RUN_MILLIS);
    }
}
