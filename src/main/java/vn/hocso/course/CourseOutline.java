package vn.hocso.course;

import java.util.List;

/** A course's active modules with their lessons, and the same lessons in course order (module, then lesson). */
public record CourseOutline(List<Module> modules, List<Lesson> lessons) {

    /** One module of the outline. */
    public record Module(CourseModule module, List<Lesson> lessons) {

        public int minutes() {
            return lessons.stream().mapToInt(l -> l.minutes).sum();
        }
    }

    /** Where the lesson of this key stands in course order, or -1 when the course has no such active lesson. */
    public int indexOf(String key) {
        for (int i = 0; i < lessons.size(); i++) {
            if (lessons.get(i).key.equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
