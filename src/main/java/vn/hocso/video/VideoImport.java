package vn.hocso.video;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
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
            Optional<Path> vtt = locate(course, caption.getValue());
            if (vtt.isPresent() && !captions.save(lesson.id, caption.getKey(), Files.readAllBytes(vtt.get()))) {
                LOG.warnf("Captions %s of lesson %s/%s are not WebVTT", caption.getValue(), course.slug(), key);
            }
        }
    }

    /** The file in the course folder, or else in hocso.video.dir; never through a symbolic link or out of either. */
    private Optional<Path> locate(CourseImported course, String relative) {
        Optional<Path> inFolder = InFolder.regularFile(course.folder(), relative);
        if (inFolder.isPresent()) {
            return inFolder;
        }
        if (InFolder.check(course.folder(), relative) != InFolder.Verdict.MISSING) {
            LOG.warnf("%s of course %s is a symbolic link or outside its folder: not read", relative, course.slug());
            return Optional.empty();
        }
        return config.video()
                .dir()
                .filter(d -> !d.isBlank())
                .flatMap(d -> InFolder.regularFile(Path.of(d).resolve(course.slug()), relative));
    }
}
