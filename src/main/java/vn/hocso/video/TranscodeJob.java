package vn.hocso.video;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import vn.hocso.config.HocsoConfig;
import vn.hocso.job.Job;
import vn.hocso.job.JobContext;
import vn.hocso.job.JobHandler;
import vn.hocso.storage.ObjectStore;

/**
 * Transcodes one uploaded version into its HLS ladder and poster, uploads them under the version's prefix and then
 * makes it the lesson's playing version in one update. Safe to run again (a crashed instance's job is): it writes
 * the same keys and the swap checks the version is still the newest.
 */
@ApplicationScoped
class TranscodeJob implements JobHandler {

    private static final Logger LOG = Logger.getLogger(TranscodeJob.class);

    @Inject
    Transcoder transcoder;

    @Inject
    ObjectStore store;

    @Inject
    EntityManager em;

    @Inject
    HocsoConfig config;

    @Override
    public String kind() {
        return VideoUploads.TRANSCODE;
    }

    @Override
    public int concurrency() {
        return config.video().transcodeConcurrency();
    }

    @Override
    public Duration lease() {
        // the worker renews it while the job runs; a dead instance's job is taken again after this
        return Duration.ofMinutes(2);
    }

    @Override
    public void run(Job job, JobContext context) throws Exception {
        long videoId = job.longParam("video");
        Video video = QuarkusTransaction.requiringNew().call(() -> Video.<Video>findById(videoId));
        if (video == null || !(video.status == VideoState.QUEUED || video.status == VideoState.PROCESSING)) {
            return;
        }
        setStatus(videoId, VideoState.PROCESSING, null);
        Path work = Files.createTempDirectory("hocso-transcode-" + videoId + "-");
        try {
            OptionalLong size = store.size(video.sourceKey);
            if (size.isEmpty() || size.getAsLong() == 0) {
                throw new Transcoder.Unplayable(size.isEmpty() ? "missing" : "empty", "no bytes to transcode");
            }
            context.progress(0);
            String source = store.presignedGet(video.sourceKey, Duration.ofHours(6));
            Transcoder.Output output = transcoder.transcode(source, work, context::progress);
            upload(work, video.prefix);
            publish(video, output);
        } catch (Transcoder.Unplayable e) {
            setStatus(videoId, VideoState.FAILED, e.code);
            throw new Permanent(e.code + ": " + e.getMessage());
        } catch (Exception e) {
            // the job table retries with back-off; the trainer sees "failed" only once the last attempt failed
            boolean last = job.attempts >= job.maxAttempts;
            setStatus(videoId, last ? VideoState.FAILED : VideoState.QUEUED, last ? "transcode_failed" : null);
            throw e;
        } finally {
            deleteTree(work);
        }
    }

    private void upload(Path work, String prefix) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(work.resolve("hls"))) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        // segments before playlists: a playlist never names a segment that is not there yet
        files.sort(
                Comparator.comparing((Path p) -> p.toString().endsWith(".m3u8")).thenComparing(Path::toString));
        files.add(work.resolve("poster.jpg"));
        for (Path file : files) {
            String key = prefix + work.relativize(file).toString().replace('\\', '/');
            try (InputStream in = Files.newInputStream(file)) {
                store.put(key, in, Files.size(file), contentType(file));
            }
        }
    }

    /** The swap: this version becomes the lesson's playing one, unless a newer one already is. */
    private void publish(Video video, Transcoder.Output output) {
        List<Rendition> renditions = output.renditions();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("insert into lesson_video (lesson_id) values (?1) on conflict do nothing")
                    .setParameter(1, video.lessonId)
                    .executeUpdate();
            Number current =
                    (Number) em.createNativeQuery("select video_id from lesson_video where lesson_id = ?1 for update")
                            .setParameter(1, video.lessonId)
                            .getSingleResult();
            Video v = Video.findById(video.id);
            v.durationMs = output.durationMs();
            v.renditions = renditions;
            v.posterKey = video.prefix + "poster.jpg";
            v.updatedAt = OffsetDateTime.now();
            v.readyAt = v.updatedAt;
            if (current != null && current.longValue() > video.id) {
                v.status = VideoState.REPLACED;
                return;
            }
            v.status = VideoState.READY;
            // a second run of this same version (a job taken again) finds itself playing: it must not retire it
            if (current != null && current.longValue() != video.id) {
                em.createNativeQuery("update video set status = 'replaced', updated_at = now() where id = ?1")
                        .setParameter(1, current.longValue())
                        .executeUpdate();
            }
            em.createNativeQuery("update lesson_video set video_id = ?2, updated_at = now() where lesson_id = ?1")
                    .setParameter(1, video.lessonId)
                    .setParameter(2, video.id)
                    .executeUpdate();
        });
        LOG.infof(
                "Video %d of lesson %d is ready: %d ms, %s",
                video.id, video.lessonId, output.durationMs(), output.renditions());
    }

    private void setStatus(long videoId, VideoState status, String errorCode) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                update video set status = ?2, error_code = ?3, updated_at = now()
                where id = ?1 and status in ('queued', 'processing')""")
                        .setParameter(1, videoId)
                        .setParameter(2, status.code())
                        .setParameter(3, errorCode)
                        .executeUpdate());
    }

    static String contentType(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".m3u8")) {
            return "application/vnd.apple.mpegurl";
        }
        if (name.endsWith(".ts")) {
            return "video/mp2t";
        }
        if (name.endsWith(".jpg")) {
            return "image/jpeg";
        }
        return "application/octet-stream";
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warnf("Could not delete %s: %s", dir, e.getMessage());
        }
    }
}
