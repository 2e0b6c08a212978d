package vn.hocso.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import vn.hocso.org.UnitsMerged;

/** People of merged units belong to the successor from the merge on, in the merge's own transaction. */
@ApplicationScoped
class PeopleFollowMergedUnits {

    @Inject
    EntityManager em;

    void move(@Observes UnitsMerged merge) {
        em.createNativeQuery("update person set unit_id = ?1, updated_at = now() where unit_id = any(?2)")
                .setParameter(1, merge.successor())
                .setParameter(2, merge.merged().toArray(Long[]::new))
                .executeUpdate();
    }
}
