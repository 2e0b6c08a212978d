package vn.hocso.learning;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.account.CurrentUser;
import vn.hocso.account.Person;
import vn.hocso.course.Course;
import vn.hocso.enrolment.Enrolment;
import vn.hocso.enrolment.EnrolmentService;
import vn.hocso.progress.CourseProgress;
import vn.hocso.progress.ProgressService;

/** The signed-in learner's own enrolments as JSON (bearer token). */
@Path("/api/me/enrolments")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "My learning")
@SecurityRequirement(name = "SecurityScheme")
class MyEnrolmentsApi {

    @Schema(name = "CourseProgress", description = "Required lessons of the course, and how many are done")
    record Progress(int requiredLessons, int requiredDone, int percent) {}

    record MyEnrolment(
            String course,
            String titleVi,
            String titleEn,
            String source,
            OffsetDateTime enrolledAt,
            OffsetDateTime dueAt,
            OffsetDateTime completedAt,
            Progress progress) {}

    record EnrolRequest(String course) {}

    @Inject
    CurrentUser currentUser;

    @Inject
    EnrolmentService enrolments;

    @Inject
    ProgressService progress;

    @GET
    @Operation(summary = "My enrolments with progress")
    public List<MyEnrolment> list() {
        Person person = currentUser.person();
        List<Enrolment> mine = Enrolment.listOfPerson(person.id);
        Map<Long, CourseProgress> byCourse = progress.ofCourses(
                person.id, mine.stream().map(e -> e.course.id).toList());
        return mine.stream()
                .map(e -> view(e, byCourse.getOrDefault(e.course.id, CourseProgress.NONE)))
                .toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enrol in a published course (idempotent)")
    @APIResponse(
            responseCode = "200",
            description = "The enrolment, new or the one the learner had",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MyEnrolment.class)))
    public Response enrol(EnrolRequest request) {
        if (request == null || request.course() == null) {
            throw new NotFoundException();
        }
        Person person = currentUser.person();
        Course course = Course.findBySlug(request.course()).orElseThrow(NotFoundException::new);
        try {
            Enrolment enrolment = enrolments.enrol(person, course);
            return Response.ok(view(enrolment, progress.ofCourse(person.id, course.id)))
                    .build();
        } catch (EnrolmentService.NotOpen e) {
            // the same answer as for no course at all: an unpublished course's slug is not revealed
            throw new NotFoundException();
        }
    }

    private static MyEnrolment view(Enrolment e, CourseProgress p) {
        return new MyEnrolment(
                e.course.slug,
                e.course.titleVi,
                e.course.titleEn,
                e.source.code(),
                e.enrolledAt,
                e.dueAt,
                e.completedAt,
                new Progress(p.required(), p.requiredDone(), p.percent()));
    }
}
