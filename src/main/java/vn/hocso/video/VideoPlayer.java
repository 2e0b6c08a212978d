package vn.hocso.video;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;
import vn.hocso.account.CurrentUser;
import vn.hocso.config.HocsoConfig;
import vn.hocso.course.Course;
import vn.hocso.course.Lesson;
import vn.hocso.course.LessonKind;
import vn.hocso.storage.ObjectStore;
import vn.hocso.web.Links;

/** What the lesson page needs to play a lesson's video: {@code inject:videoPlayer.of(course, lesson)} in templates. */
@RequestScoped
@Named("videoPlayer")
public class VideoPlayer {

    /**
     * A ready video as the page shows it; URLs are the app's playlists and presigned poster and captions. {@code
     * saveData}: the browser asked for less data ({@code Save-Data: on}), so the player starts at the lowest rung.
     */
    public record Player(
            String master,
            String audio,
            String poster,
            String heartbeat,
            String ticket,
            double resumeAt,
            int watchedPercent,
            boolean completed,
            List<Caption> captions,
            boolean saveData) {

        public boolean hasAudio() {
            return audio != null;
        }

        /** The fastest playback the player allows: what the coverage rule counts on (Heartbeats). */
        public int maxRate() {
            return Intervals.SPEED;
        }
    }

    public record Caption(String lang, String url) {}

    @Inject
    CurrentUser currentUser;

    @Inject
    ObjectStore store;

    @Inject
    WatchTickets tickets;

    @Inject
    Watchers watchers;

    @Inject
    HocsoConfig config;

    @Inject
    HttpServerRequest request;

    /** The player for a lesson whose video is ready, with where this person stopped; null otherwise. */
    public Player of(Course course, Lesson lesson) {
        return player(course, lesson, true);
    }

    /** The trainer's preview: same player, no heartbeats (a preview is not learning). */
    public Player preview(Course course, Lesson lesson) {
        return player(course, lesson, false);
    }

    private Player player(Course course, Lesson lesson, boolean learning) {
        if (lesson.kind != LessonKind.VIDEO) {
            return null;
        }
        Optional<Video> playing = LessonVideo.findPlaying(lesson.id);
        if (playing.isEmpty()) {
            return null;
        }
        Video video = playing.get();
        Optional<Long> personId = currentUser.find().map(p -> p.id);
        Optional<VideoWatch> watch = personId.flatMap(id -> VideoWatch.findOf(id, lesson.id));
        // heartbeats need a signed-in learner; the ticket is their credential (WatchTickets)
        String ticket = learning
                ? personId.map(id -> tickets.issue(watchers.keyOf(id), lesson.id))
                        .orElse(null)
                : null;
        int position = watch.map(w -> w.positionMs).orElse(0);
        // at the very end, start again from the beginning rather than on the last frame
        double resumeAt = video.durationMs != null && position > video.durationMs - 3000 ? 0 : position / 1000.0;
        List<Caption> captions = VideoCaption.listOfLesson(lesson.id).stream()
                .map(c -> new Caption(
                        c.lang, store.presignedGet(c.objectKey, config.video().playbackTtl(), Captions.TYPE, null)))
                .toList();
        return new Player(
                Links.playlist(course.slug, lesson.key, video.id, "master.m3u8"),
                video.hasAudioOnly() ? Links.playlist(course.slug, lesson.key, video.id, "audio.m3u8") : null,
                video.posterKey == null
                        ? null
                        : store.presignedGet(video.posterKey, config.video().playbackTtl(), "image/jpeg", null),
                ticket == null ? null : Links.heartbeat(course.slug, lesson.key),
                ticket,
                resumeAt,
                watch.map(w -> Heartbeats.percent(w.coveredMs, video.durationMs))
                        .orElse(0),
                watch.map(w -> w.completedAt != null).orElse(false),
                captions,
                "on"
                        .equalsIgnoreCase(
                                String.valueOf(request.getHeader("Save-Data")).strip()));
    }
}
