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
import java.util.regex.Pattern;

/** A unit of the organisation tree; a merged unit keeps its row with valid_to and its successor. */
@Entity
@Table(name = "org_unit")
public class OrgUnit extends PanacheEntityBase {

    private static final Collator VIETNAMESE = Collator.getInstance(Locale.forLanguageTag("vi"));

    /** By proper name: "Thành phố Hà Nội" sorts under H, with "Tỉnh Hà Tĩnh", not under T. */
    static final Comparator<OrgUnit> BY_VIETNAMESE_NAME = Comparator.<OrgUnit, String>comparing(
                    u -> properName(u.name), VIETNAMESE)
            .thenComparing(u -> u.name, VIETNAMESE);

    private static final Pattern KIND_PREFIX = Pattern.compile("^(?iu)(thành phố|tỉnh|tp\\.)\\s+");

    /** A unit's name without the kind it starts with ("Thành phố", "Tỉnh"), which says nothing to sort by. */
    static String properName(String name) {
        return KIND_PREFIX.matcher(name.strip()).replaceFirst("");
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String code;

    public String name;

    public UnitKind kind;

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

    @Column(name = "search_name", insertable = false, updatable = false)
    public String searchName;

    /** The 34 provinces and centrally-run cities in force today, in Vietnamese alphabetical order. */
    public static List<OrgUnit> listCurrentProvinces() {
        List<OrgUnit> provinces = list("kind = ?1 and validTo is null", UnitKind.PROVINCE);
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

    public static OrgUnit getById(long id) {
        return OrgUnit.<OrgUnit>findByIdOptional(id).orElseThrow(jakarta.ws.rs.NotFoundException::new);
    }

    /** The country, root of the tree. */
    public static OrgUnit getRoot() {
        return find("parentId is null").<OrgUnit>firstResultOptional().orElseThrow();
    }

    /** The units under a parent that were in force on a day (merged units before their merge, not after). */
    public static List<OrgUnit> listChildrenAsOf(long parentId, LocalDate day) {
        List<OrgUnit> children =
                list("parentId = ?1 and validFrom <= ?2 and (validTo is null or validTo >= ?2)", parentId, day);
        children.sort(BY_VIETNAMESE_NAME);
        return children;
    }

    /** Units current and former whose name contains the text, diacritics and case ignored ("ha noi" finds Hà Nội). */
    public static List<OrgUnit> search(String text, int limit) {
        return find(
                        "searchName like concat('%', lower(function('f_unaccent', ?1)), '%') order by validTo nulls first, name",
                        text.strip())
                .page(0, limit)
                .list();
    }

    public boolean isCurrent() {
        return validTo == null;
    }

    /** In force on that day: valid_to is the last day a merged unit existed. */
    public boolean isInForceOn(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
    }

    /** True when this unit is the other or lies under it. */
    public boolean isWithin(OrgUnit other) {
        return path.startsWith(other.path);
    }
}
