package vn.hocso.course;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** An author or co-author of a course, named by sign-in name or e-mail (lower case). */
@Entity
@Table(name = "course_author")
public class CourseAuthor extends PanacheEntityBase {

    /** An e-mail address can be this long (RFC 5321); sign-in names are shorter. */
    public static final int MAX_LOGIN = 320;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "course_id")
    public Long courseId;

    public String login;

    @Column(name = "added_by")
    public String addedBy;

    @Column(name = "added_at")
    public OffsetDateTime addedAt;

    public static List<CourseAuthor> listOfCourse(long courseId) {
        return list("courseId = ?1 order by addedAt, login", courseId);
    }

    static boolean isAuthor(long courseId, Collection<String> logins) {
        return !logins.isEmpty() && count("courseId = ?1 and login in ?2", courseId, logins) > 0;
    }

    /** The ids of the courses any of {@code logins} is an author of. */
    static List<Long> courseIdsOf(Collection<String> logins) {
        if (logins.isEmpty()) {
            return List.of();
        }
        return find("select distinct a.courseId from CourseAuthor a where a.login in ?1", logins)
                .project(Long.class)
                .list();
    }

    /** Adds {@code login} to the course's authors unless it is one already; true when it was added. */
    public static boolean add(long courseId, String login, String addedBy) {
        String folded = fold(login);
        if (count("courseId = ?1 and login = ?2", courseId, folded) > 0) {
            return false;
        }
        CourseAuthor author = new CourseAuthor();
        author.courseId = courseId;
        author.login = folded;
        author.addedBy = addedBy;
        author.addedAt = OffsetDateTime.now();
        author.persist();
        return true;
    }

    public static String fold(String login) {
        return login.strip().toLowerCase(Locale.ROOT);
    }
}
