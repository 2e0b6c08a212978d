package vn.hocso.content;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import vn.hocso.account.CurrentUser;
import vn.hocso.web.Flash;
import vn.hocso.web.Links;
import vn.hocso.web.Locales;
import vn.hocso.web.Roles;

/** The admin page that re-imports the courses folder and shows what the last import did. */
@Path("/admin/courses")
@RolesAllowed(Roles.ADMIN)
class ContentResource {

    @CheckedTemplate(basePath = "content")
    static class Templates {
        static native TemplateInstance admin(ContentImport last, String folder);
    }

    @Inject
    CourseImports imports;

    @Inject
    CurrentUser currentUser;

    @Inject
    Locales locales;

    @Inject
    Flash flash;

    @GET
    public TemplateInstance show() {
        return Templates.admin(
                ContentImport.findLatest().orElse(null), imports.folder().toString());
    }

    @POST
    @Path("import")
    public Response importNow() {
        ContentMessages msg = locales.messages(ContentMessages.class);
        ContentImport run = imports.run(currentUser.person().fullName, msg);
        flash.show(msg.admin_done(run.created, run.updated, run.unchanged, run.rejected));
        return Response.seeOther(URI.create(Links.adminCourses())).build();
    }
}
