package vn.hocso.video;

import java.util.Optional;
import java.util.stream.Collectors;
import vn.hocso.job.Job;
import vn.hocso.job.JobStatus;

/**
 * Where a lesson's video stands for the trainer: the newest version that left the browser (queued, processing
 * with percent, ready, failed with its reason) and whether an older version is still what learners see.
 */
public record VideoStatus(String status, int percent, String text, String errorCode, boolean replacing) {

    public static final String NONE = "none";

    public boolean isWorking() {
        return VideoState.QUEUED.code().equals(status)
                || VideoState.PROCESSING.code().equals(status);
    }

    static VideoStatus of(long lessonId, VideoMessages msg, String maxSize) {
        Optional<Video> playing = LessonVideo.findPlaying(lessonId);
        Optional<Video> latest = Video.<Video>find(
                        "lessonId = ?1 and status not in (?2, ?3) order by id desc",
                        lessonId,
                        VideoState.UPLOADING,
                        VideoState.REPLACED)
                .firstResultOptional();
        if (latest.isEmpty()) {
            return new VideoStatus(NONE, 0, msg.status_none(), null, false);
        }
        Video video = latest.get();
        boolean replacing = playing.isPresent() && !playing.get().id.equals(video.id);
        VideoState status = video.status;
        String error = video.errorCode;
        int percent = 0;
        if (video.isPlayable() || status == VideoState.FAILED) {
            percent = status == VideoState.READY ? 100 : 0;
        } else {
            Optional<Job> job = Job.findByDedupeKey(VideoUploads.TRANSCODE + ":" + video.id);
            if (job.isPresent() && job.get().status == JobStatus.FAILED) {
                // the worker died on its last attempt: the job table gave up even if the row never heard
                status = VideoState.FAILED;
                error = "transcode_failed";
            } else if (job.isPresent() && job.get().progress != null && job.get().status == JobStatus.RUNNING) {
                status = VideoState.PROCESSING;
                percent = job.get().progress;
            }
        }
        String text = switch (status) {
            case QUEUED -> msg.status_queued();
            case PROCESSING -> msg.status_processing(percent);
            case READY ->
                msg.status_ready() + " "
                        + msg.ready_details(
                                duration(video.durationMs),
                                video.renditions.stream()
                                        .map(r -> r.isAudioOnly() ? msg.saver_audio() : r.name())
                                        .collect(Collectors.joining(", ")));
            default -> msg.status_failed(reason(msg, error, maxSize));
        };
        return new VideoStatus(status.code(), percent, text, error, replacing && status != VideoState.READY);
    }

    static String reason(VideoMessages msg, String code, String maxSize) {
        return switch (code == null ? "" : code) {
            case "not_video" -> msg.error_not_video();
            case "too_large" -> msg.error_too_large(maxSize);
            case "empty" -> msg.error_empty();
            case "missing" -> msg.error_missing();
            case "unreadable" -> msg.error_unreadable();
            case "no_picture" -> msg.error_no_picture();
            case "gone" -> msg.error_gone();
            default -> msg.error_transcode_failed();
        };
    }

    /** m:ss, or h:mm:ss for long videos. */
    static String duration(Integer ms) {
        long s = ms == null ? 0 : Math.round(ms / 1000.0);
        return s >= 3600
                ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }

    /** 2 GB, 500 MB: the size limit as people say it. */
    static String size(long bytes) {
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GB";
        }
        return Math.max(1, bytes >> 20) + " MB";
    }
}
