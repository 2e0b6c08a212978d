package vn.hocso.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.Optional;
import vn.hocso.course.Course;
import vn.hocso.course.CourseModule;
import vn.hocso.course.Lesson;
import vn.hocso.course.LessonKind;

/**
 * Video lessons of a draft, before it is published: a trainer uploads the video and captions while writing the course,
 * not only after publication. The video needs a lesson row to belong to, so the lesson (and its module, when that is
 * new too) is <em>reserved</em>: written retired — hidden from learners, as every retired lesson — under its key.
 * Publishing goes through the importer, which matches lessons and modules by key, so it takes the reserved row as
 * the lesson, with its id and its video; a draft that is never published leaves a retired row, like a retired lesson.
 * The caller has checked that the person may edit the course.
 */
@ApplicationScoped
public class DraftVideoLessons {

    /** The reserved row of a video lesson of the course's draft, once reserved. */
    public Optional<Lesson> find(Course course, String key) {
        return declared(yaml(course).orElse(null), key).flatMap(l -> Lesson.findByKey(course.id, key));
    }

    /** The row of a video lesson of the course's draft, reserved now if it was not; empty when there is no such lesson. */
    @Transactional
    public Optional<Lesson> reserve(Course course, String key) {
        // two reservations at once take turns instead of colliding on the lesson's unique key
        Course.getEntityManager().find(Course.class, course.id, LockModeType.PESSIMISTIC_WRITE);
        CourseYaml yaml = yaml(course).orElse(null);
        Optional<CourseYaml.LessonYaml> declared = declared(yaml, key);
        if (declared.isEmpty()) {
            return Optional.empty();
        }
        Optional<Lesson> existing = Lesson.findByKey(course.id, key);
        if (existing.isPresent()) {
            return existing;
        }
        CourseYaml.ModuleYaml module = yaml.modules.stream()
                .filter(m -> m.lessons.contains(declared.get()))
                .findFirst()
                .orElseThrow();
        CourseModule row = CourseModule.findByKey(course.id, module.id).orElseGet(() -> {
            CourseModule created = new CourseModule();
            created.courseId = course.id;
            created.key = module.id;
            created.titleVi = clip(module.titleVi == null ? module.id : module.titleVi, Limits.MAX_TITLE_LENGTH);
            created.retired = true;
            created.persist();
            return created;
        });
        CourseYaml.LessonYaml l = declared.get();
        Lesson lesson = new Lesson();
        lesson.courseId = course.id;
        lesson.moduleId = row.id;
        lesson.key = key;
        lesson.kind = LessonKind.VIDEO;
        lesson.titleVi = clip(l.titleVi == null ? key : l.titleVi, Limits.MAX_TITLE_LENGTH);
        lesson.titleEn = l.titleEn == null ? null : clip(l.titleEn, Limits.MAX_TITLE_LENGTH);
        lesson.minutes = l.minutes == null ? 0 : Math.max(0, l.minutes);
        lesson.required = l.required;
        lesson.sourcePath = l.video == null ? null : clip(l.video, MAX_PATH);
        lesson.retired = true;
        lesson.persist();
        return Optional.of(lesson);
    }

    /** The length of lesson.source_path. */
    private static final int MAX_PATH = 300;

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    /** The video lesson {@code key} as the course's draft ({@code yaml}, null when there is none) declares it. */
    private static Optional<CourseYaml.LessonYaml> declared(CourseYaml yaml, String key) {
        if (yaml == null || key == null || key.length() > Limits.MAX_ID_LENGTH) {
            return Optional.empty();
        }
        return yaml.modules.stream()
                .flatMap(m -> m.lessons.stream())
                .filter(l -> key.equals(l.id) && "video".equals(l.kind))
                .findFirst();
    }

    private static Optional<CourseYaml> yaml(Course course) {
        return CourseDraft.findOfCourse(course.id)
                .map(d -> DraftFile.filesOf(d.id).get(Drafts.COURSE_FILE))
                .map(CourseYaml::parse);
    }
}
