package vn.hocso.video;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.hocso.config.HocsoConfig;

/**
 * A token bucket per learner, in memory: a player sends a heartbeat every ten seconds and on pause or seek, so a
 * learner flooding the endpoint is answered 429 before the database sees anything. Each instance keeps its own
 * buckets; behind a balancer a flood is spread, and still bounded per instance. The buckets live in the
 * {@value #CACHE} cache (application.properties): a bucket left alone long enough to refill carries no information,
 * so it is dropped after that much idleness, and the size bound caps the memory a crowd of learners can take.
 */
// created at start, so a misconfigured cache stops the app there rather than at the first request
@Startup
@ApplicationScoped
class HeartbeatThrottle {

    static final String CACHE = "heartbeat-buckets";

    private final double perMinute;
    private final double burst;

    /** How long an untouched bucket is kept: it must be full by then, or dropping it would hand out free tokens. */
    @ConfigProperty(name = "quarkus.cache.caffeine." + CACHE + ".expire-after-access")
    Duration keptIdle;

    @Inject
    @CacheName(CACHE)
    Cache cache;

    private CaffeineCache buckets;

    @PostConstruct
    void check() {
        Duration refill = Duration.ofMillis((long) Math.ceil(burst / perMinute * 60_000));
        if (keptIdle.compareTo(refill) < 0) {
            throw new IllegalStateException("quarkus.cache.caffeine." + CACHE + ".expire-after-access (" + keptIdle
                    + ") is shorter than the time an empty bucket takes to refill (" + refill + ")");
        }
        buckets = cache.as(CaffeineCache.class);
    }

    /** A learner's tokens; its lock orders that learner's concurrent heartbeats. */
    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized boolean take(long now, double perMinute, double burst) {
            tokens = Math.min(burst, tokens + (now - refilledAt) / 60e9 * perMinute);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }

    @Inject
    HeartbeatThrottle(HocsoConfig config) {
        perMinute = config.video().heartbeat().perMinute();
        burst = config.video().heartbeat().burst();
    }

    /** Takes one token for this person (from their watch ticket: no database needed); false when none is left. */
    boolean allow(UUID watcher) {
        long now = System.nanoTime();
        UUID key = watcher;
        CompletableFuture<Bucket> known = buckets.getIfPresent(key);
        Bucket bucket = known != null && known.isDone() && !known.isCompletedExceptionally()
                ? known.getNow(null)
                // a learner's first heartbeat in a while: created once even when two arrive together
                : buckets.<UUID, Bucket>get(key, id -> new Bucket(burst, now))
                        .await()
                        .indefinitely();
        return bucket.take(now, perMinute, burst);
    }
}
