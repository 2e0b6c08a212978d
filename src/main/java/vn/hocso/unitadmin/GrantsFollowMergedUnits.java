package vn.hocso.unitadmin;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import vn.hocso.audit.Audit;
import vn.hocso.org.OrgUnit;
import vn.hocso.org.UnitsMerged;

/**
 * A unit admin of a merged unit administers its successor from the merge on: the people and assignments of A and B
 * move to C, and an admin left with a grant over A would see none of them. Each live grant over a merged unit is
 * revoked and becomes one over the successor (unless the person already holds one), in the merge's own transaction,
 * and audited. An admin of A therefore also sees B's former people: they are C's now.
 */
@ApplicationScoped
class GrantsFollowMergedUnits {

    @Inject
    Audit audit;

    void move(@Observes UnitsMerged merge) {
        List<Grant> grants = Grant.list("unitId in ?1 and revokedAt is null", merge.merged());
        if (grants.isEmpty()) {
            return;
        }
        OrgUnit successor = OrgUnit.getById(merge.successor());
        String by = "merge:" + successor.code;
        OffsetDateTime now = OffsetDateTime.now();
        for (Grant g : grants) {
            String former = OrgUnit.getById(g.unitId).code;
            g.revokedAt = now;
            g.revokedBy = by;
            boolean granted = Grant.findLive(g.personId, successor.id).isEmpty();
            if (granted) {
                Grant moved = new Grant();
                moved.personId = g.personId;
                moved.unitId = successor.id;
                moved.grantedBy = by;
                moved.persist();
            }
            String detail = "unit=" + former + " -> unit=" + successor.code + (granted ? "" : " (already held)")
                    + " from=" + merge.from();
            if (Arc.container().requestContext().isActive()) {
                audit.record("unit-admin.grant-moved", "person", g.personId.toString(), "merge", detail);
            } else {
                // a merge made by a job or at start has no person behind it
                audit.recordFor(
                        "system", "system", "unit-admin.grant-moved", "person", g.personId.toString(), "merge", detail);
            }
        }
    }
}
