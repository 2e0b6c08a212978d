package vn.hocso.quiz;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import vn.hocso.account.Person;
import vn.hocso.course.Course;
import vn.hocso.course.Lesson;
import vn.hocso.course.LessonKind;
import vn.hocso.enrolment.Enrolment;
import vn.hocso.web.Links;
import vn.hocso.web.Refusal;

/** A quiz with the lesson and course it belongs to, found the way pages and API reach it. */
record QuizLesson(Course course, Lesson lesson, Quiz quiz) {

    /** A quiz lesson of a published course the person is enrolled in; anything else is refused or not found. */
    static QuizLesson forLearner(Person person, String slug, String key, QuizMessages msg) {
        Course course = Course.getPublishedBySlug(slug);
        if (!Enrolment.isEnrolled(person.id, course.id)) {
            throw new Refusal(Response.Status.FORBIDDEN, msg.enrol_first())
                    .offering(Links.courseEnrol(course.slug), msg.enrol_offer());
        }
        return of(course, key);
    }

    /** A quiz lesson of any course, for the trainers who look at its statistics. */
    static QuizLesson forTrainer(String slug, String key) {
        return of(Course.findBySlug(slug).orElseThrow(NotFoundException::new), key);
    }

    static QuizLesson of(QuizAttempt attempt) {
        Quiz quiz = Quiz.findById(attempt.quizId);
        Lesson lesson = Lesson.findById(quiz.lessonId);
        return new QuizLesson(Course.findById(lesson.courseId), lesson, quiz);
    }

    private static QuizLesson of(Course course, String key) {
        Lesson lesson = Lesson.getActive(course.id, key);
        if (lesson.kind != LessonKind.QUIZ) {
            throw new NotFoundException();
        }
        return new QuizLesson(course, lesson, Quiz.getByLesson(lesson.id));
    }

    public String url() {
        return Links.quiz(course.slug, lesson.key);
    }

    public String lessonUrl() {
        return Links.lesson(course.slug, lesson.key);
    }
}
