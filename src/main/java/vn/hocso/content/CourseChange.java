package vn.hocso.content;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;

/** The change log of a course edited in the browser: who did what, when. */
@Entity
@Table(name = "course_change")
class CourseChange extends PanacheEntityBase {

    /** What was done; shown through the message bundle as change_&lt;what&gt;. */
    static final int MAX_DETAIL = 500;
    /** A course written by an import; its detail says from where. */
    static final String IMPORTED = "imported";

    static final String FROM_FOLDER = "folder";
    static final String FROM_ZIP = "zip";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "course_id")
    public Long courseId;

    public OffsetDateTime at;

    @Column(name = "by_name")
    public String byName;

    public String what;

    public String detail;

    static void record(long courseId, String by, String what, String detail) {
        CourseChange change = new CourseChange();
        change.courseId = courseId;
        change.at = OffsetDateTime.now();
        change.byName = by.length() > 200 ? by.substring(0, 200) : by;
        change.what = what;
        change.detail = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
        change.persist();
    }

    /**
     * Whether the course's current version came from the courses folder: its last creation, publication or import
     * was an import from the folder (or it has none of these: imported before they were recorded).
     */
    static boolean isFromFolder(long courseId) {
        return CourseChange.<CourseChange>find(
                        "courseId = ?1 and what in ('created', 'published', 'imported') order by at desc, id desc",
                        courseId)
                .firstResultOptional()
                .map(c -> c.what.equals(IMPORTED) && FROM_FOLDER.equals(c.detail))
                .orElse(true);
    }

    static List<CourseChange> listOfCourse(long courseId, int max) {
        return find("courseId = ?1 order by at desc, id desc", courseId)
                .page(0, max)
                .list();
    }
}
