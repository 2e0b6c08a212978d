package vn.hocso.unitadmin;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** A person's unit-admin right over one unit's subtree; a revoked grant stays as history. */
@Entity
@Table(name = "unit_admin_grant")
class Grant extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "person_id")
    public Long personId;

    @Column(name = "unit_id")
    public Long unitId;

    @Column(name = "granted_by")
    public String grantedBy;

    @Column(name = "granted_at", insertable = false, updatable = false)
    public OffsetDateTime grantedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    static List<Grant> listLive() {
        return list("revokedAt is null order by grantedAt desc");
    }

    static List<Long> liveUnitsOf(long personId) {
        return getEntityManager()
                .createQuery("select g.unitId from Grant g where g.personId = ?1 and g.revokedAt is null", Long.class)
                .setParameter(1, personId)
                .getResultList();
    }

    static Optional<Grant> findLive(long personId, long unitId) {
        return find("personId = ?1 and unitId = ?2 and revokedAt is null", personId, unitId)
                .firstResultOptional();
    }
}
