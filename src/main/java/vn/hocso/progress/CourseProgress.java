package vn.hocso.progress;

/** A learner's progress in one course: required lessons done out of required lessons, and all lessons. */
public record CourseProgress(int required, int requiredDone, int total, int done, String nextLessonKey) {

    public static final CourseProgress NONE = new CourseProgress(0, 0, 0, 0, null);

    /** Whole percent of the required lessons done; a course with no required lesson counts all lessons. */
    public int percent() {
        if (required > 0) {
            return requiredDone * 100 / required;
        }
        return total == 0 ? 0 : done * 100 / total;
    }
}
