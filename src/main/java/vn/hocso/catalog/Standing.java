package vn.hocso.catalog;

import io.quarkus.hibernate.orm.panache.Panache;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.hocso.course.CourseStatus;

/**
 * Where one learner stands in one course, read in one statement: enrolled or not, completed or not, the live
 * certificate (pending until its PDF is made, or issued) and the lessons done. Read for the person of the request
 * only, never kept.
 */
public record Standing(
        boolean enrolled, boolean completed, String certificateCode, boolean certificateIssued, Set<Long> done) {

    public static final Standing NONE = new Standing(false, false, null, false, Set.of());

    public static Standing of(long personId, long courseId) {
        List<?> rows = Panache.getEntityManager()
                .createNativeQuery("""
                        select e.course_id is not null, e.completed_at is not null, cert.code, cert.status, done.lesson_id
                        from (values (1)) as one (x)
                        left join enrolment_status e on e.person_id = ?1 and e.course_id = ?2
                        left join live_certificate cert on cert.person_id = ?1 and cert.course_id = ?2
                        left join (completed_lesson done
                                   join lesson_in_course l on l.lesson_id = done.lesson_id and l.course_id = ?2)
                               on done.person_id = ?1""")
                .setParameter(1, personId)
                .setParameter(2, courseId)
                .getResultList();
        return of(rows, 0);
    }

    /**
     * The standing in rows whose columns from {@code at} are enrolled, completed, certificate code and status, and one
     * lesson done (or null) per row.
     */
    private static Standing of(List<?> rows, int at) {
        Object[] first = (Object[]) rows.get(0);
        Set<Long> done = new HashSet<>();
        for (Object row : rows) {
            Object lesson = ((Object[]) row)[at + 4];
            if (lesson != null) {
                done.add(((Number) lesson).longValue());
            }
        }
        return new Standing(
                (Boolean) first[at],
                (Boolean) first[at + 1],
                (String) first[at + 2],
                "issued".equals(first[at + 3]),
                Set.copyOf(done));
    }

    /** What a signed-in visit of a course's pages reads first: the catalogue's version, the course, the standing. */
    public record Visit(long version, long courseId, Standing standing) {}

    /**
     * The catalogue's version, the published course of this slug and where the person stands in it, in one
     * statement; null when no published course has this slug.
     */
    public static Visit visit(String slug, long person) {
        List<?> rows = Panache.getEntityManager()
                .createNativeQuery("""
                        select v.version, c.course_id, e.course_id is not null, e.completed_at is not null,
                               cert.code, cert.status, done.lesson_id
                        from catalogue_version_now v
                        join course_title c on c.slug = ?2 and c.status = ?3
                        left join enrolment_status e on e.person_id = ?1 and e.course_id = c.course_id
                        left join live_certificate cert on cert.person_id = ?1 and cert.course_id = c.course_id
                        left join (completed_lesson done
                                   join lesson_in_course l on l.lesson_id = done.lesson_id)
                               on done.person_id = ?1 and l.course_id = c.course_id""")
                .setParameter(1, person)
                .setParameter(2, slug)
                .setParameter(3, CourseStatus.PUBLISHED.code())
                .getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] first = (Object[]) rows.get(0);
        return new Visit(((Number) first[0]).longValue(), ((Number) first[1]).longValue(), of(rows, 2));
    }

    /** A certificate is on its way or issued. */
    public boolean hasCertificate() {
        return certificateCode != null;
    }
}
