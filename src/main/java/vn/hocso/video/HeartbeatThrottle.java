package vn.hocso.video;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import vn.hocso.config.HocsoConfig;

/**
 * A token bucket per learner, in memory: a player sends a heartbeat every ten seconds and on pause or seek, so a
 * learner flooding the endpoint is answered 429 before the database sees anything. Each instance keeps its own
 * buckets; behind a balancer a flood is spread, and still bounded per instance.
 */
@ApplicationScoped
class HeartbeatThrottle {

    private final double perMinute;
    private final double burst;

    private final ConcurrentHashMap<Long, double[]> buckets = new ConcurrentHashMap<>();

    @Inject
    HeartbeatThrottle(HocsoConfig config) {
        perMinute = config.video().heartbeat().perMinute();
        burst = config.video().heartbeat().burst();
    }

    /** Takes one token for this person (from their watch ticket: no database needed); false when none is left. */
    boolean allow(long personId) {
        long now = System.nanoTime();
        boolean[] allowed = {false};
        buckets.compute(personId, (id, b) -> {
            // b[0]: tokens, b[1]: time of the last refill in nanoseconds
            double[] bucket = b == null ? new double[] {burst, now} : b;
            bucket[0] = Math.min(burst, bucket[0] + (now - bucket[1]) / 60e9 * perMinute);
            bucket[1] = now;
            if (bucket[0] >= 1) {
                bucket[0] -= 1;
                allowed[0] = true;
            }
            return bucket;
        });
        return allowed[0];
    }

    /** Full buckets carry no information: drop them so the map only holds recently active learners. */
    @Scheduled(every = "5m")
    void forgetIdle() {
        long now = System.nanoTime();
        buckets.entrySet().removeIf(e -> e.getValue()[0] + (now - e.getValue()[1]) / 60e9 * perMinute >= burst);
    }
}
