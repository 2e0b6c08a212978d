package vn.hocso.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Errors are pages in the person's language (JSON under /api), never stack traces. Mappers reduce every
 * failure to a status; one response filter gives any bodiless 4xx/5xx — ours, the CSRF filter's, the security
 * layer's — its page, so there is exactly one place that renders errors.
 */
class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance error(int status, String title, String text);
    }

    @Inject
    Locales locales;

    @Inject
    HttpServerRequest request;

    @ServerExceptionMapper
    Response refused(Refusal e) {
        return page(e.getResponse().getStatus(), e.reason(), request.path());
    }

    /**
     * A JAX-RS exception keeps its own response, headers included (WWW-Authenticate, Allow, Retry-After): without
     * this, {@link #unexpected} would turn it into a 500. {@link #render} gives it a page when it has no body.
     */
    @ServerExceptionMapper
    Response webError(WebApplicationException e) {
        return e.getResponse();
    }

    @ServerExceptionMapper
    Response unexpected(Exception e) {
        LOG.errorf(e, "Unhandled error on %s %s", request.method(), request.path());
        return Response.serverError().build();
    }

    @ServerResponseFilter
    void render(ContainerRequestContext req, ContainerResponseContext res) {
        int status = res.getStatus();
        if (status < 400 || res.hasEntity()) {
            return;
        }
        Response page = page(
                status,
                text(locales.messages(WebMessages.class), status),
                req.getUriInfo().getPath());
        res.setEntity(page.getEntity(), null, page.getMediaType());
    }

    private Response page(int status, String text, String path) {
        if (path.equals("/api") || path.startsWith("/api/")) {
            return Refusal.json(status, text);
        }
        String title = locales.messages(WebMessages.class).error_title(status);
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(status, title, text).render())
                .build();
    }

    private static String text(WebMessages msg, int status) {
        return switch (status) {
            case 400 -> msg.error_400();
            case 401 -> msg.error_401();
            case 403 -> msg.error_403();
            case 404 -> msg.error_404();
            case 405 -> msg.error_405();
            case 409 -> msg.error_409();
            case 429 -> msg.error_429();
            default -> msg.error_500();
        };
    }
}
