package vn.hocso.job;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The job table's rules: enqueue, claim (SKIP LOCKED, with a lease), finish, retry with back-off. */
@ApplicationScoped
public class Jobs {

    @Inject
    EntityManager em;

    /**
     * Queues a job in the caller's transaction, so the job exists exactly when the work that asked for it was
     * committed. With a dedupe key, a second enqueue of a live or finished job is a no-op.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(String kind, Map<String, Object> payload, String dedupeKey, int maxAttempts) {
        em.createNativeQuery("""
                insert into job (kind, payload, dedupe_key, max_attempts) values (?1, cast(?2 as jsonb), ?3, ?4)
                on conflict (dedupe_key) do nothing""")
                .setParameter(1, kind)
                .setParameter(2, JobPayload.toJson(payload))
                .setParameter(3, dedupeKey)
                .setParameter(4, maxAttempts)
                .executeUpdate();
    }

    /**
     * Claims the oldest runnable job of this kind for {@code worker}: queued and due, or running with an expired
     * lease (its instance died). Concurrent claimers skip each other's locked rows, so a job is taken once.
     */
    public Optional<Job> claim(String kind, String worker, Duration lease) {
        return QuarkusTransaction.requiringNew().call(() -> {
            // a job whose worker died on its last attempt (say, ffmpeg took the instance down) fails here instead
            // of being taken again for ever
            em.createNativeQuery("""
                    update job set status = 'failed', finished_at = now(), locked_by = null, locked_until = null,
                        updated_at = now(), last_error = 'lease expired: the worker stopped during attempt ' || attempts
                    where kind = ?1 and status = 'running' and locked_until < now() and attempts >= max_attempts""").setParameter(1, kind).executeUpdate();
            @SuppressWarnings("unchecked")
            java.util.List<Number> ids = em.createNativeQuery("""
                    update job set status = 'running', attempts = attempts + 1, locked_by = ?2,
                        locked_until = now() + cast(?3 as interval), updated_at = now()
                    where id = (
                        select id from job
                        where kind = ?1 and ((status = 'queued' and run_after <= now())
                                             or (status = 'running' and locked_until < now()
                                                 and attempts < max_attempts))
                        order by run_after, id
                        for update skip locked
                        limit 1)
                    returning id""")
                    .setParameter(1, kind)
                    .setParameter(2, worker)
                    .setParameter(3, lease.toSeconds() + " seconds")
                    .getResultList();
            return ids.isEmpty()
                    ? Optional.<Job>empty()
                    : Optional.of(Job.<Job>findById(ids.get(0).longValue()));
        });
    }

    /** Records progress and extends the lease, only while this worker still holds the job. */
    public void heartbeat(long jobId, String worker, int percent, Duration lease) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                update job set progress = ?3, locked_until = now() + cast(?4 as interval), updated_at = now()
                where id = ?1 and locked_by = ?2 and status = 'running'""")
                        .setParameter(1, jobId)
                        .setParameter(2, worker)
                        .setParameter(3, Math.max(0, Math.min(100, percent)))
                        .setParameter(4, lease.toSeconds() + " seconds")
                        .executeUpdate());
    }

    /**
     * Extends the lease without touching progress, only while this worker still holds the job: the worker calls
     * it on a timer, because a handler may go minutes (a probe, an upload) without reporting progress.
     */
    void extend(long jobId, String worker, Duration lease) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                update job set locked_until = now() + cast(?3 as interval), updated_at = now()
                where id = ?1 and locked_by = ?2 and status = 'running'""")
                        .setParameter(1, jobId)
                        .setParameter(2, worker)
                        .setParameter(3, lease.toSeconds() + " seconds")
                        .executeUpdate());
    }

    /**
     * Puts a job this worker holds back in the queue, due now, without counting the attempt: the instance is shutting
     * down, the job did not fail. Its outcome, should the handler still report one, is then ignored (the worker no
     * longer holds it), and another instance takes it at its next poll.
     */
    boolean release(long jobId, String worker) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("""
                        update job set status = 'queued', attempts = greatest(attempts - 1, 0), run_after = now(),
                            locked_by = null, locked_until = null, progress = null, updated_at = now()
                        where id = ?1 and locked_by = ?2 and status = 'running'""")
                                .setParameter(1, jobId)
                                .setParameter(2, worker)
                                .executeUpdate()
                        == 1);
    }

    public void succeed(long jobId, String worker) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                update job set status = 'done', progress = 100, locked_by = null, locked_until = null,
                    finished_at = now(), updated_at = now(), last_error = null
                where id = ?1 and locked_by = ?2""")
                        .setParameter(1, jobId)
                        .setParameter(2, worker)
                        .executeUpdate());
    }

    /**
     * Fails this attempt: retried after an exponential back-off (30 s, 2 min, 8 min, …) until max attempts, or at
     * once for a permanent failure.
     */
    public void fail(long jobId, String worker, String error, boolean permanent) {
        String message = error == null ? "" : error.length() > 2000 ? error.substring(0, 2000) : error;
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                update job set
                    status = case when ?4 or attempts >= max_attempts then 'failed' else 'queued' end,
                    finished_at = case when ?4 or attempts >= max_attempts then now() end,
                    run_after = now() + (30 * power(4, attempts - 1)) * interval '1 second',
                    locked_by = null, locked_until = null, last_error = ?3, updated_at = now()
                where id = ?1 and locked_by = ?2""")
                        .setParameter(1, jobId)
                        .setParameter(2, worker)
                        .setParameter(3, message)
                        .setParameter(4, permanent)
                        .executeUpdate());
    }
}
