package vn.hocso.quiz;

import vn.hocso.certificate.Certificate;
import vn.hocso.enrolment.Enrolment;

/**
 * Where the learner stands in the course after a quiz: the result page says so when this attempt (or an earlier
 * step) completed the course, and links the certificate once it is issued (issuing runs in the background).
 */
record CourseStanding(boolean completed, Certificate certificate) {

    static CourseStanding of(long personId, long courseId) {
        boolean completed =
                Enrolment.findOf(personId, courseId).map(Enrolment::isCompleted).orElse(false);
        return new CourseStanding(
                completed,
                completed ? Certificate.findLiveOf(personId, courseId).orElse(null) : null);
    }
}
