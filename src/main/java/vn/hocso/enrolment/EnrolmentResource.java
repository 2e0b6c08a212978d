package vn.hocso.enrolment;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import vn.hocso.account.CurrentUser;
import vn.hocso.course.Course;
import vn.hocso.web.Flash;
import vn.hocso.web.Links;
import vn.hocso.web.Locales;

/** The "Enrol" button of a course page. */
@Path("/courses/{slug}/enrol")
@Authenticated
class EnrolmentResource {

    @Inject
    EnrolmentService enrolments;

    @Inject
    CurrentUser currentUser;

    @Inject
    Locales locales;

    @Inject
    Flash flash;

    @POST
    public Response enrol(@PathParam("slug") String slug) {
        Course course = Course.findBySlug(slug).orElseThrow(NotFoundException::new);
        EnrolmentMessages msg = locales.messages(EnrolmentMessages.class);
        try {
            enrolments.enrol(currentUser.person(), course);
        } catch (EnrolmentService.NotOpen e) {
            // the same answer as for no course at all: an unpublished course's slug is not revealed
            throw new NotFoundException();
        }
        flash.show(msg.enrolled(locales.pick(course.titleVi, course.titleEn)));
        return Response.seeOther(URI.create(Links.course(course.slug))).build();
    }
}
