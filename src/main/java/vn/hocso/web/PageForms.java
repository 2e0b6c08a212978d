package vn.hocso.web;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A page action is always a form submission, which the CSRF filter checks. Anything else posted to a page
 * (text/plain, JSON — what a cross-site page could send without a token) is refused before it reaches a resource.
 */
class PageForms {

    @ServerRequestFilter(preMatching = true)
    Response onlyFormsPostToPages(ContainerRequestContext request) {
        if (!HttpMethod.POST.equals(request.getMethod())
                || request.getUriInfo().getPath().startsWith("/api/")) {
            return null;
        }
        MediaType type = request.getMediaType();
        boolean form = type != null
                && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                        || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
        return form ? null : Response.status(Response.Status.BAD_REQUEST).build();
    }
}
