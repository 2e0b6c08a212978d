package vn.hocso.enrolment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import vn.hocso.course.Course;

/** A person taking a course, by their own choice or assigned by their unit with a due date. */
@Entity
public class Enrolment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "person_id")
    public Long personId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "course_id")
    public Course course;

    public EnrolmentSource source;

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

    /** The wave that assigned the course, if any. */
    @Column(name = "wave_id")
    public Long waveId;

    /** The unit admin who published that wave. */
    @Column(name = "assigned_by")
    public Long assignedBy;

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

    /**
     * Locks the person's enrolment row until the transaction ends: the progress of one learner in one course is
     * recorded in turns.
     */
    public static void lockOf(long personId, long courseId) {
        getEntityManager()
                .createNativeQuery("select id from enrolment where person_id = ?1 and course_id = ?2 for update")
                .setParameter(1, personId)
                .setParameter(2, courseId)
                .getResultList();
    }

    /** Remembers the lesson the person worked on last, for "continue where you stopped". */
    public static void recordLessonSeen(long personId, long courseId, long lessonId) {
        getEntityManager()
                .createNativeQuery("""
                update enrolment set last_lesson_id = ?1, last_seen_at = now() where person_id = ?2 and course_id = ?3""")
                .setParameter(1, lessonId)
                .setParameter(2, personId)
                .setParameter(3, courseId)
                .executeUpdate();
    }

    /**
     * Records the completion of the course; the time is returned only by the call that recorded it (a course is
     * completed once: the first date is kept).
     */
    public static Optional<OffsetDateTime> recordCompleted(long personId, long courseId) {
        List<?> completed = getEntityManager()
                .createNativeQuery("""
                update enrolment set completed_at = now()
                where person_id = ?1 and course_id = ?2 and completed_at is null
                returning completed_at""")
                .setParameter(1, personId)
                .setParameter(2, courseId)
                .getResultList();
        return completed.isEmpty() ? Optional.empty() : Optional.of(toOffset(completed.get(0)));
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return ((Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
