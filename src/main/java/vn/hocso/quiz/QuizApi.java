package vn.hocso.quiz;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.account.CurrentUser;
import vn.hocso.account.Person;
import vn.hocso.quiz.AttemptApi.AttemptSummary;
import vn.hocso.web.Locales;

/** A quiz lesson's quiz through the JSON API (bearer token): its rules, the learner's attempts, starting one. */
@Path("/api/quizzes/{slug}/{key}")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Quizzes")
@SecurityRequirement(name = "SecurityScheme")
class QuizApi {

    /** The rules of the quiz and where the learner stands: attempts used and left, when the next may start. */
    record QuizInfo(
            String course,
            String lesson,
            String titleVi,
            String titleEn,
            int questions,
            Long timeLimitMinutes,
            Integer maxAttempts,
            Integer attemptsLeft,
            int delayMinutes,
            int passPercent,
            String counting,
            String review,
            boolean canStart,
            OffsetDateTime notBefore,
            Long openAttempt,
            AttemptSummary result,
            List<AttemptSummary> attempts) {}

    @Inject
    CurrentUser currentUser;

    @Inject
    QuizService quizzes;

    @Inject
    QuestionBankCache banks;

    @Inject
    Locales locales;

    @GET
    @Operation(summary = "A quiz's rules, my attempts and my result")
    public QuizInfo get(@PathParam("slug") String slug, @PathParam("key") String key) {
        Person person = currentUser.person();
        QuizLesson place = QuizLesson.forLearner(person, slug, key, locales.messages(QuizMessages.class));
        Quiz quiz = place.quiz();
        List<QuizAttempt> attempts = QuizAttempt.listOfPerson(person.id, quiz.id);
        Availability availability = Availability.of(quiz, attempts, OffsetDateTime.now());
        QuizAttempt result = Grading.counting(
                        attempts.stream().filter(QuizAttempt::isGraded).toList(), quiz.counting, a -> a.percent)
                .orElse(null);
        int questions = quiz.questionsPerAttempt((int) QuizQuestion.count("quizId = ?1 and retired = false", quiz.id));
        return new QuizInfo(
                place.course().slug,
                place.lesson().key,
                place.lesson().titleVi,
                place.lesson().titleEn,
                questions,
                quiz.hasTimeLimit() ? quiz.timeLimitMinutes() : null,
                quiz.maxAttempts,
                availability.left(),
                quiz.delayMinutes,
                quiz.passPercent,
                quiz.counting.code(),
                quiz.review.code(),
                availability.canStart(),
                availability.notBefore(),
                attempts.stream()
                        .filter(QuizAttempt::isOpen)
                        .map(a -> a.id)
                        .findFirst()
                        .orElse(null),
                result == null ? null : AttemptSummary.of(result),
                attempts.stream().map(AttemptSummary::of).toList());
    }

    @POST
    @Path("attempts")
    @Operation(
            summary = "Start an attempt, or resume the open one",
            description = "Refused with 409 beyond the attempt limit or before the delay after the last attempt.")
    public AttemptApi.Attempt start(
            @PathParam("slug") String slug, @PathParam("key") String key, @QueryParam("lang") String lang) {
        Person person = currentUser.person();
        QuizMessages msg = locales.messages(QuizMessages.class);
        QuizLesson place = QuizLesson.forLearner(person, slug, key, msg);
        try {
            QuizAttempt attempt = quizzes.start(person.id, place.quiz());
            return AttemptApi.view(attempt, banks.of(attempt), lang);
        } catch (QuizService.NotAllowed e) {
            throw QuizResource.refusal(e.availability, msg);
        }
    }
}
