package vn.hocso.web;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;

/**
 * Sliding-window counters in PostgreSQL, so a limit holds across every instance behind the load balancer
 * (an in-memory counter would multiply the limit by the number of instances). Hits are kept in one-second
 * slots and a window is the sum of its slots: a fixed per-minute window would let a guesser spend the
 * limit twice across a minute boundary.
 */
@ApplicationScoped
public class RateLimits {

    @Inject
    EntityManager em;

    /** Counts one hit on {@code bucket} and returns the hits in the last {@code window}, this one included. */
    public int hit(String bucket, Duration window) {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("""
                    insert into rate_limit (bucket, window_start, hits)
                    values (?1, date_trunc('second', now()), 1)
                    on conflict (bucket, window_start) do update set hits = rate_limit.hits + 1""").setParameter(1, bucket).executeUpdate();
            return sum(bucket, window);
        });
    }

    /** Hits on {@code bucket} in the last {@code window}. */
    public int count(String bucket, Duration window) {
        return QuarkusTransaction.requiringNew().call(() -> sum(bucket, window));
    }

    private int sum(String bucket, Duration window) {
        return ((Number) em.createNativeQuery("""
                select coalesce(sum(hits), 0) from rate_limit
                where bucket = ?1 and window_start > now() - ?2 * interval '1 second'""")
                        .setParameter(1, bucket)
                        .setParameter(2, window.toSeconds())
                        .getSingleResult())
                .intValue();
    }

    /** Old slots are of no use; a scheduled sweep keeps the table small. */
    @Scheduled(every = "10m")
    void sweep() {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("delete from rate_limit where window_start < now() - interval '1 day'")
                        .executeUpdate());
    }
}
