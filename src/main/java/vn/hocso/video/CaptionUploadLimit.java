package vn.hocso.video;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A caption upload larger than a caption file may be is refused with 413 from its Content-Length, before the body is
 * read: otherwise the multipart body would be written to a temporary file whole (up to the server's global body
 * limit) before {@link TrainerVideoResource} could look at its size. A body without a Content-Length (chunked; browsers
 * always send one with a form) is read up to the server's global body limit and then refused by the resource, also
 * with 413.
 */
class CaptionUploadLimit {

    private static final Pattern CAPTIONS = Pattern.compile("/trainer/courses/[^/]+/lessons/[^/]+/video/captions/?");
    /** The caption file plus the form around it (the CSRF token, the language, the part headers). */
    static final long MAX_BODY = Captions.MAX_BYTES + 16 * 1024;

    @ServerRequestFilter(preMatching = true)
    Response refuseLargeCaptions(ContainerRequestContext request) {
        if (!"POST".equals(request.getMethod())
                || !CAPTIONS.matcher(request.getUriInfo().getPath()).matches()) {
            return null;
        }
        String length = request.getHeaderString("Content-Length");
        if (length == null) {
            return null;
        }
        try {
            if (Long.parseLong(length.strip()) > MAX_BODY) {
                return Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE).build();
            }
        } catch (NumberFormatException e) {
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        return null;
    }
}
