package vn.hocso.content;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import vn.hocso.course.Authorship;
import vn.hocso.course.Course;
import vn.hocso.web.Roles;

/** The trainer's courses: those they author (every course for an admin), and each one's folder as a zip. */
@Path("/trainer/courses")
@RolesAllowed({Roles.TRAINER, Roles.ADMIN})
class AuthoringResource {

    @CheckedTemplate(basePath = "content")
    static class Templates {
        static native TemplateInstance courses(List<Course> courses);
    }

    @Inject
    Authorship authorship;

    @Inject
    CourseExport export;

    @GET
    public TemplateInstance courses() {
        return Templates.courses(authorship.editableCourses());
    }

    /** The course's folder in the courses/ format, as last published (its authors and admins only). */
    @GET
    @Path("{slug}/export")
    @Produces("application/zip")
    public Response export(@PathParam("slug") String slug) {
        Course course = Course.findBySlug(slug).orElseThrow(NotFoundException::new);
        authorship.check(course);
        Map<String, String> files = export.files(course);
        if (files.isEmpty()) {
            throw new NotFoundException();
        }
        Map<String, Map<String, String>> zip = Map.of(course.slug, files);
        return CourseExport.download(course.slug + ".zip", out -> CourseZip.write(zip, out));
    }
}
