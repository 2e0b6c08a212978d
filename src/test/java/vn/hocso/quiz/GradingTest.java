package vn.hocso.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.hocso.quiz.Grading.Answer;
import vn.hocso.quiz.Grading.AnswerKey;

class GradingTest {

    static final AnswerKey SINGLE = new AnswerKey(QuestionType.SINGLE, 1, Set.of(2L), List.of());
    static final AnswerKey TRUE_FALSE = new AnswerKey(QuestionType.TRUE_FALSE, 1, Set.of(10L), List.of());
    /** Three correct options (1, 2, 3) and two wrong ones (4, 5), worth 3 points. */
    static final AnswerKey MULTIPLE = new AnswerKey(QuestionType.MULTIPLE, 3, Set.of(1L, 2L, 3L), List.of());

    static final AnswerKey TEXT = new AnswerKey(QuestionType.TEXT, 2, Set.of(), List.of("Hà Nội", "Thủ đô Hà Nội"));

    private static Answer chose(Long... ids) {
        return new Answer(Set.of(ids), null);
    }

    private static Answer typed(String text) {
        return new Answer(Set.of(), text);
    }

    @Test
    void aSingleChoiceScoresItsWeightOnlyForTheCorrectOption() {
        assertEquals(1, Grading.score(SINGLE, chose(2L)));
        assertEquals(0, Grading.score(SINGLE, chose(3L)));
        assertEquals(0, Grading.score(SINGLE, Answer.NONE));
    }

    @Test
    void aSingleChoiceWithSeveralOptionsChosenScoresNothingEvenWithTheCorrectOneAmongThem() {
        assertEquals(0, Grading.score(SINGLE, chose(2L, 3L)));
    }

    @Test
    void trueFalseIsASingleChoiceBetweenTwoOptions() {
        assertEquals(1, Grading.score(TRUE_FALSE, chose(10L)));
        assertEquals(0, Grading.score(TRUE_FALSE, chose(11L)));
        assertEquals(0, Grading.score(TRUE_FALSE, chose(10L, 11L)));
    }

    @Test
    void multipleChoiceGivesPartialCreditForEachCorrectOptionChosen() {
        assertEquals(3, Grading.score(MULTIPLE, chose(1L, 2L, 3L)), 1e-9);
        assertEquals(2, Grading.score(MULTIPLE, chose(1L, 2L)), 1e-9);
        assertEquals(1, Grading.score(MULTIPLE, chose(3L)), 1e-9);
        assertEquals(0, Grading.score(MULTIPLE, Answer.NONE), 1e-9);
    }

    @Test
    void inMultipleChoiceEachWrongOptionCancelsACorrectOne() {
        assertEquals(2, Grading.score(MULTIPLE, chose(1L, 2L, 3L, 4L)), 1e-9);
        assertEquals(1, Grading.score(MULTIPLE, chose(1L, 2L, 4L)), 1e-9);
        assertEquals(0, Grading.score(MULTIPLE, chose(1L, 4L)), 1e-9);
    }

    @Test
    void multipleChoiceNeverScoresBelowZero() {
        assertEquals(0, Grading.score(MULTIPLE, chose(4L, 5L)), 1e-9);
        assertEquals(0, Grading.score(MULTIPLE, chose(1L, 4L, 5L)), 1e-9);
    }

    @Test
    void choosingEveryOptionOfAMultipleChoiceDoesNotPay() {
        assertEquals(1, Grading.score(MULTIPLE, chose(1L, 2L, 3L, 4L, 5L)), 1e-9);
    }

    @Test
    void aCorrectOptionTheAttemptDidNotShowIsNotOwed() {
        // options 1 and 2 correct, 2 retired by a re-import before the attempt began: it showed 1 and 4 only
        AnswerKey key = new AnswerKey(QuestionType.MULTIPLE, 2, Set.of(1L, 2L), List.of()).shown(new Long[] {1L, 4L});
        assertEquals(Set.of(1L), key.correct());
        assertEquals(2, Grading.score(key, chose(1L)), 1e-9);
        assertTrue(Grading.isCorrect(key, Grading.score(key, chose(1L))));
        assertEquals(0, Grading.score(key, chose(1L, 4L)), 1e-9);
    }

    @Test
    void anAttemptThatShowedEveryCorrectOptionIsGradedOnTheWholeKey() {
        assertSame(MULTIPLE, MULTIPLE.shown(new Long[] {5L, 3L, 1L, 4L, 2L}));
        assertSame(TEXT, TEXT.shown(new Long[0]));
        assertEquals(2, Grading.score(MULTIPLE.shown(new Long[] {1L, 2L, 3L, 4L, 5L}), chose(1L, 2L)), 1e-9);
    }

    @Test
    void aShortAnswerMatchesAnyAcceptedAnswerIgnoringCaseDiacriticsAndSpaces() {
        for (String answer : List.of("Hà Nội", "ha noi", " HA NOI ", "hà   nội", "HÀ NỘI", "thu do ha noi")) {
            assertEquals(2, Grading.score(TEXT, typed(answer)), answer);
        }
        for (String answer : List.of("Hải Phòng", "ha", "hanoi", "", "   ")) {
            assertEquals(0, Grading.score(TEXT, typed(answer)), answer);
        }
        assertEquals(0, Grading.score(TEXT, Answer.NONE));
    }

    @Test
    void foldingTurnsDIntoDAndDropsEveryVietnameseMark() {
        assertEquals("dang ky thuong tru", Grading.fold("  Đăng ký   THƯỜNG TRÚ "));
        assertEquals("ha noi", Grading.fold("Hà Nội"));
        assertEquals("ha noi", Grading.fold("ha noi"));
        assertEquals("ha noi", Grading.fold(" HA NOI "));
        assertEquals("duong", Grading.fold("đường"));
    }

    @Test
    void aQuestionIsCorrectOnlyWithItsFullWeight() {
        assertTrue(Grading.isCorrect(MULTIPLE, 3));
        assertFalse(Grading.isCorrect(MULTIPLE, 2));
    }

    @Test
    void theAttemptPassesAtOrAboveThePassMark() {
        assertEquals(70, Grading.percent(7, 10), 1e-9);
        assertTrue(Grading.passes(Grading.percent(7, 10), 70));
        assertFalse(Grading.passes(Grading.percent(6.9, 10), 70));
        assertTrue(Grading.passes(Grading.percent(2, 3), 66));
        assertEquals(0, Grading.percent(0, 0), 1e-9);
    }

    record Graded(int number, double percent) {}

    @Test
    void theHighestAttemptCountsAndTheFirstOfEqualOnesWins() {
        List<Graded> attempts = List.of(new Graded(1, 40), new Graded(2, 90), new Graded(3, 90), new Graded(4, 60));
        assertEquals(
                2,
                Grading.counting(attempts, Counting.HIGHEST, Graded::percent)
                        .orElseThrow()
                        .number());
    }

    @Test
    void theLastAttemptCountsEvenWhenAnEarlierOneWasBetter() {
        List<Graded> attempts = List.of(new Graded(1, 40), new Graded(2, 90), new Graded(3, 60));
        assertEquals(
                3,
                Grading.counting(attempts, Counting.LAST, Graded::percent)
                        .orElseThrow()
                        .number());
    }

    @Test
    void withoutGradedAttemptsThereIsNoResult() {
        assertEquals(Optional.empty(), Grading.counting(List.<Graded>of(), Counting.HIGHEST, Graded::percent));
    }
}
