package vn.hocso.report;

import java.util.List;
import vn.hocso.course.Course;

/** The courses a report can be filtered by: every course that exists (an archived one still has learners). */
final class CourseTitles {

    private CourseTitles() {}

    static boolean exists(long id) {
        return Course.findByIdOptional(id).isPresent();
    }

    static List<Course> all() {
        return Course.list("order by titleVi, id");
    }

    static String titleOf(Long id) {
        return id == null
                ? null
                : Course.<Course>findByIdOptional(id).map(c -> c.titleVi).orElse(null);
    }
}
