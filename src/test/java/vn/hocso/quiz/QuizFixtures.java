package vn.hocso.quiz;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.hocso.account.Person;
import vn.hocso.content.ContentMessages;
import vn.hocso.content.CourseImporter;
import vn.hocso.content.ImportReport;
import vn.hocso.course.Course;
import vn.hocso.course.Lesson;

/** A small course with a quiz of known questions, imported through the real importer, and helpers around it. */
final class QuizFixtures {

    static final String LESSON = "bai-kiem-tra";

    /** One question of each type; the correct answers are unlikely strings, so a page can be searched for them. */
    static final String QUIZ = """
            settings:
              shuffleQuestions: false
              shuffleOptions: true
              timeLimitMinutes: 10
              passPercent: 75
              review: answers
            questions:
              - id: thu-do
                type: single
                stem: {vi: "Thủ đô của Việt Nam là thành phố nào?"}
                options:
                  - {id: dung, text: {vi: "Đáp-án-đơn-ĐÚNG"}, correct: true}
                  - {id: sai-1, text: {vi: "Huế"}}
                  - {id: sai-2, text: {vi: "Đà Nẵng"}}
                feedback: {vi: "Lời-giải-thích-BÍ-MẬT"}
              - id: ma-bao-mat
                type: multiple
                weight: 2
                stem: {vi: "Những gì không được đưa cho ai?"}
                options:
                  - {id: otp, text: {vi: "Mã-OTP-ĐÚNG"}, correct: true}
                  - {id: mat-khau, text: {vi: "Mật-khẩu-ĐÚNG"}, correct: true}
                  - {id: ten, text: {vi: "Tên của xã"}}
              - id: ngan-hang-hoi-otp
                type: truefalse
                stem: {vi: "Ngân hàng có thể hỏi mã OTP của bạn."}
                answer: false
              - id: tong-dai
                type: text
                stem: {vi: "Gõ tên con sông chảy qua Hà Nội."}
                answers: ["Sông-Hồng-ĐÚNG", "Hong-River-ĐÚNG"]
            """;

    private QuizFixtures() {}

    static String course(String slug) {
        return """
                title: {vi: "Khoá học thử %s"}
                summary: {vi: "Khoá học dùng trong kiểm thử bài kiểm tra."}
                category: ky-nang-so
                targetGroups: [citizen]
                level: basic
                status: published
                authors: [binh]
                completion:
                  finalQuiz: %s
                modules:
                  - id: chinh
                    title: {vi: "Nội dung"}
                    lessons:
                      - id: bai-doc
                        kind: text
                        file: lessons/01.md
                      - id: %s
                        kind: quiz
                        title: {vi: "Bài kiểm tra"}
                        file: quiz/final.yaml
                """.formatted(slug, LESSON, LESSON);
    }

    /** Imports the course {@code slug} with this quiz file; returns the quiz. */
    static Quiz importCourse(CourseImporter importer, String slug, String quizYaml) {
        try {
            Path root = Files.createTempDirectory("hocso-quiz-test");
            Path dir = root.resolve(slug);
            Files.createDirectories(dir.resolve("lessons"));
            Files.createDirectories(dir.resolve("quiz"));
            Files.writeString(dir.resolve("course.yaml"), course(slug));
            Files.writeString(dir.resolve("lessons/01.md"), "---\ntitle: {vi: \"Bài đọc\"}\n---\nNội dung.\n");
            Files.writeString(dir.resolve("quiz/final.yaml"), quizYaml);
            ImportReport report = importer.importAll(root, MessageBundles.get(ContentMessages.class));
            if (!report.problems().isEmpty()) {
                throw new IllegalStateException(report.problems().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return quiz(slug);
    }

    static Quiz quiz(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Course course = Course.findBySlug(slug).orElseThrow();
            return Quiz.getByLesson(Lesson.getActive(course.id, LESSON).id);
        });
    }

    /** Changes a quiz's settings in the database, as a re-import of an edited file would. */
    static void set(long quizId, String assignments) {
        QuarkusTransaction.requiringNew()
                .run(() -> Quiz.getEntityManager()
                        .createNativeQuery("update quiz set " + assignments + " where id = ?1")
                        .setParameter(1, quizId)
                        .executeUpdate());
    }

    /** The person of this subject (created if new), enrolled in the course. */
    static long enrolled(String subject, String slug) {
        return QuarkusTransaction.requiringNew().call(() -> {
            EntityManager em = Person.getEntityManager();
            em.createNativeQuery(
                            "insert into person (subject, full_name) values (?1, ?2) on conflict (subject) do nothing")
                    .setParameter(1, subject)
                    .setParameter(2, "Học viên " + subject)
                    .executeUpdate();
            long id = Person.findBySubject(subject).orElseThrow().id;
            em.createNativeQuery("""
                    insert into enrolment (person_id, course_id) select ?1, id from course where slug = ?2
                    on conflict do nothing""").setParameter(1, id).setParameter(2, slug).executeUpdate();
            return id;
        });
    }

    /** What a learner who knows (or not) the answers sends: per question number, option codes or a text. */
    static Map<Integer, QuizService.Posted> answers(long attemptId, boolean right) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<Integer, QuizService.Posted> answers = new HashMap<>();
            for (AttemptQuestion item : AttemptQuestion.listOfAttempt(attemptId)) {
                answers.put(item.position, answer(item, right));
            }
            return answers;
        });
    }

    static QuizService.Posted answer(AttemptQuestion item, boolean right) {
        QuizQuestion question = QuizQuestion.findById(item.questionId);
        if (question.isText()) {
            return new QuizService.Posted(List.of(), right ? question.accepted[0] : "không biết");
        }
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < item.optionIds.length; i++) {
            QuizOption option = QuizOption.findById(item.optionIds[i]);
            if (option.correct == right) {
                codes.add(item.optionCodes[i]);
                if (!question.isMultiple()) {
                    break;
                }
            }
        }
        return new QuizService.Posted(codes, null);
    }

    /** The form fields of a page submission carrying these answers. */
    static String[] formFields(Map<Integer, QuizService.Posted> answers) {
        List<String> fields = new ArrayList<>(List.of("questions", String.valueOf(answers.size())));
        answers.forEach((n, posted) -> {
            if (posted.text() != null) {
                fields.addAll(List.of("q" + n, posted.text()));
            } else {
                posted.codes().forEach(code -> fields.addAll(List.of("q" + n, code)));
            }
        });
        return fields.toArray(String[]::new);
    }

    static QuizAttempt attempt(long id) {
        return QuarkusTransaction.requiringNew().call(() -> QuizAttempt.<QuizAttempt>findById(id));
    }
}
