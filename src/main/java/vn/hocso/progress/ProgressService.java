package vn.hocso.progress;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.query.NativeQuery;
import vn.hocso.codes.Coded;
import vn.hocso.course.Course;
import vn.hocso.course.Lesson;
import vn.hocso.course.LessonKind;
import vn.hocso.enrolment.Enrolment;

/**
 * What counts as done. A lesson is done when its own rule is met (a text lesson when the learner marks it
 * read; video and quiz lessons report here when their rules are met); a course is done when every required
 * lesson is done and, if the course names one, its final quiz is passed. Completion is recorded once.
 */
@ApplicationScoped
public class ProgressService {

    @Inject
    EntityManager em;

    @Inject
    Event<CourseCompleted> courseCompleted;

    /** Progress of one person in many courses, in one statement whatever the number of courses. */
    public Map<Long, CourseProgress> ofCourses(long personId, Collection<Long> courseIds) {
        if (courseIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, CourseProgress> progress = new HashMap<>();
        List<?> rows = em.createNativeQuery("""
                select l.course_id,
                       count(*) filter (where l.required),
                       count(p.completed_at) filter (where l.required),
                       count(*),
                       count(p.completed_at),
                       (array_agg(l.key order by l.module_position, l.position) filter (where p.completed_at is null))[1]
                from lesson_in_course l
                left join lesson_progress p on p.lesson_id = l.lesson_id and p.person_id = ?1
                where l.course_id in (?2) and not l.retired and not l.module_retired
                group by l.course_id""")
                .setParameter(1, personId)
                .setParameter(2, courseIds)
                .getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            long courseId = ((Number) r[0]).longValue();
            progress.put(
                    courseId,
                    new CourseProgress(
                            ((Number) r[1]).intValue(),
                            ((Number) r[2]).intValue(),
                            ((Number) r[3]).intValue(),
                            ((Number) r[4]).intValue(),
                            (String) r[5]));
        }
        return progress;
    }

    public CourseProgress ofCourse(long personId, long courseId) {
        return ofCourses(personId, List.of(courseId)).getOrDefault(courseId, CourseProgress.NONE);
    }

    /** Ids of the lessons of a course this person has completed. */
    public Set<Long> completedLessonIds(long personId, long courseId) {
        List<?> ids = em.createNativeQuery("""
                select p.lesson_id from lesson_progress p join lesson_in_course l on l.lesson_id = p.lesson_id
                where p.person_id = ?1 and l.course_id = ?2 and p.completed_at is not null""")
                .setParameter(1, personId)
                .setParameter(2, courseId)
                .getResultList();
        Set<Long> done = new HashSet<>();
        ids.forEach(id -> done.add(((Number) id).longValue()));
        return done;
    }

    /**
     * Records that the person completed the lesson (idempotent: the first completion time is kept) and completes
     * the course if that was the last condition.
     */
    @Transactional
    public void complete(long personId, Lesson lesson) {
        // Completions of one learner in one course take turns on the enrolment row: two last lessons finished at
        // once in two transactions would otherwise each miss the other's and neither would complete the course.
        Enrolment.lockOf(personId, lesson.courseId);
        em.createNativeQuery("""
                insert into lesson_progress (person_id, lesson_id, completed_at, updated_at)
                values (?1, ?2, now(), now())
                on conflict (person_id, lesson_id) do update
                set completed_at = coalesce(lesson_progress.completed_at, excluded.completed_at), updated_at = now()""")
                .setParameter(1, personId)
                .setParameter(2, lesson.id)
                .executeUpdate();
        Enrolment.recordLessonSeen(personId, lesson.courseId, lesson.id);
        completeCourseIfDone(personId, Course.findById(lesson.courseId));
    }

    private void completeCourseIfDone(long personId, Course course) {
        List<?> rows = em.createNativeQuery("""
                select l.key, l.kind, l.required, p.completed_at is not null
                from lesson_in_course l
                left join lesson_progress p on p.lesson_id = l.lesson_id and p.person_id = ?1
                where l.course_id = ?2 and not l.retired and not l.module_retired""")
                .setParameter(1, personId)
                .setParameter(2, course.id)
                .getResultList();
        List<CompletionRule.LessonState> lessons = rows.stream()
                .map(row -> (Object[]) row)
                .map(r -> new CompletionRule.LessonState(
                        (String) r[0],
                        Coded.fromCode(LessonKind.class, (String) r[1]).orElseThrow(),
                        (Boolean) r[2],
                        (Boolean) r[3]))
                .toList();
        if (!CompletionRule.isComplete(lessons, course.finalQuizKey)) {
            return;
        }
        // completed once: only the call that recorded the date announces it
        Enrolment.recordCompleted(personId, course.id)
                .ifPresent(at -> courseCompleted.fire(new CourseCompleted(personId, course.id, at)));
    }

    /** Whether the person has completed the lesson. */
    public boolean isLessonDone(long personId, long lessonId) {
        return !em.createNativeQuery("""
                select 1 from lesson_progress where person_id = ?1 and lesson_id = ?2 and completed_at is not null""")
                // reads lesson_progress only: the caller's pending changes to its own tables need not be flushed
                .unwrap(NativeQuery.class)
                .addSynchronizedQuerySpace("lesson_progress")
                .setParameter(1, personId)
                .setParameter(2, lessonId)
                .getResultList()
                .isEmpty();
    }
}
