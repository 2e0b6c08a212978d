package vn.hocso.course;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.ws.rs.NotFoundException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.hocso.account.TargetGroup;

/** A course: what the catalogue lists and a learner enrols in. */
@Entity
public class Course extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String slug;

    @Column(name = "title_vi")
    public String titleVi;

    @Column(name = "title_en")
    public String titleEn;

    @Column(name = "summary_vi")
    public String summaryVi;

    @Column(name = "summary_en")
    public String summaryEn;

    @Column(name = "category_code")
    public String categoryCode;

    /** Target-group codes (see account.TargetGroup). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "target_groups", columnDefinition = "varchar(20)[]")
    public String[] targetGroups;

    public String level;

    public CourseStatus status;

    /** Estimated total time, the sum of the lessons' minutes. */
    public int minutes;

    /** Key of the quiz lesson that must be passed for the course to count as complete, if any. */
    @Column(name = "final_quiz_key")
    public String finalQuizKey;

    /**
     * Moves on with every change to the course's modules or lessons (a trigger, V45): the version of the outline
     * {@link Outlines} keeps in memory.
     */
    @Column(name = "outline_version", insertable = false, updatable = false)
    public long outlineVersion;

    @Column(name = "source_hash")
    public String sourceHash;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** Title folded for search (lower case, no diacritics), computed by PostgreSQL on write. */
    @Column(name = "search_title", insertable = false, updatable = false)
    public String searchTitle;

    @Column(name = "search_summary", insertable = false, updatable = false)
    public String searchSummary;

    /**
     * The target groups, in the order the course lists them. The column keeps their codes in an array, which the
     * catalogue's group filter searches with a GIN index.
     */
    public List<TargetGroup> groups() {
        return Arrays.stream(targetGroups)
                .map(TargetGroup::fromCode)
                .flatMap(Optional::stream)
                .toList();
    }

    public boolean isPublished() {
        return status == CourseStatus.PUBLISHED;
    }

    public static Optional<Course> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public static Optional<Course> findPublishedBySlug(String slug) {
        return find("slug = ?1 and status = ?2", slug, CourseStatus.PUBLISHED).firstResultOptional();
    }

    /** A published course with its category, in one statement; anything else is "not found", drafts included. */
    public static Listed getPublishedWithCategory(String slug) {
        List<Object[]> rows = getEntityManager()
                .createQuery(
                        "select c, cat from Course c, Category cat where cat.code = c.categoryCode"
                                + " and c.slug = ?1 and c.status = ?2",
                        Object[].class)
                .setParameter(1, slug)
                .setParameter(2, CourseStatus.PUBLISHED)
                .getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException();
        }
        return new Listed((Course) rows.get(0)[0], (Category) rows.get(0)[1]);
    }

    /** A course as the catalogue shows it: with its category. */
    public record Listed(Course course, Category category) {}

    /** A course the public may see; anything else is "not found", drafts included. */
    public static Course getPublishedBySlug(String slug) {
        return findPublishedBySlug(slug).orElseThrow(NotFoundException::new);
    }
}
