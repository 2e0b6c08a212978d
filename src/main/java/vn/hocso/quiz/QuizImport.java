package vn.hocso.quiz;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.hocso.course.Lesson;
import vn.hocso.quiz.QuizDefinition.OptionDefinition;
import vn.hocso.quiz.QuizDefinition.QuestionDefinition;
import vn.hocso.quiz.QuizDefinition.Settings;

/**
 * Writes the quizzes of an imported course, inside the importer's transaction (all of a course or nothing).
 * Questions and options are matched by their keys, so they keep their ids — and past attempts their meaning —
 * when text, order or settings change; what the file no longer has is retired, never deleted.
 */
@ApplicationScoped
public class QuizImport {

    /** Writes the quiz of each quiz lesson of the course, by lesson key. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(long courseId, Map<String, QuizDefinition> quizzes) {
        for (Map.Entry<String, QuizDefinition> entry : quizzes.entrySet()) {
            Lesson lesson = Lesson.find("courseId = ?1 and key = ?2", courseId, entry.getKey())
                    .<Lesson>firstResultOptional()
                    .orElseThrow(() -> new IllegalStateException("quiz lesson " + entry.getKey() + " was not written"));
            write(courseId, lesson.id, entry.getValue());
        }
    }

    private void write(long courseId, long lessonId, QuizDefinition def) {
        Quiz quiz = Quiz.findByLesson(lessonId).orElseGet(() -> {
            Quiz created = new Quiz();
            created.lessonId = lessonId;
            return created;
        });
        Settings s = def.settings();
        quiz.courseId = courseId;
        quiz.drawCount = s.drawCount();
        quiz.drawByTag = s.drawByTag() == null || s.drawByTag().isEmpty() ? null : new LinkedHashMap<>(s.drawByTag());
        quiz.shuffleQuestions = s.shuffleQuestions();
        quiz.shuffleOptions = s.shuffleOptions();
        quiz.timeLimitSeconds = s.timeLimitMinutes() == null ? null : s.timeLimitMinutes() * 60;
        quiz.maxAttempts = s.maxAttempts();
        quiz.delayMinutes = s.delayMinutes();
        quiz.passPercent = s.passPercent();
        quiz.counting = s.counting();
        quiz.review = s.review();
        quiz.updatedAt = OffsetDateTime.now();
        quiz.persistAndFlush();

        Map<String, QuizQuestion> existing = new HashMap<>();
        QuizQuestion.listAllOfQuiz(quiz.id).forEach(q -> existing.put(q.key, q));
        existing.values().forEach(q -> q.retired = true);
        int position = 0;
        for (QuestionDefinition qd : def.questions()) {
            QuizQuestion question = existing.computeIfAbsent(qd.key(), key -> {
                QuizQuestion created = new QuizQuestion();
                created.quizId = quiz.id;
                created.key = key;
                return created;
            });
            question.type = qd.type();
            question.stemVi = qd.stemVi();
            question.stemEn = qd.stemEn();
            question.feedbackVi = qd.feedbackVi();
            question.feedbackEn = qd.feedbackEn();
            question.weight = qd.weight();
            question.tags = qd.tags().toArray(String[]::new);
            question.accepted = qd.accepted().toArray(String[]::new);
            question.position = position++;
            question.retired = false;
            question.persistAndFlush();
            writeOptions(question.id, qd.options());
        }
        keepVersion(quiz);
    }

    /**
     * Points the quiz at a snapshot of the bank just written, a new one only when it differs from the current one:
     * attempts under way keep theirs, so a publication never changes what they show or how they are graded.
     */
    private static void keepVersion(Quiz quiz) {
        BankSnapshot snapshot = BankSnapshot.read(quiz.id);
        if (quiz.bankVersionId != null
                && snapshot.equals(QuizBankVersion.<QuizBankVersion>findById(quiz.bankVersionId).content)) {
            return;
        }
        QuizBankVersion version = new QuizBankVersion();
        version.quizId = quiz.id;
        version.content = snapshot;
        version.persist();
        quiz.bankVersionId = version.id;
    }

    private static void writeOptions(long questionId, List<OptionDefinition> options) {
        Map<String, QuizOption> existing = new HashMap<>();
        QuizOption.listOfQuestions(List.of(questionId)).forEach(o -> existing.put(o.key, o));
        existing.values().forEach(o -> o.retired = true);
        int position = 0;
        for (OptionDefinition od : options) {
            QuizOption option = existing.computeIfAbsent(od.key(), key -> {
                QuizOption created = new QuizOption();
                created.questionId = questionId;
                created.key = key;
                return created;
            });
            option.textVi = od.textVi();
            option.textEn = od.textEn();
            option.correct = od.correct();
            option.position = position++;
            option.retired = false;
            option.persist();
        }
    }
}
