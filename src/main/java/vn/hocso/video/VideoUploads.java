package vn.hocso.video;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Pattern;
import vn.hocso.config.HocsoConfig;
import vn.hocso.course.Lesson;
import vn.hocso.job.Jobs;
import vn.hocso.storage.ObjectStore;

/**
 * The rules of getting a video in: the browser POSTs the file straight to the object store with a presigned form
 * whose policy bounds its size (the app never holds the bytes, the store refuses more than was declared), then the app checks what arrived — by content and size — and queues its
 * transcoding. Whatever is refused is deleted, object and row; an upload never confirmed is swept a day later.
 */
@ApplicationScoped
class VideoUploads {

    static final String TRANSCODE = "transcode";
    /** Every object of a video version lives under {@code videos/<lesson id>/<random>/}: its {@link Video#prefix}. */
    static final String PREFIX = "videos/";

    @Inject
    ObjectStore store;

    @Inject
    Jobs jobs;

    @Inject
    EntityManager em;

    @Inject
    HocsoConfig config;

    /** An upload the browser may now send: a form POST of these fields, then the file, to this URL. */
    record Started(long id, String url, Map<String, String> fields) {}

    /** What a browser may say a video file is; anything else is stored as bytes of no particular type. */
    private static final Pattern VIDEO_TYPE = Pattern.compile("video/[a-z0-9][a-z0-9.+-]{0,60}");

    /** What arrived is not acceptable; the code names the error_… message. */
    static class Rejected extends RuntimeException {
        final String code;

        Rejected(String code) {
            super(code, null, false, false);
            this.code = code;
        }
    }

    /**
     * Opens an upload of {@code declaredSize} bytes for the lesson: a version row under a fresh key and a presigned
     * POST the store accepts only for that key and at most that many bytes, and only if it starts within
     * hocso.video.upload-ttl. A retry opens another version: an old form sent again can only write to a key no row
     * knows any more, which {@link VideoCleanup} sweeps.
     */
    Started start(Lesson lesson, Long personId, long declaredSize, String declaredType) {
        if (declaredSize <= 0) {
            throw new Rejected("empty");
        }
        if (declaredSize > config.video().maxBytes()) {
            throw new Rejected("too_large");
        }
        Video video = QuarkusTransaction.requiringNew().call(() -> newVersion(lesson.id, personId, null));
        String type = declaredType != null && VIDEO_TYPE.matcher(declaredType).matches()
                ? declaredType
                : "application/octet-stream";
        ObjectStore.PostUpload post = store.presignedPost(
                video.sourceKey, type, declaredSize, config.video().uploadTtl());
        return new Started(video.id, post.url(), post.fields());
    }

    /**
     * Checks the uploaded object and queues its transcoding. Confirming twice is harmless; a refused object and
     * its row are deleted.
     */
    Video confirm(long lessonId, long videoId) {
        Video video = QuarkusTransaction.requiringNew()
                .call(() -> Video.findOfLesson(lessonId, videoId).orElse(null));
        if (video == null) {
            throw new Rejected("gone");
        }
        if (video.status != VideoState.UPLOADING) {
            return video;
        }
        OptionalLong size = store.size(video.sourceKey);
        if (size.isEmpty()) {
            // the PUT has not arrived (yet): the browser may retry it; the row is swept if it never does
            throw new Rejected("missing");
        }
        String refusal = size.getAsLong() == 0
                ? "empty"
                : size.getAsLong() > config.video().maxBytes()
                        ? "too_large"
                        : VideoSignature.detect(store.head(video.sourceKey, VideoSignature.LENGTH))
                                        .isEmpty()
                                ? "not_video"
                                : null;
        if (refusal != null) {
            discard(video);
            throw new Rejected(refusal);
        }
        QuarkusTransaction.requiringNew().run(() -> queue(video.id, size.getAsLong()));
        return QuarkusTransaction.requiringNew().call(() -> Video.<Video>findById(videoId));
    }

    /** The browser gave up on an upload: its object (if any) and row go at once. */
    void cancel(long lessonId, long videoId) {
        QuarkusTransaction.requiringNew()
                .call(() -> Video.findOfLesson(lessonId, videoId))
                .filter(v -> v.status == VideoState.UPLOADING)
                .ifPresent(this::discard);
    }

    /** A file from a course folder: uploaded by the app itself, then checked and queued like a browser upload. */
    Video importFile(Lesson lesson, Path file, String importSource) throws IOException {
        Video video = QuarkusTransaction.requiringNew().call(() -> newVersion(lesson.id, null, importSource));
        try (InputStream in = Files.newInputStream(file)) {
            store.put(video.sourceKey, in, Files.size(file), "application/octet-stream");
        }
        return confirm(lesson.id, video.id);
    }

    private Video newVersion(long lessonId, Long personId, String importSource) {
        em.createNativeQuery("insert into lesson_video (lesson_id) values (?1) on conflict do nothing")
                .setParameter(1, lessonId)
                .executeUpdate();
        Video video = new Video();
        video.lessonId = lessonId;
        video.status = VideoState.UPLOADING;
        // keys are the server's own: the lesson, then a random version folder; never the uploaded file's name
        video.prefix = PREFIX + lessonId + "/" + UUID.randomUUID() + "/";
        video.sourceKey = video.prefix + "source";
        video.createdBy = personId;
        video.importSource = importSource;
        video.renditions = List.of();
        video.updatedAt = OffsetDateTime.now();
        video.persist();
        return video;
    }

    private void queue(long videoId, long size) {
        int queued = em.createNativeQuery("""
                update video set status = 'queued', size_bytes = ?2, updated_at = now()
                where id = ?1 and status = 'uploading'""")
                .setParameter(1, videoId)
                .setParameter(2, size)
                .executeUpdate();
        if (queued == 1) {
            Video video = Video.findById(videoId);
            // an older version still waiting will never be played: drop it instead of transcoding it for nothing
            em.createNativeQuery("""
                    update video set status = 'replaced', updated_at = now()
                    where lesson_id = ?1 and id < ?2 and status = 'queued'""")
                    .setParameter(1, video.lessonId)
                    .setParameter(2, videoId)
                    .executeUpdate();
            jobs.enqueue(TRANSCODE, Map.of("video", videoId), TRANSCODE + ":" + videoId, 3);
        }
    }

    private void discard(Video video) {
        store.deleteAll(video.prefix);
        QuarkusTransaction.requiringNew()
                .run(() -> Video.delete("id = ?1 and status = ?2", video.id, VideoState.UPLOADING));
    }
}
