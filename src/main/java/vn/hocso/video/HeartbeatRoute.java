package vn.hocso.video;

import io.netty.handler.codec.DecoderException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.hocso.course.Course;
import vn.hocso.course.Lesson;
import vn.hocso.enrolment.Enrolment;
import vn.hocso.progress.ProgressMessages;
import vn.hocso.web.Locales;
import vn.hocso.web.Outages;
import vn.hocso.web.Refusal;
import vn.hocso.web.SameOrigin;
import vn.hocso.web.WebMessages;

/**
 * The heartbeat (VID-4) as a plain Vert.x route, ahead of the HTTP security chain and RESTEasy. It is the most
 * frequent request of the platform — every learner watching sends one every ten seconds — and its whole work is one
 * SQL statement, so the per-request machinery of pages (session or token check, resource matching, filters, JSON
 * through Jackson) cost more than the work itself (bench/video). Its credential is the watch ticket
 * ({@link WatchTickets}); it is a form post like the page's forms, carrying the CSRF token, which is checked here
 * the way the pages' filter checks it (the form field equals the cookie). Answers are JSON: 200 with the coverage
 * and a fresh ticket; 400 malformed or without the CSRF token, 401 no valid ticket for this lesson, 403 not
 * enrolled, 404 no such lesson, 409 implausible or video not ready, 429 too many.
 */
@ApplicationScoped
class HeartbeatRoute {

    private static final Logger LOG = Logger.getLogger(HeartbeatRoute.class);
    static final String PATH = "/courses/:slug/lessons/:key/video/heartbeat";
    /** Before the authentication filters: the ticket is the credential, no session or token is looked at. */
    static final int ORDER = -10_000;

    /*
     * The CSRF check below is the pages' filter's (quarkus-rest-csrf) redone: it holds only while that filter's cookie
     * carries the token itself, as it does without a signature key. With one, the cookie carries a signature instead
     * and every heartbeat would be refused, so the app refuses to start; CsrfCookieAssumptionTest proves on the
     * running app that the cookie still equals the form's token.
     */
    @ConfigProperty(name = "quarkus.rest-csrf.cookie-name")
    String csrfCookie;

    @ConfigProperty(name = "quarkus.rest-csrf.form-field-name")
    String csrfField;

    @ConfigProperty(name = "quarkus.rest-csrf.token-signature-key")
    Optional<String> csrfSignatureKey;

    @Inject
    WatchTickets tickets;

    @Inject
    HeartbeatThrottle throttle;

    @Inject
    Watchers watchers;

    @Inject
    Heartbeats heartbeats;

    @Inject
    SameOrigin sameOrigin;

    void install(@Observes Router router) {
        if (csrfSignatureKey.isPresent()) {
            throw new IllegalStateException("quarkus.rest-csrf.token-signature-key is set: the CSRF cookie is then"
                    + " signed, and video/HeartbeatRoute, which compares it with the form field, would refuse every"
                    + " heartbeat");
        }
        router.post(PATH)
                .order(ORDER)
                .handler(BodyHandler.create().setBodyLimit(16 * 1024).setHandleFileUploads(false))
                .blockingHandler(this::handle, false)
                .failureHandler(this::refuseUnreadable);
    }

    /**
     * The body handler failed before {@link #handle} ran: a body over the limit (413) or a form that does not decode
     * (a broken percent escape). Answered like every refusal here, in JSON, not as a server error.
     */
    void refuseUnreadable(RoutingContext context) {
        if (context.response().ended()) {
            return;
        }
        int status = context.statusCode();
        if (status >= 500 || status < 400 && !isMalformed(context.failure())) {
            context.next();
            return;
        }
        HttpServerRequest request = context.request();
        send(
                context,
                refusal(
                        status >= 400 ? status : 400,
                        messages(request, VideoMessages.class).heartbeat_bad()));
    }

    private static boolean isMalformed(Throwable failure) {
        return failure instanceof IllegalArgumentException || failure instanceof DecoderException;
    }

    /** A refusal: its status and the message in the learner's language. */
    private static final class Refused extends RuntimeException {
        final int status;

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        VideoMessages msg = messages(request, VideoMessages.class);
        try {
            send(context, beat(request, context.pathParam("slug"), context.pathParam("key"), msg));
        } catch (Refused e) {
            send(context, refusal(e.status, e.getMessage()));
        } catch (NotFoundException e) {
            send(context, refusal(404, messages(request, WebMessages.class).error_404()));
        } catch (RuntimeException e) {
            if (Outages.isOutage(e)) {
                // the database is unreachable: nothing was recorded, the player keeps the stretches and sends them
                // again
                LOG.warnf("heartbeat not recorded, database unavailable: %s", e.getMessage());
                context.response().putHeader("Retry-After", String.valueOf(Outages.RETRY_AFTER_SECONDS));
                send(context, refusal(503, messages(request, WebMessages.class).error_503()));
                return;
            }
            LOG.error("heartbeat failed", e);
            send(context, refusal(500, messages(request, WebMessages.class).error_500()));
        }
    }

    /** An answer: its HTTP status and its JSON body. */
    private record Answer(int status, JsonObject body) {}

    private static Answer refusal(int status, String reason) {
        return new Answer(status, new JsonObject(Refusal.body(status, reason)));
    }

    private Answer beat(HttpServerRequest request, String slug, String key, VideoMessages msg) {
        if (sameOrigin.isForeign(request)) {
            throw new Refused(403, messages(request, WebMessages.class).error_cross_site());
        }
        if (hasNul(slug)
                || hasNul(key)
                || request.formAttributes().entries().stream()
                        .anyMatch(e -> hasNul(e.getKey()) || hasNul(e.getValue()))) {
            // PostgreSQL cannot take a NUL in text: refused here, as web.OddInput refuses it for every other route
            throw new Refused(400, msg.heartbeat_bad());
        }
        String contentType = request.getHeader("Content-Type");
        if (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded")) {
            throw new Refused(415, msg.heartbeat_bad());
        }
        Cookie cookie = request.getCookie(csrfCookie);
        String field = request.getFormAttribute(csrfField);
        if (cookie == null
                || field == null
                || field.isEmpty()
                || !MessageDigest.isEqual(
                        cookie.getValue().getBytes(StandardCharsets.UTF_8), field.getBytes(StandardCharsets.UTF_8))) {
            throw new Refused(400, msg.heartbeat_bad());
        }
        WatchTickets.Ticket holder = tickets.read(request.getFormAttribute("ticket"))
                .orElseThrow(() -> new Refused(401, msg.ticket_invalid()));
        // this instance's bucket first: a flood is answered without the database
        if (!throttle.allowHere(holder.watcher())) {
            throw new Refused(429, msg.throttled());
        }
        Intervals claimed;
        int at;
        try {
            claimed = Intervals.parseClaim(request.getFormAttribute("watched"));
            String position = request.getFormAttribute("position");
            at = position == null || position.isEmpty() ? 0 : Integer.parseInt(position);
        } catch (IllegalArgumentException e) {
            // counted against the shared limit like any other heartbeat, and refused by it first, as it always was
            if (!throttle.allowEverywhere(holder.watcher())) {
                throw new Refused(429, msg.throttled());
            }
            throw new Refused(400, msg.heartbeat_bad());
        }
        // the shared bucket's token is taken by the heartbeat's own statement
        Optional<Heartbeats.Beat> recorded = heartbeats.beat(holder, slug, key, claimed, at, true);
        if (recorded.isPresent() && recorded.get().outcome() == Heartbeats.Outcome.THROTTLED) {
            throw new Refused(429, msg.throttled());
        }
        if (recorded.isEmpty()) {
            // first heartbeat of this learner on this lesson, or one they may not send: the slow path tells which
            QuarkusTransaction.requiringNew().run(() -> {
                long personId =
                        watchers.personOf(holder.watcher()).orElseThrow(() -> new Refused(401, msg.ticket_invalid()));
                Heartbeats.Target target =
                        heartbeats.target(personId, slug, key).orElseThrow(() -> whyNot(request, personId, slug, key));
                if (target.lessonId() != holder.lessonId()) {
                    throw new Refused(401, msg.ticket_invalid());
                }
                heartbeats.start(target);
            });
            // its token was taken by the first attempt
            recorded = heartbeats.beat(holder, slug, key, claimed, at, false);
        }
        Heartbeats.Beat beat = recorded.orElseThrow(() -> new Refused(409, msg.not_ready()));
        if (beat.outcome() == Heartbeats.Outcome.PAST_END) {
            throw new Refused(400, msg.heartbeat_bad());
        }
        if (beat.outcome() == Heartbeats.Outcome.IMPLAUSIBLE) {
            // 409, not 400: the stretches may be real and are accepted later, once the clock has caught up
            Answer refused = refusal(409, msg.heartbeat_implausible());
            refused.body().put("coveredMs", beat.coveredMs()).put("percent", beat.percent());
            return refused;
        }
        return new Answer(
                200,
                new JsonObject()
                        .put("coveredMs", beat.coveredMs())
                        .put("percent", beat.percent())
                        .put("completed", beat.completed())
                        .put("text", msg.watched(beat.percent()))
                        .put("ticket", tickets.issue(holder.watcher(), holder.lessonId())));
    }

    private static RuntimeException whyNot(HttpServerRequest request, long personId, String slug, String key) {
        Course course = Course.getPublishedBySlug(slug);
        if (!Enrolment.isEnrolled(personId, course.id)) {
            return new Refused(403, messages(request, ProgressMessages.class).enrol_first());
        }
        Lesson.getActive(course.id, key);
        return new Refused(409, messages(request, VideoMessages.class).not_ready());
    }

    private static boolean hasNul(String text) {
        return text != null && text.indexOf('\0') >= 0;
    }

    private static void send(RoutingContext context, Answer answer) {
        context.response()
                .setStatusCode(answer.status())
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(answer.body().encode());
    }

    private static <T> T messages(HttpServerRequest request, Class<T> bundle) {
        return Locales.messages(bundle, Locales.of(request));
    }
}
