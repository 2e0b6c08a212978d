package vn.hocso.video;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.hocso.account.CurrentUser;
import vn.hocso.course.Course;
import vn.hocso.course.Lesson;
import vn.hocso.enrolment.Enrolment;
import vn.hocso.progress.ProgressMessages;
import vn.hocso.web.Locales;
import vn.hocso.web.Refusal;

/**
 * A learner's side of a video lesson: the HLS playlists (segment URIs presigned, so the bytes come from the object
 * store) and the heartbeat. Only an enrolled learner of the published course, a trainer or an admin gets a
 * playlist. The heartbeat is posted as a form (fetch, or sendBeacon when the page is left) carrying the CSRF token
 * like any form, and answers JSON.
 */
@Path("/courses/{slug}/lessons/{key}/video")
@Authenticated
class PlaybackResource {

    @Inject
    CurrentUser currentUser;

    @Inject
    SecurityIdentity identity;

    @Inject
    Playlists playlists;

    @Inject
    Heartbeats heartbeats;

    @Inject
    HeartbeatThrottle throttle;

    @Inject
    WatchTickets tickets;

    @Inject
    Locales locales;

    @GET
    @Path("{video}/master.m3u8")
    public Response master(@PathParam("slug") String slug, @PathParam("key") String key,
            @PathParam("video") long videoId) {
        return playlist(playlists.master(playable(slug, key, videoId)));
    }

    @GET
    @Path("{video}/{rendition: [a-z0-9]{1,10}}.m3u8")
    public Response media(@PathParam("slug") String slug, @PathParam("key") String key,
            @PathParam("video") long videoId, @PathParam("rendition") String rendition) {
        Video video = playable(slug, key, videoId);
        if (!video.hasRendition(rendition)) {
            throw new NotFoundException();
        }
        return playlist(playlists.media(video, rendition));
    }

    /**
     * {@code ticket}: the watch ticket the lesson page gave the player (the heartbeat's only credential: OIDC is
     * off on this path, see {@link WatchTickets}); {@code watched}: the stretches watched since the last
     * acknowledged heartbeat, "from-to,…" in milliseconds; {@code position}: where the playhead is, in milliseconds.
     */
    @POST
    @Path("heartbeat")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public Response heartbeat(@PathParam("slug") String slug, @PathParam("key") String key,
            @RestForm String ticket, @RestForm String watched, @RestForm Integer position) {
        VideoMessages msg = locales.messages(VideoMessages.class);
        WatchTickets.Ticket holder = tickets.read(ticket)
                .orElseThrow(() -> new Refusal(Response.Status.UNAUTHORIZED, msg.ticket_invalid()));
        if (!throttle.allow(holder.personId())) {
            throw new Refusal(Response.Status.TOO_MANY_REQUESTS, msg.throttled());
        }
        Intervals claimed;
        try {
            claimed = Intervals.parseClaim(watched);
        } catch (IllegalArgumentException e) {
            throw new Refusal(Response.Status.BAD_REQUEST, msg.heartbeat_bad());
        }
        int at = position == null ? 0 : position;
        Optional<Heartbeats.Beat> recorded = heartbeats.beat(holder, slug, key, claimed, at);
        if (recorded.isEmpty()) {
            // first heartbeat of this learner on this lesson, or one they may not send: the slow path tells which
            Heartbeats.Target target = heartbeats.target(holder.personId(), slug, key)
                    .orElseThrow(() -> whyNot(holder.personId(), slug, key));
            if (target.lessonId() != holder.lessonId()) {
                throw new Refusal(Response.Status.UNAUTHORIZED, msg.ticket_invalid());
            }
            heartbeats.start(target);
            recorded = heartbeats.beat(holder, slug, key, claimed, at);
        }
        Heartbeats.Beat beat = recorded.orElseThrow(() -> new Refusal(Response.Status.CONFLICT, msg.not_ready()));
        if (beat.outcome() == Heartbeats.Outcome.PAST_END) {
            throw new Refusal(Response.Status.BAD_REQUEST, msg.heartbeat_bad());
        }
        if (beat.outcome() == Heartbeats.Outcome.IMPLAUSIBLE) {
            // 409, not 400: the stretches may be real and are accepted later, once the clock has caught up
            return json(Response.Status.CONFLICT, Map.of("status", 409, "error", msg.heartbeat_implausible(),
                    "coveredMs", beat.coveredMs(), "percent", beat.percent()));
        }
        Map<String, Object> body = Map.of("coveredMs", beat.coveredMs(), "percent", beat.percent(),
                "completed", beat.completed(), "text", msg.watched(beat.percent()),
                "ticket", tickets.issue(holder.personId(), holder.lessonId()));
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Who asks for a playlist, from the token alone. */
    private String subject() {
        return identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null ? jwt.getSubject()
                : identity.getPrincipal().getName();
    }

    @ServerExceptionMapper
    Response refused(Refusal e) {
        return json(Response.Status.fromStatusCode(e.getResponse().getStatus()),
                Map.of("status", e.getResponse().getStatus(), "error", e.reason()));
    }

    private Video playable(String slug, String key, long videoId) {
        Playlists.Access access = playlists.access(slug, key, videoId, subject()).orElseThrow(NotFoundException::new);
        if (!currentUser.isTrainer()) {
            if (!access.published()) {
                throw new NotFoundException();
            }
            if (!access.enrolled()) {
                throw new Refusal(Response.Status.FORBIDDEN, locales.messages(ProgressMessages.class).enrol_first());
            }
        }
        return access.video();
    }

    private RuntimeException whyNot(long personId, String slug, String key) {
        Course course = Course.getPublishedBySlug(slug);
        if (!Enrolment.isEnrolled(personId, course.id)) {
            return new Refusal(Response.Status.FORBIDDEN, locales.messages(ProgressMessages.class).enrol_first());
        }
        Lesson.getActive(course.id, key);
        return new Refusal(Response.Status.CONFLICT, locales.messages(VideoMessages.class).not_ready());
    }

    private static Response playlist(String text) {
        // presigned URLs inside: the browser may reuse the playlist briefly, shared caches never
        return Response.ok(text, Playlists.MPEGURL).header("Cache-Control", "private, max-age=60").build();
    }

    private static Response json(Response.Status status, Map<String, Object> body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
