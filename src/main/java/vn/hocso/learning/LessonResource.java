package vn.hocso.learning;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.hocso.account.CurrentUser;
import vn.hocso.account.Person;
import vn.hocso.catalog.Standing;
import vn.hocso.course.Course;
import vn.hocso.course.CourseOutline;
import vn.hocso.course.Lesson;
import vn.hocso.course.Outlines;
import vn.hocso.enrolment.Enrolment;
import vn.hocso.progress.CourseProgress;
import vn.hocso.progress.ProgressMessages;
import vn.hocso.progress.ProgressService;
import vn.hocso.web.Flash;
import vn.hocso.web.Links;
import vn.hocso.web.Locales;
import vn.hocso.web.PageParts;
import vn.hocso.web.Refusal;

/** Reading a lesson and marking a text lesson done. Only enrolled learners of a published course get in. */
@Path("/courses/{slug}/lessons/{key}")
@Authenticated
class LessonResource {

    @CheckedTemplate(basePath = "learning")
    static class Templates {
        static native TemplateInstance lesson(
                Course course,
                Lesson lesson,
                List<Lesson> outline,
                Set<Long> done,
                Lesson previous,
                Lesson next,
                CourseProgress progress,
                PageParts.Slots slots);

        /** The lesson's panel of actions: done, or the button that marks it so, and the progress bar. */
        static native TemplateInstance lesson$actions(
                Course course, Lesson lesson, Set<Long> done, CourseProgress progress);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    ProgressService progress;

    @Inject
    Locales locales;

    @Inject
    Flash flash;

    @Inject
    Outlines outlines;

    @Inject
    SignedInLessonPages keptPages;

    /**
     * A lesson: where the learner stands in its course and the catalogue's version (one statement, {@link
     * Standing#visit}), then the parts kept for it ({@link SignedInLessonPages}), or else the course (one statement)
     * and the outline from memory ({@link Outlines}); the person is known from the session check.
     */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public String show(@PathParam("slug") String slug, @PathParam("key") String key) {
        // read once for both ways: the kept parts' version check, or the usual page's enrolment check and marks
        Standing.Visit visit = Standing.visit(slug, currentUser.personId());
        if (visit == null) {
            throw new NotFoundException();
        }
        Standing standing = visit.standing();
        if (!standing.enrolled()) {
            throw notEnrolled(slug);
        }
        if (flash.getMessage() == null) {
            Optional<String> kept = keptPages.page(slug, key, visit);
            if (kept.isPresent()) {
                return kept.get();
            }
        }
        Course course = Course.getPublishedBySlug(slug);
        CourseOutline outline = outlines.of(course);
        List<Lesson> lessons = outline.lessons();
        int at = outline.indexOf(key);
        if (at < 0) {
            throw new NotFoundException();
        }
        return Templates.lesson(
                        course,
                        lessons.get(at),
                        lessons,
                        standing.done(),
                        at > 0 ? lessons.get(at - 1) : null,
                        at + 1 < lessons.size() ? lessons.get(at + 1) : null,
                        CourseProgress.of(lessons, standing.done()),
                        null)
                .render();
    }

    @POST
    @Path("done")
    public Response done(@PathParam("slug") String slug, @PathParam("key") String key) {
        Person person = currentUser.person();
        Course course = enrolledCourse(person, slug);
        List<Lesson> outline = Lesson.listActiveOfCourse(course.id);
        int at = indexOf(outline, key);
        Lesson lesson = outline.get(at);
        ProgressMessages msg = locales.messages(ProgressMessages.class);
        if (!lesson.isText()) {
            // video lessons complete by watched coverage, quizzes by passing: a click cannot stand in for either
            throw new Refusal(Response.Status.CONFLICT, msg.not_manual());
        }
        progress.complete(person.id, lesson);
        boolean courseDone = Enrolment.findOf(person.id, course.id)
                .map(Enrolment::isCompleted)
                .orElse(false);
        flash.show(courseDone ? msg.course_completed() : msg.lesson_done());
        String target = at + 1 < outline.size() && !courseDone
                ? Links.lesson(course.slug, outline.get(at + 1).key)
                : Links.course(course.slug);
        return Response.seeOther(URI.create(target)).build();
    }

    private Course enrolledCourse(Person person, String slug) {
        Course course = Course.getPublishedBySlug(slug);
        if (!Enrolment.isEnrolled(person.id, course.id)) {
            throw notEnrolled(course.slug);
        }
        return course;
    }

    private Refusal notEnrolled(String slug) {
        ProgressMessages msg = locales.messages(ProgressMessages.class);
        return new Refusal(Response.Status.FORBIDDEN, msg.enrol_first())
                .offering(Links.courseEnrol(slug), msg.enrol_offer());
    }

    private static int indexOf(List<Lesson> outline, String key) {
        for (int i = 0; i < outline.size(); i++) {
            if (outline.get(i).key.equals(key)) {
                return i;
            }
        }
        throw new NotFoundException();
    }
}
