package vn.hocso.content;

import java.util.List;
import java.util.Map;
import vn.hocso.account.TargetGroup;
import vn.hocso.course.CourseStatus;
import vn.hocso.course.LessonKind;
import vn.hocso.quiz.QuizDefinition;

/**
 * A course as declared in its folder, validated and ready to be written; quizzes by quiz lesson key; {@code files}
 * the text of every file it was read from, by path in the folder (what an export writes back, unchanged).
 */
record CourseDefinition(
        String slug,
        String titleVi,
        String titleEn,
        String summaryVi,
        String summaryEn,
        String category,
        List<TargetGroup> targetGroups,
        String level,
        CourseStatus status,
        String finalQuizKey,
        List<ModuleDefinition> modules,
        String sourceHash,
        Map<String, QuizDefinition> quizzes,
        List<String> authors,
        Map<String, String> files) {

    record ModuleDefinition(String key, String titleVi, String titleEn, List<LessonDefinition> lessons) {}

    /** {@code captions}: a video lesson's WebVTT files by language, relative to the course folder. */
    record LessonDefinition(
            String key,
            LessonKind kind,
            String titleVi,
            String titleEn,
            int minutes,
            boolean required,
            String sourcePath,
            String bodyHtml,
            String bodyHtmlEn,
            Map<String, String> captions) {

        LessonDefinition(
                String key,
                LessonKind kind,
                String titleVi,
                String titleEn,
                int minutes,
                boolean required,
                String sourcePath,
                String bodyHtml) {
            this(key, kind, titleVi, titleEn, minutes, required, sourcePath, bodyHtml, null, Map.of());
        }
    }

    int totalMinutes() {
        return modules.stream()
                .flatMap(m -> m.lessons().stream())
                .mapToInt(LessonDefinition::minutes)
                .sum();
    }
}
