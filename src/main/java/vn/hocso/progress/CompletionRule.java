package vn.hocso.progress;

import java.util.List;
import vn.hocso.course.LessonKind;

/**
 * When a course counts as complete: every required lesson done and, when the course names a final quiz, that
 * quiz passed (a quiz lesson is done when passed). A course whose lessons are all optional is complete when all
 * of them are done. Each lesson kind decides for itself what "done" means and reports it (text: marked read;
 * video: watched coverage; quiz: passed).
 */
public final class CompletionRule {

    /** One lesson of the course as it stands for one learner. */
    public record LessonState(String key, LessonKind kind, boolean required, boolean done) {}

    private CompletionRule() {}

    public static boolean isComplete(List<LessonState> lessons, String finalQuizKey) {
        if (lessons.isEmpty()) {
            return false;
        }
        boolean anyRequired = lessons.stream().anyMatch(LessonState::required);
        boolean lessonsDone = anyRequired
                ? lessons.stream().filter(LessonState::required).allMatch(LessonState::done)
                : lessons.stream().allMatch(LessonState::done);
        boolean quizPassed = finalQuizKey == null
                || lessons.stream()
                        .anyMatch(l -> l.key().equals(finalQuizKey) && l.kind() == LessonKind.QUIZ && l.done());
        return lessonsDone && quizPassed;
    }
}
