package vn.hocso.quiz;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.hocso.account.CurrentUser;
import vn.hocso.web.Links;
import vn.hocso.web.Locales;
import vn.hocso.web.Refusal;

/**
 * Taking an attempt in the browser: the questions with a countdown to the server's deadline, saving (each change
 * by script, or the "save" button without it), submitting, and the result the review policy allows.
 */
@Path("/quiz/attempts/{id}")
@Authenticated
class AttemptResource {

    @CheckedTemplate(basePath = "quiz")
    static class Templates {
        static native TemplateInstance attempt(QuizLesson place, AttemptView view, boolean outOfTime, boolean saved);

        static native TemplateInstance result(QuizLesson place, AttemptView view, CourseStanding standing);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    QuizService quizzes;

    @Inject
    QuestionBankCache banks;

    @Inject
    Locales locales;

    @GET
    public Response show(@PathParam("id") long id, @QueryParam("saved") String saved) {
        QuizAttempt attempt = own(id);
        if (attempt.isGraded()) {
            return Response.seeOther(URI.create(Links.attemptResult(id))).build();
        }
        QuizLesson place = QuizLesson.of(attempt);
        AttemptView view = AttemptView.forTaking(attempt, banks.of(attempt), language());
        return Response.ok(Templates.attempt(place, view, attempt.isOutOfTime(OffsetDateTime.now()), saved != null))
                .build();
    }

    @POST
    @Path("answers")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        try {
            quizzes.save(currentUser.person().id, id, answers(form));
        } catch (QuizService.Closed e) {
            throw new Refusal(
                    Response.Status.CONFLICT,
                    locales.messages(QuizMessages.class).closed());
        }
        return Response.seeOther(URI.create(Links.attemptSaved(id))).build();
    }

    @POST
    @Path("submit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        quizzes.submit(currentUser.person().id, id, answers(form));
        return Response.seeOther(URI.create(Links.attemptResult(id))).build();
    }

    @GET
    @Path("result")
    public Response result(@PathParam("id") long id) {
        QuizAttempt attempt = own(id);
        if (attempt.isOpen()) {
            return Response.seeOther(URI.create(Links.attempt(id))).build();
        }
        QuizLesson place = QuizLesson.of(attempt);
        return Response.ok(Templates.result(
                        place,
                        AttemptView.forReview(attempt, place.quiz(), banks.of(attempt), language()),
                        CourseStanding.of(attempt.personId, place.course().id)))
                .build();
    }

    /** This person's attempt; another learner's is "not found", so attempt ids reveal nothing. */
    private QuizAttempt own(long id) {
        QuizAttempt attempt = QuizAttempt.findById(id);
        if (attempt == null || !attempt.personId.equals(currentUser.person().id)) {
            throw new NotFoundException();
        }
        return attempt;
    }

    private AttemptView.Language language() {
        return AttemptView.Language.of(locales.current());
    }

    /**
     * The page's form is the whole attempt: field q&lt;n&gt; holds question n's option codes or text, and a question
     * with nothing checked was cleared. Other fields (a score, a "correct" flag) are not read.
     */
    static Map<Integer, QuizService.Posted> answers(MultivaluedMap<String, String> form) {
        Map<Integer, QuizService.Posted> answers = new HashMap<>();
        int questions = 0;
        try {
            questions = Math.min(Integer.parseInt(form.getFirst("questions")), QuizService.MAX_QUESTIONS);
        } catch (NumberFormatException e) {
            return answers;
        }
        for (int n = 1; n <= questions; n++) {
            List<String> values = form.getOrDefault("q" + n, List.of());
            answers.put(n, new QuizService.Posted(values, values.isEmpty() ? null : values.get(0)));
        }
        return answers;
    }
}
