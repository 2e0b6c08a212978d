package vn.hocso.content;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/** One file of a course as last imported or published; together they are the course in the courses/ format. */
@Entity
@Table(name = "course_file")
@IdClass(CourseFile.Key.class)
class CourseFile extends PanacheEntityBase {

    record Key(Long courseId, String path) implements Serializable {
        Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "course_id")
    public Long courseId;

    @Id
    public String path;

    public int position;

    public String body;

    /** The files of a course in the order the importer read them (course.yaml first). */
    static Map<String, String> filesOf(long courseId) {
        Map<String, String> files = new LinkedHashMap<>();
        CourseFile.<CourseFile>list("courseId = ?1 order by position", courseId)
                .forEach(f -> files.put(f.path, f.body));
        return files;
    }

    /** Replaces the stored files of a course with {@code files}. */
    static void replace(long courseId, Map<String, String> files) {
        delete("courseId", courseId);
        getEntityManager().flush();
        int position = 0;
        for (Map.Entry<String, String> e : files.entrySet()) {
            CourseFile file = new CourseFile();
            file.courseId = courseId;
            file.path = e.getKey();
            file.position = position++;
            file.body = e.getValue();
            file.persist();
        }
    }

    static boolean hasFiles(long courseId) {
        return count("courseId", courseId) > 0;
    }
}
