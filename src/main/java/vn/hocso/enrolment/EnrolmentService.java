package vn.hocso.enrolment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.hocso.account.Person;
import vn.hocso.course.Course;

/** The rule of joining a course: only a published course, and a person is enrolled at most once. */
@ApplicationScoped
public class EnrolmentService {

    @Inject
    EntityManager em;

    /** Thrown when a course exists but is not open for enrolment. */
    public static class NotOpen extends RuntimeException {
        NotOpen() {
            super(null, null, false, false);
        }
    }

    /**
     * Enrols the person (a second call, a double click or a retry changes nothing) and returns the enrolment.
     */
    @Transactional
    public Enrolment enrol(Person person, Course course) {
        if (!course.isPublished()) {
            throw new NotOpen();
        }
        em.createNativeQuery("""
                insert into enrolment (person_id, course_id, source) values (?1, ?2, 'self')
                on conflict (person_id, course_id) do nothing""")
                .setParameter(1, person.id)
                .setParameter(2, course.id)
                .executeUpdate();
        return Enrolment.findOf(person.id, course.id).orElseThrow();
    }
}
