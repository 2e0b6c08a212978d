package vn.hocso.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.hocso.course.CourseModule;
import vn.hocso.course.Lesson;

/** A course's modules with their lessons, read in two statements. */
final class Outline {

    /** One module of the outline. */
    record Module(CourseModule module, List<Lesson> lessons) {

        public int minutes() {
            return lessons.stream().mapToInt(l -> l.minutes).sum();
        }
    }

    private Outline() {}

    static List<Module> of(long courseId) {
        Map<Long, List<Lesson>> byModule = new LinkedHashMap<>();
        for (Lesson lesson : Lesson.listActiveOfCourse(courseId)) {
            byModule.computeIfAbsent(lesson.moduleId, id -> new ArrayList<>()).add(lesson);
        }
        return CourseModule.listActiveOfCourse(courseId).stream()
                .map(m -> new Module(m, byModule.getOrDefault(m.id, List.of())))
                .toList();
    }
}
