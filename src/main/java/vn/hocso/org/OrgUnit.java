package vn.hocso.org;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.text.Collator;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A unit of the organisation tree; a merged unit keeps its row with valid_to and its successor. */
@Entity
@Table(name = "org_unit")
public class OrgUnit extends PanacheEntityBase {

    private static final Comparator<OrgUnit> BY_VIETNAMESE_NAME =
            Comparator.comparing(u -> u.name, Collator.getInstance(Locale.forLanguageTag("vi")));

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String code;

    public String name;

    public String kind;

    @Column(name = "parent_id")
    public Long parentId;

    /** Materialised path of ids, e.g. "/1/5/": the subtree of a unit is every path starting with its own. */
    public String path;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @Column(name = "replaced_by_id")
    public Long replacedById;

    /** The 34 provinces and centrally-run cities in force today, in Vietnamese alphabetical order. */
    public static List<OrgUnit> listCurrentProvinces() {
        List<OrgUnit> provinces = list("kind = 'province' and validTo is null");
        provinces.sort(BY_VIETNAMESE_NAME);
        return provinces;
    }

    /** A unit a person can belong to today. */
    public static Optional<OrgUnit> findCurrent(long id) {
        return find("id = ?1 and validTo is null", id).firstResultOptional();
    }

    public static Optional<OrgUnit> findCurrentByCode(String code) {
        return find("code = ?1 and validTo is null", code).firstResultOptional();
    }
}
