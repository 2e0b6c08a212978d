package vn.hocso.enrolment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import vn.hocso.course.Course;

/** A person taking a course, by their own choice or assigned by their unit with a due date. */
@Entity
public class Enrolment extends PanacheEntityBase {

    public static final String SELF = "self";
    public static final String ASSIGNMENT = "assignment";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "person_id")
    public Long personId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "course_id")
    public Course course;

    public String source;

    @Column(name = "enrolled_at")
    public OffsetDateTime enrolledAt;

    @Column(name = "due_at")
    public OffsetDateTime dueAt;

    @Column(name = "completed_at")
    public OffsetDateTime completedAt;

    @Column(name = "last_lesson_id")
    public Long lastLessonId;

    @Column(name = "last_seen_at")
    public OffsetDateTime lastSeenAt;

    public boolean isCompleted() {
        return completedAt != null;
    }

    public boolean isOverdue() {
        return completedAt == null && dueAt != null && dueAt.isBefore(OffsetDateTime.now());
    }

    public static Optional<Enrolment> findOf(long personId, long courseId) {
        return find("personId = ?1 and course.id = ?2", personId, courseId).firstResultOptional();
    }

    public static boolean isEnrolled(long personId, long courseId) {
        return count("personId = ?1 and course.id = ?2", personId, courseId) > 0;
    }

    /** A learner's enrolments with their courses, in one statement: unfinished first, then most recent. */
    public static List<Enrolment> listOfPerson(long personId) {
        return find("""
                select e from Enrolment e join fetch e.course
                where e.personId = ?1
                order by case when e.completedAt is null then 0 else 1 end, e.dueAt nulls last, e.enrolledAt desc""", personId).list();
    }
}
