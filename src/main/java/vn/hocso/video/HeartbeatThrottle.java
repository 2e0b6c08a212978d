package vn.hocso.video;

import io.agroal.api.AgroalDataSource;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.hocso.config.HocsoConfig;

/**
 * A token bucket per learner: a player sends a heartbeat every ten seconds and on pause or seek, so a learner flooding
 * the endpoint is answered 429. The bucket that decides is in PostgreSQL (table heartbeat_bucket, one upsert per
 * heartbeat), shared by every instance behind the load balancer, so the limit holds whichever instance a heartbeat
 * reaches. In front of it each instance keeps the same bucket in memory (the {@value #CACHE} cache,
 * application.properties): it has seen only some of the learner's heartbeats, so it is never emptier than the shared
 * one and refuses nothing the shared one would allow, but it answers a flood without touching the database. A bucket
 * left alone long enough to refill carries no information, so both are dropped after that much idleness, and the
 * cache's size bound caps the memory a crowd of learners can take.
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

    @Inject
    AgroalDataSource db;

    /**
     * Takes a token from the learner's shared bucket, refilled for the time since it was last touched; returns a row
     * only when there was one to take. The row lock of the upsert orders a learner's concurrent heartbeats on every
     * instance. The times are the database's, so the instances' clocks do not matter.
     */
    static final String TAKE = """
            insert into heartbeat_bucket as b (watcher_key, tokens, refilled_at) values (?, ? - 1, now())
            on conflict (watcher_key) do update
                set tokens = least(?, b.tokens + extract(epoch from now() - b.refilled_at) / 60 * ?) - 1,
                    refilled_at = now()
                where least(?, b.tokens + extract(epoch from now() - b.refilled_at) / 60 * ?) >= 1
            returning tokens""";

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

    /**
     * Takes one token for this person (from their watch ticket: no sign-in session needed); false when none is left,
     * in this instance's bucket or in the shared one.
     */
    boolean allow(UUID watcher) {
        return allowHere(watcher) && allowEverywhere(watcher);
    }

    private boolean allowHere(UUID watcher) {
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

    /** The shared bucket: one statement, autocommit, plain JDBC like the heartbeat itself. */
    boolean allowEverywhere(UUID watcher) {
        try (Connection connection = db.getConnection();
                PreparedStatement take = connection.prepareStatement(TAKE)) {
            take.setObject(1, watcher);
            take.setDouble(2, burst);
            take.setDouble(3, burst);
            take.setDouble(4, perMinute);
            take.setDouble(5, burst);
            take.setDouble(6, perMinute);
            try (ResultSet r = take.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("heartbeat throttle failed: " + e.getMessage(), e);
        }
    }

    /** Buckets idle this long are full again (checked at start against the cache's idleness): nothing is lost. */
    @Scheduled(every = "1h", delayed = "10m")
    void sweep() {
        try (Connection connection = db.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "delete from heartbeat_bucket where refilled_at < now() - cast(? as interval)")) {
            delete.setString(1, keptIdle.toSeconds() + " seconds");
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("heartbeat bucket sweep failed: " + e.getMessage(), e);
        }
    }
}
