package vn.hocso.job;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A job kind for the tests: counts its runs per payload key, fails when asked to. */
@ApplicationScoped
public class CountingJob implements JobHandler {

    static final String KIND = "test-counting";
    static final Map<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Job job, JobContext context) {
        RUNS.computeIfAbsent(job.param("key"), k -> new AtomicInteger()).incrementAndGet();
        context.progress(50);
        switch (String.valueOf(job.param("fail"))) {
            case "permanent" -> throw new Permanent("broken input");
            case "transient" -> throw new IllegalStateException("store unreachable");
            default -> {}
        }
    }
}
