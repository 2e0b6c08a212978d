package vn.hocso.video;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import vn.hocso.config.HocsoConfig;
import vn.hocso.job.Job;
import vn.hocso.job.JobContext;
import vn.hocso.job.JobHandler;
import vn.hocso.job.Jobs;
import vn.hocso.storage.ObjectStore;

/**
 * Sweeps what no one will use: uploads never confirmed (the browser gave up or was closed), versions replaced by a
 * newer one (kept a day so players still on them finish) and failed versions that are no longer the newest; and
 * objects under the video prefix that no version row knows (an upload form sent again after its version was refused
 * or cancelled, a crash between storing and recording), once older than hocso.video.keep-abandoned. Every instance
 * asks for the sweep each hour; the dedupe key makes it one job per hour across all of them.
 */
@ApplicationScoped
class VideoCleanup implements JobHandler {

    static final String KIND = "video-cleanup";

    private static final Logger LOG = Logger.getLogger(VideoCleanup.class);
    private static final Pattern VERSION_FOLDER = Pattern.compile(Pattern.quote(VideoUploads.PREFIX) + "[^/]+/[^/]+/");

    @Inject
    Jobs jobs;

    @Inject
    ObjectStore store;

    @Inject
    HocsoConfig config;

    @Scheduled(every = "1h", delayed = "1m")
    void schedule() {
        if (config.jobs().enabled()) {
            String hour = Instant.now().truncatedTo(ChronoUnit.HOURS).toString();
            QuarkusTransaction.requiringNew().run(() -> jobs.enqueue(KIND, Map.of(), KIND + ":" + hour, 1));
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Job job, JobContext context) {
        sweepVersions(OffsetDateTime.now().minus(config.video().keepAbandoned()));
        sweepUnknown(Instant.now().minus(config.video().keepAbandoned()));
    }

    /**
     * Deletes the version folders under {@link VideoUploads#PREFIX} that hold an object written before
     * {@code writtenBefore} and that no {@link Video} row names; returns how many folders went.
     */
    int sweepUnknown(Instant writtenBefore) {
        Set<String> folders = new TreeSet<>();
        for (String key : store.listWrittenBefore(VideoUploads.PREFIX, writtenBefore)) {
            Matcher folder = VERSION_FOLDER.matcher(key);
            if (folder.lookingAt()) {
                folders.add(folder.group());
            } else {
                LOG.warnf("Object %s is not in a video version folder; left alone", key);
            }
        }
        List<String> all = List.copyOf(folders);
        int swept = 0;
        for (int from = 0; from < all.size(); from += 500) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + 500));
            Set<String> known = new HashSet<>(QuarkusTransaction.requiringNew().call(() -> Video.prefixesAmong(batch)));
            for (String folder : batch) {
                if (!known.contains(folder)) {
                    int objects = store.deleteAll(folder);
                    swept++;
                    LOG.infof("Swept %d objects under %s: no video version knows them", objects, folder);
                }
            }
        }
        return swept;
    }

    private void sweepVersions(OffsetDateTime cutoff) {
        List<Video> stale = QuarkusTransaction.requiringNew()
                .call(() -> Video.<Video>find("""
                select o from Video o
                where o.updatedAt < ?1
                  and (o.status in (?2, ?3)
                       or (o.status = ?4 and o.id < (select max(v.id) from Video v where v.lessonId = o.lessonId)))""", cutoff, VideoState.UPLOADING, VideoState.REPLACED, VideoState.FAILED)
                        .list());
        for (Video video : stale) {
            int objects = store.deleteAll(video.prefix);
            QuarkusTransaction.requiringNew()
                    .run(() -> Video.delete("id = ?1 and status = ?2", video.id, video.status));
            LOG.infof(
                    "Swept %s video %d of lesson %d (%d objects, older than %s)",
                    video.status,
                    video.id,
                    video.lessonId,
                    objects,
                    config.video().keepAbandoned());
        }
    }
}
