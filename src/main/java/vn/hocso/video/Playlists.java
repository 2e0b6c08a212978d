package vn.hocso.video;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.hocso.codes.Coded;
import vn.hocso.config.HocsoConfig;
import vn.hocso.storage.ObjectStore;

/**
 * HLS playlists as a player gets them: the master is written from the renditions recorded at transcoding; a
 * media playlist is the stored one with every segment URI replaced by a short-lived presigned URL, so segments go
 * from the object store to the browser and no video byte passes through the app.
 */
// created at start, so a misconfigured cache stops the app there rather than at the first request
@Startup
@ApplicationScoped
class Playlists {

    static final String MPEGURL = "application/vnd.apple.mpegurl";

    private static final Pattern URI_ATTRIBUTE = Pattern.compile("URI=\"([^\"]+)\"");

    @Inject
    ObjectStore store;

    @Inject
    HocsoConfig config;

    static final String SIGNED = "signed-playlists";

    /**
     * Signed playlists are reused this long (the {@value #SIGNED} cache's expiry); their URLs stay valid at least
     * playback-ttl minus this, so it must be shorter.
     */
    @ConfigProperty(name = "quarkus.cache.caffeine." + SIGNED + ".expire-after-write")
    Duration reuse;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    @Inject
    @CacheName(SIGNED)
    Cache cache;

    private CaffeineCache signed;

    @PostConstruct
    void check() {
        if (reuse.compareTo(config.video().playbackTtl()) >= 0) {
            throw new IllegalStateException("quarkus.cache.caffeine." + SIGNED + ".expire-after-write (" + reuse
                    + ") must be shorter than hocso.video.playback-ttl ("
                    + config.video().playbackTtl()
                    + "): a reused playlist would hand out expired URLs");
        }
        signed = cache.as(CaffeineCache.class);
    }

    /** A caption track as the master declares it: language, the name players show, default or not. */
    record Subtitles(String lang, String name, boolean isDefault) {}

    /** The audio group's id in the master. */
    static final String AUDIO_GROUP = "audio";

    /** The subtitles group's id in the master. */
    static final String SUBTITLES_GROUP = "subs";

    /**
     * The master playlist, written from the measured renditions so that any HLS player (hls.js, Safari and iOS, TVs,
     * third-party apps) knows what each variant costs and holds: lowest first (the player starts low and climbs);
     * BANDWIDTH the peak bit rate of its segments plus the audio's peak (the most one second can cost), AVERAGE-
     * BANDWIDTH the mean, the real RESOLUTION, CODECS; the audio rendition every picture plays with and the captions
     * as EXT-X-MEDIA. A version transcoded before the measurements keeps the old form (sound inside each variant).
     */
    static String master(List<Rendition> renditions, List<Subtitles> captions, String audioName) {
        StringBuilder m3u8 = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        boolean measured = renditions.stream().noneMatch(Rendition::isMuxed);
        Rendition audio = measured
                ? renditions.stream().filter(Rendition::isAudioOnly).findFirst().orElse(null)
                : null;
        if (audio != null) {
            m3u8.append("#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"" + AUDIO_GROUP + "\",NAME=\"")
                    .append(quoted(audioName))
                    .append("\",DEFAULT=YES,AUTOSELECT=YES,CHANNELS=\"2\",URI=\"")
                    .append(audio.name())
                    .append(".m3u8\"\n");
        }
        for (Subtitles c : captions) {
            m3u8.append("#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"" + SUBTITLES_GROUP + "\",NAME=\"")
                    .append(quoted(c.name()))
                    .append("\",LANGUAGE=\"")
                    .append(c.lang())
                    .append("\",DEFAULT=")
                    .append(c.isDefault() ? "YES" : "NO")
                    .append(",AUTOSELECT=YES,URI=\"")
                    .append(subtitlesFile(c.lang()))
                    .append("\"\n");
        }
        for (Rendition r : renditions) {
            if (r.isAudioOnly()) {
                continue;
            }
            m3u8.append("#EXT-X-STREAM-INF:BANDWIDTH=")
                    .append((long) r.bandwidth() + (audio == null ? 0 : audio.bandwidth()));
            if (measured) {
                m3u8.append(",AVERAGE-BANDWIDTH=")
                        .append((long) r.averageBandwidth() + (audio == null ? 0 : audio.averageBandwidth()))
                        .append(",CODECS=\"")
                        .append(r.codecs())
                        .append(audio == null ? "" : "," + audio.codecs())
                        .append('"');
            }
            m3u8.append(",RESOLUTION=").append(r.width()).append('x').append(r.height());
            if (audio != null) {
                m3u8.append(",AUDIO=\"" + AUDIO_GROUP + "\"");
            }
            if (!captions.isEmpty()) {
                m3u8.append(",SUBTITLES=\"" + SUBTITLES_GROUP + "\"");
            }
            m3u8.append('\n').append(r.name()).append(".m3u8\n");
        }
        return m3u8.toString();
    }

    /** The lowest picture rendition with the audio one (data saver). */
    static List<Rendition> lowest(List<Rendition> renditions) {
        Rendition low =
                renditions.stream().filter(r -> !r.isAudioOnly()).findFirst().orElse(null);
        return renditions.stream().filter(r -> r == low || r.isAudioOnly()).toList();
    }

    /** Where a caption's media playlist is, relative to the master. */
    static String subtitlesFile(String lang) {
        return "captions/" + lang + ".m3u8";
    }

    /**
     * The media playlist of a WebVTT caption file: one segment, the whole file, as long as the video (HLS players
     * find captions through such a playlist, not through the file itself).
     */
    static String subtitles(String vttUrl, int durationMs) {
        double seconds = Math.max(1, durationMs) / 1000.0;
        return "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:" + (long) Math.ceil(seconds)
                + "\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXTINF:"
                + String.format(java.util.Locale.ROOT, "%.3f", seconds) + ",\n" + vttUrl + "\n#EXT-X-ENDLIST\n";
    }

    /** An attribute's quoted-string may hold neither a double quote nor a line break. */
    private static String quoted(String text) {
        return text.replaceAll("[\"\r\n]", "'");
    }

    /**
     * A media playlist with presigned segment URLs valid long enough to play the whole video from here. The signed
     * text is shared by every learner for a few minutes (a presigned URL names an object, not a person; each is
     * still valid for the whole TTL minus that reuse), so a class starting a lesson together costs one signing.
     */
    String media(Video video, String rendition) {
        String folder = video.prefix + "hls/" + rendition + "/";
        CompletableFuture<String> cached = signed.getIfPresent(folder);
        if (cached != null && cached.isDone() && !cached.isCompletedExceptionally()) {
            return cached.getNow(null);
        }
        // signed once even when a class asks at the same moment: the others wait for this signing
        return signed.<String, String>get(folder, f -> sign(video, f)).await().indefinitely();
    }

    /** The caption playlist of a version: the caption file presigned for as long as the version's segments. */
    String subtitles(Video video, VideoCaption caption) {
        Duration ttl = config.video().playbackTtl().plusMillis(video.durationMs == null ? 0 : 2L * video.durationMs);
        return subtitles(
                store.presignedGet(caption.objectKey, ttl, Captions.TYPE, null),
                video.durationMs == null ? 0 : video.durationMs);
    }

    /** Who may get a version's playlists: the version (if playable) and the course's state for this person. */
    record Access(Video video, boolean published, boolean enrolled) {}

    /** One indexed statement: the version of the lesson, whether the course is published and the person enrolled. */
    Optional<Access> access(String slug, String key, long videoId, String subject) {
        List<?> rows = em.createNativeQuery("""
                select v.prefix, v.duration_ms, v.renditions::text, v.status, l.course_status = 'published',
                       l.lesson_id, exists (select 1 from course_enrolment e where e.course_id = l.course_id and e.subject = ?4)
                from lesson_in_course l
                join video v on v.lesson_id = l.lesson_id and v.id = ?3
                where l.slug = ?1 and l.key = ?2 and not l.retired""")
                .setParameter(1, slug)
                .setParameter(2, key)
                .setParameter(3, videoId)
                .setParameter(4, subject)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        Video video = new Video();
        video.id = videoId;
        video.lessonId = ((Number) r[5]).longValue();
        video.prefix = (String) r[0];
        video.durationMs = r[1] == null ? null : ((Number) r[1]).intValue();
        video.status = Coded.fromCode(VideoState.class, (String) r[3]).orElseThrow();
        try {
            video.renditions = JSON.readValue((String) r[2], new TypeReference<List<Rendition>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return video.isPlayable() ? Optional.of(new Access(video, (Boolean) r[4], (Boolean) r[6])) : Optional.empty();
    }

    private String sign(Video video, String folder) {
        // read again at most once per reuse period per rendition: the signed cache above keeps the result
        String text = read(folder);
        Duration ttl = config.video().playbackTtl().plusMillis(video.durationMs == null ? 0 : 2L * video.durationMs);
        StringBuilder out = new StringBuilder(text.length() * 4);
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            if (!l.startsWith("#")) {
                out.append(store.presignedGet(folder + l, ttl));
            } else if (l.startsWith("#EXT-X-MAP") || l.startsWith("#EXT-X-KEY")) {
                Matcher m = URI_ATTRIBUTE.matcher(l);
                out.append(
                        m.find()
                                ? l.substring(0, m.start(1))
                                        + store.presignedGet(folder + m.group(1), ttl)
                                        + l.substring(m.end(1))
                                : l);
            } else {
                out.append(l);
            }
            out.append('\n');
        }
        return out.toString();
    }

    private String read(String folder) {
        try (InputStream in = store.get(folder + "index.m3u8")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
