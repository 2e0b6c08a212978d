package vn.hocso.course;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import java.util.Optional;

/**
 * A lesson: text, video or quiz. Its id never changes once created (progress points at it); a lesson removed
 * from the course folder is retired, not deleted, so nobody's progress is corrupted.
 */
@Entity
public class Lesson extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "course_id")
    public Long courseId;

    @Column(name = "module_id")
    public Long moduleId;

    public String key;

    public LessonKind kind;

    @Column(name = "title_vi")
    public String titleVi;

    @Column(name = "title_en")
    public String titleEn;

    public int minutes;

    public int position;

    public boolean required;

    @Column(name = "source_path")
    public String sourcePath;

    /** Sanitised HTML of a text lesson, rendered once at import. */
    @Column(name = "body_html")
    public String bodyHtml;

    /** The English body, when the trainer wrote one; null: Vietnamese only. */
    @Column(name = "body_html_en")
    public String bodyHtmlEn;

    public boolean retired;

    public boolean isText() {
        return kind == LessonKind.TEXT;
    }

    public boolean isVideo() {
        return kind == LessonKind.VIDEO;
    }

    /** The lessons a learner follows, in course order (module order, then lesson order). */
    public static List<Lesson> listActiveOfCourse(long courseId) {
        return find("""
                select l from Lesson l, CourseModule m
                where l.moduleId = m.id and l.courseId = ?1 and l.retired = false and m.retired = false
                order by m.position, l.position""", courseId).list();
    }

    public static List<Lesson> listAllOfCourse(long courseId) {
        return list("courseId", courseId);
    }

    /** The lesson of this key, retired or not (a retired one may be a draft's video lesson, reserved for its upload). */
    public static Optional<Lesson> findByKey(long courseId, String key) {
        return find("courseId = ?1 and key = ?2", courseId, key).firstResultOptional();
    }

    public static Lesson getActive(long courseId, String key) {
        return find("courseId = ?1 and key = ?2 and retired = false", courseId, key)
                .<Lesson>firstResultOptional()
                .orElseThrow(NotFoundException::new);
    }
}
