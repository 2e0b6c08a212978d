package vn.hocso.progress;

import java.util.List;
import java.util.Set;
import vn.hocso.course.Lesson;

/** A learner's progress in one course: required lessons done out of required lessons, and all lessons. */
public record CourseProgress(int required, int requiredDone, int total, int done, String nextLessonKey) {

    public static final CourseProgress NONE = new CourseProgress(0, 0, 0, 0, null);

    /**
     * The progress over a course's active lessons in course order, given the ids of those the learner completed: what
     * {@link ProgressService#ofCourses} counts in SQL, for a page that already holds the outline.
     */
    public static CourseProgress of(List<Lesson> lessons, Set<Long> completed) {
        int required = 0;
        int requiredDone = 0;
        int done = 0;
        String next = null;
        for (Lesson lesson : lessons) {
            boolean isDone = completed.contains(lesson.id);
            if (lesson.required) {
                required++;
                if (isDone) {
                    requiredDone++;
                }
            }
            if (isDone) {
                done++;
            } else if (next == null) {
                next = lesson.key;
            }
        }
        return new CourseProgress(required, requiredDone, lessons.size(), done, next);
    }

    /** Whole percent of the required lessons done; a course with no required lesson counts all lessons. */
    public int percent() {
        if (required > 0) {
            return requiredDone * 100 / required;
        }
        return total == 0 ? 0 : done * 100 / total;
    }
}
