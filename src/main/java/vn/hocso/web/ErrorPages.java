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
import java.sql.SQLException;
import java.util.Optional;
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
        static native TemplateInstance error(int status, String title, String text, Refusal.Link way);
    }

    @Inject
    Locales locales;

    @Inject
    HttpServerRequest request;

    @ServerExceptionMapper
    Response refused(Refusal e) {
        return page(e.getResponse().getStatus(), e.reason(), request.path(), e.way());
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
        if (Outages.isOutage(e)) {
            // a dependency is down: logged once per request without the stack, the person gets a page asking to retry
            LOG.warnf("Dependency unavailable on %s %s: %s", request.method(), request.path(), rootMessage(e));
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .header("Retry-After", Outages.RETRY_AFTER_SECONDS)
                    .build();
        }
        if (isUnreadableBody(e)) {
            // a form body with a broken percent escape, a multipart body cut short: the request is malformed
            LOG.debugf("Unreadable body on %s %s: %s", request.method(), request.path(), e.getMessage());
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        Optional<SQLException> badData = badData(e);
        if (badData.isPresent()) {
            LOG.warnf(
                    "Refused data on %s %s: %s",
                    request.method(), request.path(), badData.get().getMessage());
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        LOG.errorf(e, "Unhandled error on %s %s", request.method(), request.path());
        return Response.serverError().build();
    }

    /**
     * A value the database cannot take (SQLSTATE class 22, "data exception": a NUL character, text longer than its
     * column, a number out of range) came from the request: the statement failed and its transaction rolled back, so
     * nothing changed. The request is what is wrong, so 400, logged as a warning without a stack trace.
     */
    private static Optional<SQLException> badData(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("22")) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** Thrown while Quarkus REST read the form or multipart body, before any resource ran. */
    private static boolean isUnreadableBody(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().equals("org.jboss.resteasy.reactive.server.handlers.FormBodyHandler")) {
                return true;
            }
        }
        return false;
    }

    @ServerResponseFilter
    void render(ContainerRequestContext req, ContainerResponseContext res) {
        int status = res.getStatus();
        if (status < 400 || res.hasEntity()) {
            return;
        }
        String path = req.getUriInfo().getPath();
        Response page = page(status, text(locales.messages(WebMessages.class), status, path, req), path, null);
        res.setEntity(page.getEntity(), null, page.getMediaType());
    }

    private Response page(int status, String text, String path, Refusal.Link way) {
        if (path.equals("/api") || path.startsWith("/api/")) {
            return Refusal.json(status, text);
        }
        String title = locales.messages(WebMessages.class).error_title(status);
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(status, title, text, way).render())
                .build();
    }

    private static String text(WebMessages msg, int status, String path, ContainerRequestContext req) {
        return switch (status) {
            case 406 -> msg.error_406();
            case 413 -> msg.error_413();
            case 414 -> msg.error_414();
            case 415 -> msg.error_415(expected(path), sent(req.getHeaderString("Content-Type")));
            case 400 -> msg.error_400();
            case 401 -> msg.error_401();
            case 403 -> msg.error_403();
            case 404 -> msg.error_404();
            case 405 -> msg.error_405();
            case 409 -> msg.error_409();
            case 429 -> msg.error_429();
            case 503 -> msg.error_503();
            default -> status < 500 ? msg.error_4xx() : msg.error_500();
        };
    }

    /** What the address takes: JSON under /api, form posts on pages. */
    private static String expected(String path) {
        return path.equals("/api") || path.startsWith("/api/")
                ? MediaType.APPLICATION_JSON
                : MediaType.APPLICATION_FORM_URLENCODED + ", " + MediaType.MULTIPART_FORM_DATA;
    }

    private static String sent(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "-";
        }
        String type = contentType.split(";", 2)[0].strip();
        return type.length() > 100 ? type.substring(0, 100) + "…" : type;
    }
}
