package vn.hocso.quiz;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import org.hibernate.query.NativeQuery;
import vn.hocso.course.Lesson;
import vn.hocso.progress.ProgressService;
import vn.hocso.quiz.Grading.Answer;
import vn.hocso.quiz.Grading.AnswerKey;

/**
 * The rules of taking a quiz. Every change to an attempt holds its row lock, so saves, a submit and the sweep for
 * attempts out of time take turns: an attempt is graded exactly once, however many submits race, and answers that
 * reach the server after the deadline (plus {@link Grading#GRACE}) are neither saved nor graded. Scores are computed
 * here only, from the answer key of the bank version the attempt was drawn from (a publication while it is open
 * changes nothing for it); nothing the client sends besides its answers is read.
 */
@ApplicationScoped
class QuizService {

    /** Longest short text answer kept. */
    static final int MAX_TEXT = 500;
    /** More questions than a quiz file may hold: a bound on what a request can make the server look at. */
    static final int MAX_QUESTIONS = 500;

    /** The rules refuse a new attempt now (limit reached, or the delay after the last one not over). */
    static final class NotAllowed extends RuntimeException {
        final Availability availability;

        NotAllowed(Availability availability) {
            super(null, null, false, false);
            this.availability = availability;
        }
    }

    /** The attempt takes no more answers: it was submitted, or its time is up. */
    static final class Closed extends RuntimeException {
        Closed() {
            super(null, null, false, false);
        }
    }

    /** What the learner sent for one question: opaque option codes, or a text. */
    record Posted(List<String> codes, String text) {}

    @Inject
    EntityManager em;

    @Inject
    ProgressService progress;

    @Inject
    QuestionBankCache banks;

    /** The learner's open attempt, resumed; otherwise a new one, when the rules allow it. */
    @Transactional
    QuizAttempt start(long personId, Quiz quiz) {
        // two tabs pressing "start" at once take turns, so they resume the same attempt instead of opening two
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "quiz-attempt:" + quiz.id + ":" + personId)
                .getSingleResult();
        OffsetDateTime now = now();
        QuizAttempt.findOpen(personId, quiz.id).filter(a -> a.isOutOfTime(now)).ifPresent(a -> {
            // re-read under the row lock: a submit may have graded it since
            em.refresh(a, LockModeType.PESSIMISTIC_WRITE);
            if (a.isOutOfTime(now)) {
                grade(a, List.of(), now, true);
            }
        });
        var open = QuizAttempt.findOpen(personId, quiz.id);
        if (open.isPresent()) {
            return open.get();
        }
        List<QuizAttempt> attempts = QuizAttempt.listOfPerson(personId, quiz.id);
        Availability availability = Availability.of(quiz, attempts, now);
        if (!availability.canStart()) {
            throw new NotAllowed(availability);
        }
        // drawn from the bank as published, which the attempt keeps whatever is published while it is open
        QuestionBank bank = banks.of(quiz);
        List<QuestionBank.Question> drawn = Draw.questions(
                bank.active(),
                QuestionBank.Question::tags,
                quiz.drawCount,
                quiz.drawByTag,
                quiz.shuffleQuestions,
                Draw.RANDOM);

        QuizAttempt attempt = new QuizAttempt();
        attempt.quizId = quiz.id;
        attempt.personId = personId;
        attempt.number = attempts.stream().mapToInt(a -> a.number).max().orElse(0) + 1;
        attempt.status = AttemptStatus.OPEN;
        attempt.startedAt = now;
        attempt.deadline = quiz.timeLimitSeconds == null ? null : now.plusSeconds(quiz.timeLimitSeconds);
        attempt.passPercent = quiz.passPercent;
        attempt.bankVersionId = bank.versionId();
        attempt.persist();
        int position = 1;
        for (QuestionBank.Question question : drawn) {
            List<QuestionBank.Option> shown = Draw.options(
                    bank.activeOptions(question.id()), quiz.shuffleOptions && !question.isTrueFalse(), Draw.RANDOM);
            AttemptQuestion item = new AttemptQuestion();
            item.attemptId = attempt.id;
            item.questionId = question.id();
            item.position = position++;
            item.optionIds = shown.stream().map(QuestionBank.Option::id).toArray(Long[]::new);
            item.optionCodes = Draw.codes(shown.size(), Draw.RANDOM).toArray(String[]::new);
            item.persist();
        }
        return attempt;
    }

    /** Saves answers by question number; refused once the attempt is graded or out of time. */
    @Transactional
    QuizAttempt save(long personId, long attemptId, Map<Integer, Posted> answers) {
        QuizAttempt attempt = lockOwn(personId, attemptId);
        OffsetDateTime now = now();
        if (!attempt.isOpen() || attempt.isOutOfTime(now)) {
            throw new Closed();
        }
        apply(attempt, answers, now);
        return attempt;
    }

    /**
     * Grades the attempt, once: answers sent with the submit count only while the attempt still takes answers;
     * a second submit returns the first result unchanged.
     */
    @Transactional
    QuizAttempt submit(long personId, long attemptId, Map<Integer, Posted> answers) {
        QuizAttempt attempt = lockOwn(personId, attemptId);
        if (attempt.isGraded()) {
            // a repeated submit, or one that waited for the lock while another graded: the result stands
            return attempt;
        }
        OffsetDateTime now = now();
        boolean outOfTime = attempt.isOutOfTime(now);
        List<AttemptQuestion> applied = outOfTime ? List.of() : apply(attempt, answers, now);
        grade(attempt, applied, now, outOfTime);
        return attempt;
    }

    /** Grades an attempt whose time ran out, on the answers saved in time; false when there was nothing to do. */
    @Transactional
    boolean closeIfOutOfTime(long attemptId) {
        QuizAttempt attempt = em.find(QuizAttempt.class, attemptId, LockModeType.PESSIMISTIC_WRITE);
        OffsetDateTime now = now();
        if (attempt == null || !attempt.isOutOfTime(now)) {
            return false;
        }
        grade(attempt, List.of(), now, true);
        return true;
    }

    /** The server's clock at the database's precision, so a result read back equals the one just computed. */
    private static OffsetDateTime now() {
        return OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** The attempt, locked, if it is this person's; anybody else's is "not found", not "forbidden". */
    private QuizAttempt lockOwn(long personId, long attemptId) {
        QuizAttempt attempt = em.find(QuizAttempt.class, attemptId, LockModeType.PESSIMISTIC_WRITE);
        if (attempt == null || attempt.personId != personId) {
            throw new NotFoundException();
        }
        return attempt;
    }

    /** Saves the answers given; returns the attempt's questions when it had to read them (else empty). */
    private static List<AttemptQuestion> apply(QuizAttempt attempt, Map<Integer, Posted> answers, OffsetDateTime now) {
        if (answers.isEmpty()) {
            return List.of();
        }
        List<AttemptQuestion> items = AttemptQuestion.listOfAttempt(attempt.id);
        for (AttemptQuestion item : items) {
            Posted posted = answers.get(item.position);
            if (posted == null) {
                continue;
            }
            Long[] chosen = null;
            String text = null;
            if (item.optionIds.length > 0) {
                Set<Long> ids = new LinkedHashSet<>();
                for (String code : posted.codes()) {
                    Long id = item.optionOf(code);
                    if (id != null) {
                        ids.add(id);
                    }
                }
                chosen = ids.isEmpty() ? null : ids.toArray(Long[]::new);
            } else if (posted.text() != null && !posted.text().isBlank()) {
                text = posted.text().strip();
                text = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
            }
            if (!Arrays.equals(chosen, item.chosen) || !Objects.equals(text, item.textAnswer)) {
                item.chosen = chosen;
                item.textAnswer = text;
                item.answeredAt = chosen == null && text == null ? null : now;
            }
        }
        return items;
    }

    /** Grades the attempt; {@code read}: its questions if this transaction has read them already. */
    private void grade(QuizAttempt attempt, List<AttemptQuestion> read, OffsetDateTime now, boolean outOfTime) {
        // answers sent with this request are written first, so the statement below does not race them
        em.flush();
        Quiz quiz = Quiz.findById(attempt.quizId);
        // the bank the attempt was drawn from: its answer key, not one published since
        QuestionBank bank = banks.of(attempt);
        List<AttemptQuestion> items = read.isEmpty() ? AttemptQuestion.listOfAttemptToRead(attempt.id) : read;
        OffsetDateTime last = attempt.lastAnswerAt();
        double score = 0;
        double max = 0;
        StringJoiner ids = new StringJoiner(",", "{", "}");
        StringJoiner scores = new StringJoiner(",", "{", "}");
        StringJoiner corrects = new StringJoiner(",", "{", "}");
        double[] points = new double[items.size()];
        boolean[] correct = new boolean[items.size()];
        for (int i = 0; i < items.size(); i++) {
            AttemptQuestion item = items.get(i);
            AnswerKey key = bank.answerKey(item.questionId).shown(item.optionIds);
            boolean inTime = item.answeredAt != null && (last == null || !item.answeredAt.isAfter(last));
            points[i] = Grading.score(key, inTime ? new Answer(item.chosenSet(), item.textAnswer) : Answer.NONE);
            correct[i] = Grading.isCorrect(key, points[i]);
            ids.add(String.valueOf(item.id));
            scores.add(String.valueOf(points[i]));
            corrects.add(String.valueOf(correct[i]));
            score += points[i];
            max += key.weight();
        }
        // one statement for every question of the attempt, not one per question
        em.createNativeQuery("""
                update quiz_attempt_question q set score = v.score, correct = v.correct
                from unnest(cast(?1 as bigint[]), cast(?2 as double precision[]), cast(?3 as boolean[]))
                    as v(id, score, correct)
                where q.id = v.id and q.attempt_id = ?4""")
                // only this table changes: Hibernate need not flush or invalidate anything else for it
                .unwrap(NativeQuery.class)
                .addSynchronizedEntityClass(AttemptQuestion.class)
                .setParameter(1, ids.toString())
                .setParameter(2, scores.toString())
                .setParameter(3, corrects.toString())
                .setParameter(4, attempt.id)
                .executeUpdate();
        attempt.score = score;
        attempt.maxScore = max;
        attempt.percent = Grading.percent(score, max);
        // the rules the attempt started with, even if a published edit changed the quiz since
        attempt.passed =
                Grading.passes(attempt.percent, attempt.passPercent != null ? attempt.passPercent : quiz.passPercent);
        attempt.status = AttemptStatus.GRADED;
        attempt.submittedAt = now;
        attempt.expired = outOfTime;
        // a later pass changes nothing: the lesson was completed by the first one
        if (attempt.passed && !progress.isLessonDone(attempt.personId, quiz.lessonId)) {
            progress.complete(attempt.personId, Lesson.findById(quiz.lessonId));
        }
    }
}
