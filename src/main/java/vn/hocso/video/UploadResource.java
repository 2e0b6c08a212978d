package vn.hocso.video;

import jakarta.annotation.security.RolesAllowed;
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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.hocso.account.CurrentUser;
import vn.hocso.config.HocsoConfig;
import vn.hocso.content.DraftVideoLessons;
import vn.hocso.course.Authorship;
import vn.hocso.course.Course;
import vn.hocso.course.Lesson;
import vn.hocso.web.Links;
import vn.hocso.web.Locales;
import vn.hocso.web.Refusal;
import vn.hocso.web.Roles;

/**
 * The JSON side of the trainer's video page, called by js/video-upload.js: open an upload (a presigned POST form),
 * confirm it once the browser has sent the bytes, cancel it, and read the status. The calls are form posts
 * carrying the CSRF token, like every page action; only the answers are JSON.
 */
@Path("/trainer/courses/{slug}/lessons/{key}/video/uploads")
@RolesAllowed({Roles.TRAINER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
class UploadResource {

    @Inject
    VideoUploads uploads;

    @Inject
    CurrentUser currentUser;

    @Inject
    Locales locales;

    @Inject
    HocsoConfig config;

    @Inject
    Authorship authorship;

    @Inject
    DraftVideoLessons draftLessons;

    @POST
    public Map<String, Object> start(
            @PathParam("slug") String slug,
            @PathParam("key") String key,
            @RestForm String size,
            @RestForm String type) {
        Lesson lesson = lesson(slug, key);
        try {
            VideoUploads.Started started = uploads.start(lesson, currentUser.person().id, bytes(size), type);
            return Map.of(
                    "id",
                    started.id(),
                    "url",
                    started.url(),
                    "fields",
                    started.fields(),
                    "confirm",
                    Links.trainerUploadConfirm(slug, key, started.id()),
                    "cancel",
                    Links.trainerUploadCancel(slug, key, started.id()));
        } catch (VideoUploads.Rejected e) {
            throw refusal(e);
        }
    }

    @POST
    @Path("{id}/confirm")
    public VideoStatus confirm(@PathParam("slug") String slug, @PathParam("key") String key, @PathParam("id") long id) {
        Lesson lesson = lesson(slug, key);
        try {
            uploads.confirm(lesson.id, id);
        } catch (VideoUploads.Rejected e) {
            throw refusal(e);
        }
        return status(lesson);
    }

    @POST
    @Path("{id}/cancel")
    public VideoStatus cancel(@PathParam("slug") String slug, @PathParam("key") String key, @PathParam("id") long id) {
        Lesson lesson = lesson(slug, key);
        uploads.cancel(lesson.id, id);
        return status(lesson);
    }

    @GET
    @Path("status")
    public VideoStatus status(@PathParam("slug") String slug, @PathParam("key") String key) {
        return status(lesson(slug, key));
    }

    /** The declared size: a number of bytes, anything else (none, garbage, beyond a long) is no size at all. */
    private static long bytes(String size) {
        try {
            return size == null ? 0 : Long.parseLong(size.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @ServerExceptionMapper
    Response refused(Refusal e) {
        return e.asJson();
    }

    private VideoStatus status(Lesson lesson) {
        return VideoStatus.of(
                lesson.id,
                locales.messages(VideoMessages.class),
                VideoStatus.size(config.video().maxBytes()));
    }

    private Refusal refusal(VideoUploads.Rejected e) {
        String reason = VideoStatus.reason(
                locales.messages(VideoMessages.class),
                e.code,
                VideoStatus.size(config.video().maxBytes()));
        Response.Status status = switch (e.code) {
            case "too_large" -> Response.Status.REQUEST_ENTITY_TOO_LARGE;
            case "not_video" -> Response.Status.UNSUPPORTED_MEDIA_TYPE;
            case "gone" -> Response.Status.NOT_FOUND;
            case "missing" -> Response.Status.CONFLICT;
            default -> Response.Status.BAD_REQUEST;
        };
        return new Refusal(status, reason);
    }

    /** The video lesson, of a course the caller is an author of (403 otherwise, whatever their role). */
    private Lesson lesson(String slug, String key) {
        Course course = Course.findBySlug(slug).orElseThrow(NotFoundException::new);
        authorship.check(course);
        return TrainerVideoResource.videoLesson(course, key, draftLessons);
    }
}
