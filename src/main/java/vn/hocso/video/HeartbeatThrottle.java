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
 * the endpoint is answered 429. The bucket that decides is in PostgreSQL (table heartbeat_bucket), shared by every
 * instance behind the load balancer, so the limit holds whichever instance a heartbeat reaches. Its token is taken
 * inside the heartbeat's own statement ({@link #TOKEN}, a CTE of {@link Heartbeats#BEAT}), which records nothing when
 * there was none: one round trip per heartbeat, as before the bucket was shared (bench/video). In front of it each
 * instance keeps the same bucket in memory (the {@value #CACHE} cache, application.properties): it has seen only some
 * of the learner's heartbeats, so it is never emptier than the shared one and refuses nothing the shared one would
 * allow, but it answers a flood without touching the database. A bucket left alone long enough to refill carries no
 * information, so both are dropped after that much idleness, and the cache's size bound caps the memory a crowd of
 * learners can take.
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
     * Takes a token from the learner's shared bucket, refilled for the time since it was last touched, when its last
     * parameter is true; returns a row only when there was one to take. The row lock of the upsert orders a learner's
     * concurrent heartbeats on every instance, and is taken before the heartbeat locks its watch row, always in that
     * order. The times are the database's, so the instances' clocks do not matter. Parameters as {@link #bind} sets them.
     */
    static final String TOKEN = """
            token as (
                insert into heartbeat_bucket as b (watcher_key, tokens, refilled_at)
                select ?, ? - 1, now() where ?
                on conflict (watcher_key) do update
                    set tokens = least(?, b.tokens + extract(epoch from now() - b.refilled_at) / 60 * ?) - 1,
                        refilled_at = now()
                    where least(?, b.tokens + extract(epoch from now() - b.refilled_at) / 60 * ?) >= 1
                returning tokens)""";

    /** The shared bucket alone, for a heartbeat refused before its statement runs. */
    static final String TAKE = "with " + TOKEN + " select exists (select 1 from token)";

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
     * Takes one token for this person (from their watch ticket: no sign-in session needed) from this instance's
     * bucket; false when none is left. The shared bucket is asked next, by the heartbeat's statement or by
     * {@link #allowEverywhere}.
     */
    boolean allowHere(UUID watcher) {
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

    /**
     * Sets the parameters of {@link #TOKEN} from {@code first} on; returns the index of the next one. With
     * {@code take} false the statement takes no token (a heartbeat that already had its own).
     */
    int bind(PreparedStatement statement, int first, UUID watcher, boolean take) throws SQLException {
        statement.setObject(first, watcher);
        statement.setDouble(first + 1, burst);
        statement.setBoolean(first + 2, take);
        statement.setDouble(first + 3, burst);
        statement.setDouble(first + 4, perMinute);
        statement.setDouble(first + 5, burst);
        statement.setDouble(first + 6, perMinute);
        return first + 7;
    }

    /** The shared bucket on its own: one statement, autocommit, plain JDBC like the heartbeat itself. */
    boolean allowEverywhere(UUID watcher) {
        try (Connection connection = db.getConnection();
                PreparedStatement take = connection.prepareStatement(TAKE)) {
            bind(take, 1, watcher, true);
            try (ResultSet r = take.executeQuery()) {
                return r.next() && r.getBoolean(1);
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
