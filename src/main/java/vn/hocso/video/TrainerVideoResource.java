package vn.hocso.video;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import vn.hocso.config.HocsoConfig;
import vn.hocso.content.DraftVideoLessons;
import vn.hocso.course.Authorship;
import vn.hocso.course.Course;
import vn.hocso.course.Lesson;
import vn.hocso.course.LessonKind;
import vn.hocso.web.Flash;
import vn.hocso.web.Links;
import vn.hocso.web.Locales;
import vn.hocso.web.Refusal;
import vn.hocso.web.Roles;

/**
 * The trainer's page for one video lesson: upload (the browser sends the file straight to the object store, see
 * {@link UploadResource}), status refreshed in place, a preview, and caption files. Only the course's
 * authors (and admins) may open or change it.
 */
@Path("/trainer/courses/{slug}/lessons/{key}/video")
@RolesAllowed({Roles.TRAINER, Roles.ADMIN})
class TrainerVideoResource {

    @CheckedTemplate(basePath = "video")
    static class Templates {
        static native TemplateInstance trainer(
                Course course,
                Lesson lesson,
                VideoStatus status,
                VideoPlayer.Player preview,
                List<VideoCaption> captions,
                String maxSize,
                List<String> languages);
    }

    @Inject
    VideoPlayer player;

    @Inject
    Captions captions;

    @Inject
    Locales locales;

    @Inject
    Flash flash;

    @Inject
    HocsoConfig config;

    @Inject
    Authorship authorship;

    @Inject
    DraftVideoLessons draftLessons;

    @GET
    public TemplateInstance show(@PathParam("slug") String slug, @PathParam("key") String key) {
        Course course = Course.findBySlug(slug).orElseThrow(NotFoundException::new);
        authorship.check(course);
        Lesson lesson = videoLesson(course, key, draftLessons);
        String max = VideoStatus.size(config.video().maxBytes());
        return Templates.trainer(
                course,
                lesson,
                VideoStatus.of(lesson.id, locales.messages(VideoMessages.class), max),
                player.preview(course, lesson),
                VideoCaption.listOfLesson(lesson.id),
                max,
                VideoCaption.LANGUAGES);
    }

    @POST
    @Path("captions")
    public Response uploadCaptions(
            @PathParam("slug") String slug,
            @PathParam("key") String key,
            @RestForm String lang,
            @RestForm FileUpload file)
            throws IOException {
        Course course = Course.findBySlug(slug).orElseThrow(NotFoundException::new);
        authorship.check(course);
        Lesson lesson = videoLesson(course, key, draftLessons);
        VideoMessages msg = locales.messages(VideoMessages.class);
        if (file != null && file.size() > Captions.MAX_BYTES) {
            throw new Refusal(Response.Status.REQUEST_ENTITY_TOO_LARGE, msg.captions_bad());
        }
        if (lang == null || !VideoCaption.LANGUAGES.contains(lang) || file == null) {
            throw new Refusal(Response.Status.BAD_REQUEST, msg.captions_bad());
        }
        byte[] vtt = Files.readAllBytes(file.uploadedFile());
        if (!captions.save(lesson.id, lang, vtt)) {
            throw new Refusal(Response.Status.BAD_REQUEST, msg.captions_bad());
        }
        flash.show(msg.captions_saved(msg.lang(lang)));
        return Response.seeOther(URI.create(Links.trainerVideo(course.slug, lesson.key)))
                .build();
    }

    /**
     * A video lesson of the course ready for its upload: the rows of the draft's new video lessons are reserved here,
     * a POST (the draft's "Video" button), so the video page and the upload find them; then 303 to the video page.
     */
    @POST
    @Path("prepare")
    public Response prepare(@PathParam("slug") String slug, @PathParam("key") String key) {
        Course course = Course.findBySlug(slug).orElseThrow(NotFoundException::new);
        authorship.check(course);
        boolean published = Lesson.findByKey(course.id, key)
                .filter(l -> !l.retired && l.kind == LessonKind.VIDEO)
                .isPresent();
        if (!published) {
            draftLessons.reserve(course, key).orElseThrow(NotFoundException::new);
        }
        return Response.seeOther(URI.create(Links.trainerVideo(course.slug, key)))
                .build();
    }

    /**
     * A video lesson of the course: a published one, or one of its draft reserved for its upload ({@link #prepare});
     * anything else is not found.
     */
    static Lesson videoLesson(Course course, String key, DraftVideoLessons draftLessons) {
        Lesson lesson = Lesson.findByKey(course.id, key)
                .filter(l -> !l.retired)
                .or(() -> draftLessons.find(course, key))
                .orElseThrow(NotFoundException::new);
        if (lesson.kind != LessonKind.VIDEO) {
            throw new NotFoundException();
        }
        return lesson;
    }
}
