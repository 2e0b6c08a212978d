package vn.hocso.progress;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hocso.course.LessonKind;
import vn.hocso.progress.CompletionRule.LessonState;

class CompletionRuleTest {

    static LessonState text(String key, boolean required, boolean done) {
        return new LessonState(key, LessonKind.TEXT, required, done);
    }

    static LessonState quiz(String key, boolean required, boolean done) {
        return new LessonState(key, LessonKind.QUIZ, required, done);
    }

    @Test
    void everyRequiredLessonDoneCompletesTheCourse() {
        assertTrue(CompletionRule.isComplete(List.of(text("a", true, true), text("b", true, true)), null));
    }

    @Test
    void oneRequiredLessonLeftKeepsTheCourseOpen() {
        assertFalse(CompletionRule.isComplete(List.of(text("a", true, true), text("b", true, false)), null));
    }

    @Test
    void optionalLessonsDoNotHoldCompletionBack() {
        assertTrue(CompletionRule.isComplete(List.of(text("a", true, true), text("extra", false, false)), null));
    }

    @Test
    void aRequiredFinalQuizMustBePassed() {
        List<LessonState> quizNotPassed = List.of(text("a", true, true), quiz("final", false, false));
        assertFalse(CompletionRule.isComplete(quizNotPassed, "final"));
        List<LessonState> quizPassed = List.of(text("a", true, true), quiz("final", false, true));
        assertTrue(CompletionRule.isComplete(quizPassed, "final"));
    }

    @Test
    void aQuizNotNamedByTheRuleCountsOnlyIfRequired() {
        assertTrue(CompletionRule.isComplete(List.of(text("a", true, true), quiz("practice", false, false)), null));
        assertFalse(CompletionRule.isComplete(List.of(text("a", true, true), quiz("graded", true, false)), null));
    }

    @Test
    void aFinalQuizThatIsNotAQuizLessonNeverCounts() {
        assertFalse(CompletionRule.isComplete(List.of(text("final", true, true)), "final"));
    }

    @Test
    void aCourseOfOptionalLessonsIsCompleteWhenAllAreDone() {
        assertFalse(CompletionRule.isComplete(List.of(text("a", false, true), text("b", false, false)), null));
        assertTrue(CompletionRule.isComplete(List.of(text("a", false, true), text("b", false, true)), null));
    }

    @Test
    void anEmptyCourseIsNeverComplete() {
        assertFalse(CompletionRule.isComplete(List.of(), null));
    }
}
