package vn.hocso.video;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import vn.hocso.config.HocsoConfig;
import vn.hocso.content.CourseImported;
import vn.hocso.content.InFolder;
import vn.hocso.course.Course;
import vn.hocso.course.Lesson;

/**
 * Video files of courses imported from folders. Large files stay out of git: a path in course.yaml is looked for
 * in the course folder, then under {@code hocso.video.dir}/&lt;slug&gt;/ (where the local stack generates its demo
 * clips). A file is uploaded and queued once (by path, size and modification time); a missing one is not an
 * error — the lesson says its video is being prepared.
 */
@ApplicationScoped
class VideoImport {

    private static final Logger LOG = Logger.getLogger(VideoImport.class);

    @Inject
    VideoUploads uploads;

    @Inject
    Captions captions;

    @Inject
    HocsoConfig config;

    void onImport(@Observes CourseImported course) {
        for (Map.Entry<String, CourseImported.VideoFiles> entry :
                course.videos().entrySet()) {
            try {
                importLesson(course, entry.getKey(), entry.getValue());
            } catch (IOException | RuntimeException e) {
                // the course itself is imported; its video can come later (next import, or the trainer's page)
                LOG.warnf(e, "Video of lesson %s/%s not imported", course.slug(), entry.getKey());
            }
        }
    }

    private void importLesson(CourseImported course, String key, CourseImported.VideoFiles files) throws IOException {
        Lesson lesson = QuarkusTransaction.requiringNew()
                .call(() -> Course.findBySlug(course.slug())
                        .map(c -> Lesson.getActive(c.id, key))
                        .orElse(null));
        if (lesson == null) {
            return;
        }
        Optional<Path> video = locate(course, files.video());
        if (video.isEmpty()) {
            LOG.infof("Video %s of lesson %s/%s not found; the lesson waits for it", files.video(), course.slug(), key);
        } else {
            String source = video.get().toAbsolutePath() + "|" + Files.size(video.get()) + "|"
                    + Files.getLastModifiedTime(video.get()).toMillis();
            boolean known = QuarkusTransaction.requiringNew()
                    .call(() -> Video.findImported(lesson.id, source).isPresent());
            if (!known) {
                Video imported = uploads.importFile(lesson, video.get(), source);
                LOG.infof(
                        "Video %s of lesson %s/%s uploaded and queued (version %d)",
                        files.video(), course.slug(), key, imported.id);
            }
        }
        for (Map.Entry<String, String> caption : files.captions().entrySet()) {
            // read with the course (a zip's or a draft's captions are nowhere else), or else looked for like the video
            Optional<byte[]> vtt = Optional.ofNullable(course.captions().get(caption.getValue()))
                    .map(text -> text.getBytes(StandardCharsets.UTF_8))
                    .or(() -> locate(course, caption.getValue()).map(VideoImport::bytes));
            if (vtt.isPresent() && !captions.save(lesson.id, caption.getKey(), vtt.get())) {
                LOG.warnf("Captions %s of lesson %s/%s are not WebVTT", caption.getValue(), course.slug(), key);
            }
        }
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The file in the course folder (when it came from one), or else in hocso.video.dir; never through a symbolic link
     * or out of either.
     */
    private Optional<Path> locate(CourseImported course, String relative) {
        if (course.folder().isPresent()) {
            Path folder = course.folder().get();
            Optional<Path> inFolder = InFolder.regularFile(folder, relative);
            if (inFolder.isPresent()) {
                return inFolder;
            }
            if (InFolder.check(folder, relative) != InFolder.Verdict.MISSING) {
                LOG.warnf(
                        "%s of course %s is a symbolic link or outside its folder: not read", relative, course.slug());
                return Optional.empty();
            }
        }
        return config.video()
                .dir()
                .filter(d -> !d.isBlank())
                .flatMap(d -> InFolder.regularFile(Path.of(d).resolve(course.slug()), relative));
    }
}
