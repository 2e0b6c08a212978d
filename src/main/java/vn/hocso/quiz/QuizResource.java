package vn.hocso.quiz;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import vn.hocso.account.CurrentUser;
import vn.hocso.account.Person;
import vn.hocso.course.Authorship;
import vn.hocso.web.Links;
import vn.hocso.web.Locales;
import vn.hocso.web.Refusal;
import vn.hocso.web.Roles;

/** A quiz lesson's quiz: its rules, the learner's attempts and result, starting an attempt; item statistics. */
@Path("/courses/{slug}/lessons/{key}/quiz")
@Authenticated
class QuizResource {

    @CheckedTemplate(basePath = "quiz")
    static class Templates {
        static native TemplateInstance quiz(
                QuizLesson place,
                int questions,
                List<QuizAttempt> attempts,
                QuizAttempt open,
                QuizAttempt result,
                Availability availability);

        static native TemplateInstance stats(QuizLesson place, ItemStatistics.Report report);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    QuizService quizzes;

    @Inject
    ItemStatistics statistics;

    @Inject
    Authorship authorship;

    @Inject
    Locales locales;

    @GET
    public TemplateInstance show(@PathParam("slug") String slug, @PathParam("key") String key) {
        Person person = currentUser.person();
        QuizLesson place = QuizLesson.forLearner(person, slug, key, locales.messages(QuizMessages.class));
        Quiz quiz = place.quiz();
        List<QuizAttempt> attempts = QuizAttempt.listOfPerson(person.id, quiz.id);
        QuizAttempt open =
                attempts.stream().filter(QuizAttempt::isOpen).findFirst().orElse(null);
        QuizAttempt result = Grading.counting(
                        attempts.stream().filter(QuizAttempt::isGraded).toList(), quiz.counting, a -> a.percent)
                .orElse(null);
        int questions = quiz.questionsPerAttempt((int) QuizQuestion.count("quizId = ?1 and retired = false", quiz.id));
        return Templates.quiz(
                place, questions, attempts, open, result, Availability.of(quiz, attempts, OffsetDateTime.now()));
    }

    @POST
    @Path("attempts")
    public Response start(@PathParam("slug") String slug, @PathParam("key") String key) {
        Person person = currentUser.person();
        QuizMessages msg = locales.messages(QuizMessages.class);
        QuizLesson place = QuizLesson.forLearner(person, slug, key, msg);
        try {
            QuizAttempt attempt = quizzes.start(person.id, place.quiz());
            return Response.seeOther(URI.create(Links.attempt(attempt.id))).build();
        } catch (QuizService.NotAllowed e) {
            throw refusal(e.availability, msg);
        }
    }

    @GET
    @Path("stats")
    @RolesAllowed({Roles.TRAINER, Roles.ADMIN})
    public TemplateInstance stats(@PathParam("slug") String slug, @PathParam("key") String key) {
        QuizLesson place = QuizLesson.forTrainer(slug, key);
        // a trainer sees the statistics of their own courses only
        authorship.check(place.course());
        return Templates.stats(place, statistics.of(place.quiz(), AttemptView.Language.of(locales.current())));
    }

    /** Why a new attempt cannot start now, for pages and API alike. */
    static Refusal refusal(Availability availability, QuizMessages msg) {
        if (availability.limitReached()) {
            return new Refusal(Response.Status.CONFLICT, msg.limit_reached());
        }
        return new Refusal(Response.Status.CONFLICT, msg.wait_until(availability.notBeforeText()));
    }
}
