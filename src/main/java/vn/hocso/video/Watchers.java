package vn.hocso.video;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Watcher keys: the random name a watch ticket gives a learner ({@link WatchTickets}) instead of their sequential
 * person id. A person gets one the first time a lesson page hands them a ticket, and keeps it.
 */
@ApplicationScoped
class Watchers {

    @Inject
    EntityManager em;

    /** This person's watcher key, made on first use (one statement, unless two first pages race). */
    @Transactional
    UUID keyOf(long personId) {
        List<?> made = em.createNativeQuery("""
                with made as (
                    insert into video_watcher (person_id) values (?1)
                    on conflict (person_id) do nothing
                    returning watcher_key)
                select watcher_key from made
                union all
                select watcher_key from video_watcher where person_id = ?1""").setParameter(1, personId).getResultList();
        if (!made.isEmpty()) {
            return (UUID) made.get(0);
        }
        // another page made it after this statement's snapshot was taken: it is committed now
        return (UUID) em.createNativeQuery("select watcher_key from video_watcher where person_id = ?1")
                .setParameter(1, personId)
                .getSingleResult();
    }

    /** The person a watcher key names, if any. */
    Optional<Long> personOf(UUID watcher) {
        List<?> rows = em.createNativeQuery("select person_id from video_watcher where watcher_key = ?1")
                .setParameter(1, watcher)
                .getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(((Number) rows.get(0)).longValue());
    }
}
