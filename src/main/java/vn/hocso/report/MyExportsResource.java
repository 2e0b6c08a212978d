package vn.hocso.report;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import vn.hocso.account.CurrentUser;
import vn.hocso.config.HocsoConfig;
import vn.hocso.storage.ObjectStore;
import vn.hocso.web.Roles;

/**
 * "My exports": the caller's background exports with their progress, and the download of a finished one, which only
 * its owner gets (another admin's id is not found) and only until it expires.
 */
@Path("/reports/exports")
@RolesAllowed({Roles.UNIT_ADMIN, Roles.ADMIN})
class MyExportsResource {

    @CheckedTemplate(basePath = "report")
    static class Templates {
        static native TemplateInstance exports(List<ReportExport> exports, boolean live);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    BackgroundExports background;

    @Inject
    ObjectStore store;

    @Inject
    HocsoConfig config;

    @GET
    public Response list() {
        List<ReportExport> exports = background.of(currentUser.subject());
        boolean live = exports.stream().anyMatch(ReportExport::isLive);
        return Response.ok(Templates.exports(exports, live))
                .header("Cache-Control", "no-store")
                .build();
    }

    /** A redirect to a short-lived link to the file. */
    @GET
    @Path("{id}/file")
    @Transactional
    public Response file(@PathParam("id") String id) {
        long exportId;
        try {
            exportId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFoundException();
        }
        ReportExport export =
                ReportExport.findDownloadable(exportId, currentUser.subject()).orElseThrow(NotFoundException::new);
        Exports.Format format = Exports.Format.of(export.format).orElseThrow(NotFoundException::new);
        String url = store.presignedGet(
                export.objectKey, config.reports().exportLinkTtl(), format.mediaType, export.fileName);
        return Response.seeOther(URI.create(url))
                .header("Cache-Control", "no-store")
                .build();
    }
}
