package vn.hocso.job;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A job kind for the tests: counts its runs per job, slowly enough for a rival worker to try to take it. */
@ApplicationScoped
public class SlowJob implements JobHandler {

    static final String KIND = "test-slow";

    private final ConcurrentHashMap<Long, AtomicInteger> runs = new ConcurrentHashMap<>();

    /** How often the job ran (a method: fields of an injected bean are read through its proxy). */
    int runsOf(long jobId) {
        AtomicInteger n = runs.get(jobId);
        return n == null ? 0 : n.get();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Job job, JobContext context) throws InterruptedException {
        runs.computeIfAbsent(job.id, id -> new AtomicInteger()).incrementAndGet();
        context.progress(50);
        Thread.sleep(300);
    }
}
