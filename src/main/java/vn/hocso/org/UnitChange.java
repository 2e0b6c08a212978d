package vn.hocso.org;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** One change of a unit (created, renamed, moved, merged), effective from a day: the tree's history. */
@Entity
@Table(name = "org_unit_change")
public class UnitChange extends PanacheEntityBase {

    public static final String CREATED = "created";
    public static final String RENAMED = "renamed";
    public static final String MOVED = "moved";
    public static final String MERGED = "merged";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "unit_id")
    public Long unitId;

    public String change;

    public LocalDate effective;

    @Column(name = "old_value")
    public String oldValue;

    @Column(name = "new_value")
    public String newValue;

    @Column(name = "recorded_at", insertable = false, updatable = false)
    public OffsetDateTime recordedAt;

    static void record(long unitId, String change, LocalDate effective, String oldValue, String newValue) {
        UnitChange c = new UnitChange();
        c.unitId = unitId;
        c.change = change;
        c.effective = effective;
        c.oldValue = oldValue;
        c.newValue = newValue;
        c.persist();
    }

    public static List<UnitChange> listOfUnit(long unitId) {
        return list("unitId = ?1 order by effective, id", unitId);
    }
}
