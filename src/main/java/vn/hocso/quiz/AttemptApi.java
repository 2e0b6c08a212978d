package vn.hocso.quiz;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.account.CurrentUser;
import vn.hocso.web.Links;
import vn.hocso.web.Locales;
import vn.hocso.web.Refusal;

/**
 * Taking an attempt through the JSON API (bearer token), for a future mobile app: the same rules as the pages. Option
 * ids are opaque codes of this attempt; nothing about correctness is sent before the attempt is graded.
 */
@Path("/api/quiz-attempts/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Quizzes")
@SecurityRequirement(name = "SecurityScheme")
class AttemptApi {

    record AttemptSummary(
            long id,
            int number,
            String status,
            OffsetDateTime startedAt,
            OffsetDateTime deadline,
            OffsetDateTime submittedAt,
            Double percent,
            Boolean passed,
            boolean expired) {

        static AttemptSummary of(QuizAttempt a) {
            return new AttemptSummary(
                    a.id,
                    a.number,
                    a.status.code(),
                    a.startedAt,
                    a.deadline,
                    a.submittedAt,
                    a.percent,
                    a.passed,
                    a.expired);
        }
    }

    record Option(String id, String text) {}

    record Question(int number, String type, String stemHtml, List<Option> options, List<String> chosen, String text) {}

    /** An open attempt: its questions, the learner's saved answers, and seconds left by the server's clock. */
    record Attempt(AttemptSummary attempt, Long secondsLeft, List<Question> questions) {}

    /** One answer: option ids for a choice question, a text for a short text question. */
    record Answer(int question, List<String> options, String text) {}

    record Answers(List<Answer> answers) {}

    record ReviewOption(String id, String text, boolean chosen, Boolean correct) {}

    record ReviewQuestion(
            int number,
            String type,
            String stemHtml,
            Boolean correct,
            Boolean partial,
            List<ReviewOption> options,
            String text,
            String accepted,
            String feedbackHtml) {}

    /** A graded attempt, with as much of the review as the quiz's policy allows (score, mistakes, answers). */
    record Result(AttemptSummary attempt, String review, List<ReviewQuestion> questions) {}

    /** A submitted attempt's grading, and where its review is. */
    record Submitted(AttemptSummary attempt, String result) {}

    @Inject
    CurrentUser currentUser;

    @Inject
    QuizService quizzes;

    @Inject
    QuestionBankCache banks;

    @Inject
    Locales locales;

    @GET
    @Operation(summary = "An attempt: its status, questions and saved answers (the result is under /result)")
    public Attempt get(@PathParam("id") long id, @QueryParam("lang") String lang) {
        QuizAttempt attempt = own(id);
        return view(attempt, banks.of(attempt), lang);
    }

    @PUT
    @Path("answers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save answers (only the questions listed); refused with 409 once submitted or out of time")
    public Attempt save(@PathParam("id") long id, Answers answers, @QueryParam("lang") String lang) {
        try {
            QuizAttempt attempt = quizzes.save(currentUser.person().id, id, posted(answers));
            return view(attempt, banks.of(attempt), lang);
        } catch (QuizService.Closed e) {
            throw new Refusal(
                    Response.Status.CONFLICT,
                    locales.messages(QuizMessages.class).closed());
        }
    }

    @POST
    @Path("submit")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Submit and grade, once",
            description = "Answers sent along are saved first while the attempt still takes answers. A second submit"
                    + " returns the first grading; after the deadline only the answers saved in time are graded. Answers"
                    + " with the grading (score, percent, passed); the review, as the quiz's policy allows, is at"
                    + " `result` (GET), as on the pages, where a submit leads to the result page.")
    public Submitted submit(@PathParam("id") long id, Answers answers) {
        QuizAttempt attempt = quizzes.submit(currentUser.person().id, id, posted(answers));
        return new Submitted(AttemptSummary.of(attempt), Links.apiAttemptResult(id));
    }

    @GET
    @Path("result")
    @Operation(summary = "The result of a graded attempt, as the review policy allows; 409 while still open")
    public Result result(@PathParam("id") long id, @QueryParam("lang") String lang) {
        QuizAttempt attempt = own(id);
        if (!attempt.isGraded()) {
            throw new Refusal(
                    Response.Status.CONFLICT,
                    locales.messages(QuizMessages.class).not_graded());
        }
        return result(attempt, lang);
    }

    private QuizAttempt own(long id) {
        QuizAttempt attempt = QuizAttempt.findById(id);
        if (attempt == null || !attempt.personId.equals(currentUser.person().id)) {
            throw new NotFoundException();
        }
        return attempt;
    }

    static Attempt view(QuizAttempt attempt, QuestionBank bank, String lang) {
        AttemptView view = AttemptView.forTaking(attempt, bank, language(lang));
        List<Question> questions = view.items().stream()
                .map(i -> new Question(
                        i.number(),
                        i.type().code(),
                        i.stemHtml(),
                        i.options().stream()
                                .map(c -> new Option(c.code(), c.text()))
                                .toList(),
                        i.options().stream()
                                .filter(AttemptView.Choice::chosen)
                                .map(AttemptView.Choice::code)
                                .toList(),
                        i.textAnswer()))
                .toList();
        return new Attempt(
                AttemptSummary.of(attempt), attempt.deadline == null ? null : attempt.secondsLeft(), questions);
    }

    private Result result(QuizAttempt attempt, String lang) {
        Quiz quiz = Quiz.findById(attempt.quizId);
        AttemptView view = AttemptView.forReview(attempt, quiz, banks.of(attempt), language(lang));
        List<ReviewQuestion> questions = view.items().stream()
                .map(i -> new ReviewQuestion(
                        i.number(),
                        i.type().code(),
                        i.stemHtml(),
                        i.correct(),
                        i.partial(),
                        i.options().stream()
                                .map(c -> new ReviewOption(c.code(), c.text(), c.chosen(), c.correct()))
                                .toList(),
                        i.textAnswer(),
                        i.accepted(),
                        i.feedbackHtml()))
                .toList();
        return new Result(AttemptSummary.of(attempt), quiz.review.code(), questions);
    }

    private static Map<Integer, QuizService.Posted> posted(Answers answers) {
        Map<Integer, QuizService.Posted> posted = new HashMap<>();
        if (answers == null || answers.answers() == null) {
            return posted;
        }
        for (Answer a :
                answers.answers().stream().limit(QuizService.MAX_QUESTIONS).toList()) {
            if (a != null) {
                posted.put(
                        a.question(), new QuizService.Posted(a.options() == null ? List.of() : a.options(), a.text()));
            }
        }
        return posted;
    }

    /** The API speaks Vietnamese unless asked for English with lang=en. */
    static AttemptView.Language language(String lang) {
        return AttemptView.Language.of("en".equals(lang) ? Locales.ENGLISH : Locales.VIETNAMESE);
    }
}
