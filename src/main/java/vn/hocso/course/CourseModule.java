package vn.hocso.course;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Optional;

/** A chapter of a course; its key comes from course.yaml and is stable across re-imports. */
@Entity
@Table(name = "course_module")
public class CourseModule extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "course_id")
    public Long courseId;

    public String key;

    @Column(name = "title_vi")
    public String titleVi;

    @Column(name = "title_en")
    public String titleEn;

    public int position;

    public boolean retired;

    public static List<CourseModule> listActiveOfCourse(long courseId) {
        return list("courseId = ?1 and retired = false order by position", courseId);
    }

    /** The module of this key, retired or not. */
    public static Optional<CourseModule> findByKey(long courseId, String key) {
        return find("courseId = ?1 and key = ?2", courseId, key).firstResultOptional();
    }

    public static List<CourseModule> listAllOfCourse(long courseId) {
        return list("courseId", courseId);
    }
}
