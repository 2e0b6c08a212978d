package vn.hocso.video;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import vn.hocso.config.HocsoConfig;

/**
 * The ladder with ffmpeg (from the OS package): 240p, 360p and 720p H.264 (rungs above the source are skipped,
 * nothing is upscaled) and one AAC audio rendition that every picture rendition plays with (so the sound is stored
 * and sent once, and data-saver mode plays it alone), 4-second segments with key frames on the segment boundaries
 * so players switch rungs cleanly, in one ffmpeg pass; then a poster frame. Then every rendition is measured on the
 * files written — peak and mean bit rate of its segments, picture size, codec profile and level — for the master
 * playlist to declare what players will really get.
 */
@ApplicationScoped
class FfmpegTranscoder implements Transcoder {

    /** The ffmpeg processes this instance runs now. */
    private final Set<Process> transcoding = ConcurrentHashMap.newKeySet();

    /** The ladder: height, video bit rate (kbit/s). */
    static final int[][] LADDER = {{240, 400}, {360, 800}, {720, 2500}};

    /** The one audio rendition: speech-first lessons, heard on phones; also all that data-saver "audio" sends. */
    static final int AUDIO_KBPS = 64;

    static final int SEGMENT_SECONDS = 4;
    /**
     * How long a read of the source may wait for a byte before ffmpeg gives up (µs): a stalled presigned GET then
     * fails this attempt, to be retried, instead of holding a transcode slot until the overall timeout.
     */
    static final String READ_TIMEOUT_MICROS = "60000000";

    private static final ObjectMapper JSON = new ObjectMapper();

    // plain fields, set from the configuration at creation, so a test can run the transcoder without a container
    String ffmpeg;
    String ffprobe;
    int threads;
    Duration probeTimeout;

    @Inject
    void configure(HocsoConfig config) {
        HocsoConfig.Video video = config.video();
        ffmpeg = video.ffmpeg();
        ffprobe = video.ffprobe();
        threads = video.ffmpegThreads();
        probeTimeout = video.probeTimeout();
    }

    record Probe(int durationMs, int width, int height, boolean hasAudio) {}

    @Override
    public Output transcode(String source, Path out, IntConsumer percent)
            throws Unplayable, IOException, InterruptedException {
        Probe probe = probe(source, out);
        List<Rendition> ladder = ladder(probe);
        List<String> cmd = command(source, out, probe, ladder);
        Path log = out.resolve("ffmpeg.log");
        long timeout = Math.max(600, probe.durationMs() / 100);
        Process process = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
        transcoding.add(process);
        process.onExit().thenRun(() -> transcoding.remove(process));
        CompletableFuture<Process> exit = killAfter(process, Duration.ofSeconds(timeout));
        try (BufferedReader progress =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            int last = -1;
            while ((line = progress.readLine()) != null) {
                // -progress pipe:1 prints key=value lines; out_time_us is the position reached in the output
                if (line.startsWith("out_time_us=") || line.startsWith("out_time_ms=")) {
                    int done = percentOf(line.substring(line.indexOf('=') + 1), probe.durationMs());
                    if (done != last) {
                        last = done;
                        percent.accept(done);
                    }
                }
            }
            if (!process.waitFor(timeout, TimeUnit.SECONDS)) {
                throw new IOException("ffmpeg did not finish in time");
            }
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
        if (exit.isCompletedExceptionally()) {
            throw new IOException("ffmpeg timed out after " + timeout + " s");
        }
        if (process.exitValue() != 0) {
            throw new IOException("ffmpeg exited with " + process.exitValue() + ": " + tail(log));
        }
        poster(source, out, probe);
        List<Rendition> measured = new ArrayList<>();
        for (Rendition planned : ladder) {
            measured.add(measure(out.resolve("hls").resolve(planned.name()), planned));
        }
        return new Output(probe.durationMs(), measured);
    }

    /** One segment of a media playlist: its file and the duration the playlist gives it. */
    record Segment(Path file, double seconds) {}

    /** The segments a media playlist written by ffmpeg lists, in order. */
    static List<Segment> segments(Path folder) throws IOException {
        List<Segment> segments = new ArrayList<>();
        double seconds = 0;
        for (String line : Files.readAllLines(folder.resolve("index.m3u8"), StandardCharsets.UTF_8)) {
            String l = line.strip();
            if (l.startsWith("#EXTINF:")) {
                seconds = Double.parseDouble(l.substring(8, l.contains(",") ? l.indexOf(',') : l.length()));
            } else if (!l.isEmpty() && !l.startsWith("#")) {
                segments.add(new Segment(folder.resolve(l), seconds));
            }
        }
        return segments;
    }

    /**
     * A rendition as written: the peak bit rate of its segments (bytes over the playlist's duration of each — what
     * HLS calls a segment's bit rate, so a player never meets a segment above the declared BANDWIDTH), the mean over
     * all of it, and for pictures the real size, profile and level read back from the first segment.
     */
    Rendition measure(Path folder, Rendition planned) throws IOException, InterruptedException {
        long bits = 0;
        double seconds = 0;
        double peak = 0;
        List<Segment> segments = segments(folder);
        for (Segment segment : segments) {
            long size = Files.size(segment.file()) * 8;
            bits += size;
            seconds += segment.seconds();
            if (segment.seconds() > 0) {
                peak = Math.max(peak, size / segment.seconds());
            }
        }
        if (segments.isEmpty() || seconds <= 0) {
            throw new IOException("ffmpeg wrote no segments for " + planned.name());
        }
        int peakBps = (int) Math.ceil(peak);
        int averageBps = (int) Math.ceil(bits / seconds);
        if (planned.isAudioOnly()) {
            return new Rendition(planned.name(), 0, 0, peakBps, averageBps, AAC_LC);
        }
        Path first = segments.get(0).file();
        JsonNode stream = JSON.readTree(run(List.of(
                        ffprobe,
                        "-v",
                        "error",
                        "-select_streams",
                        "v:0",
                        "-show_entries",
                        "stream=width,height",
                        "-of",
                        "json",
                        first.toString())))
                .path("streams")
                .path(0);
        return new Rendition(
                planned.name(),
                stream.path("width").asInt(),
                stream.path("height").asInt(),
                peakBps,
                averageBps,
                avc1(run(List.of(
                        ffmpeg,
                        "-v",
                        "error",
                        "-i",
                        first.toString(),
                        "-map",
                        "0:v:0",
                        "-c",
                        "copy",
                        "-frames:v",
                        "1",
                        "-f",
                        "h264",
                        "pipe:1"))));
    }

    /** AAC low complexity, what ffmpeg's aac encoder writes. */
    static final String AAC_LC = "mp4a.40.2";

    /**
     * The RFC 6381 string of an H.264 stream from its sequence parameter set ({@code avc1.PPCCLL}: profile, constraint
     * flags, level, as hex), found in an Annex B byte stream.
     */
    static String avc1(byte[] annexB) throws IOException {
        for (int i = 0; i + 6 < annexB.length; i++) {
            if (annexB[i] == 0 && annexB[i + 1] == 0 && annexB[i + 2] == 1 && (annexB[i + 3] & 0x1f) == 7) {
                return String.format(
                        Locale.ROOT,
                        "avc1.%02x%02x%02x",
                        annexB[i + 4] & 0xff,
                        annexB[i + 5] & 0xff,
                        annexB[i + 6] & 0xff);
            }
        }
        throw new IOException("no H.264 sequence parameter set in the first segment");
    }

    /** Runs a short command and returns what it wrote to stdout; fails on a non-zero exit or after a minute. */
    private static byte[] run(List<String> cmd) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        CompletableFuture<Process> exit = killAfter(process, Duration.ofMinutes(1));
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(1, TimeUnit.MINUTES) || exit.isCompletedExceptionally() || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("failed: " + String.join(" ", cmd));
        }
        return out;
    }

    Probe probe(String source, Path out) throws Unplayable, IOException, InterruptedException {
        Path log = out.resolve("ffprobe.log");
        Process process = new ProcessBuilder(
                        ffprobe, "-v", "error", "-print_format", "json", "-show_format", "-show_streams", source)
                .redirectError(log.toFile())
                .start();
        CompletableFuture<Process> exit = killAfter(process, probeTimeout);
        byte[] json = process.getInputStream().readAllBytes();
        if (!process.waitFor(probeTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IOException("ffprobe did not finish in time");
        }
        // before the exit code: a probe killed for stalling says nothing about the file, so it is not Unplayable
        if (exit.isCompletedExceptionally()) {
            throw new IOException("ffprobe timed out after " + probeTimeout.toSeconds() + " s");
        }
        if (process.exitValue() != 0) {
            throw new Unplayable("unreadable", "ffprobe: " + tail(log));
        }
        JsonNode root = JSON.readTree(json);
        int width = 0;
        int height = 0;
        boolean audio = false;
        for (JsonNode stream : root.path("streams")) {
            String type = stream.path("codec_type").asText();
            boolean picture = stream.path("disposition").path("attached_pic").asInt() == 1;
            if ("video".equals(type) && !picture && width == 0) {
                width = stream.path("width").asInt();
                height = stream.path("height").asInt();
            } else if ("audio".equals(type)) {
                audio = true;
            }
        }
        if (width <= 0 || height <= 0) {
            throw new Unplayable("no_picture", "no video stream");
        }
        double seconds = root.path("format").path("duration").asDouble(0);
        if (seconds <= 0) {
            throw new Unplayable("unreadable", "no duration");
        }
        return new Probe((int) Math.round(seconds * 1000), width, height, audio);
    }

    /**
     * Kills {@code process} once it outlives {@code timeout}: its output is read until EOF before waitFor, so a
     * stalled process would otherwise block that read for ever. The returned future fails with a TimeoutException
     * exactly when the process was killed for it.
     */
    /**
     * On shutdown, after the job worker has given its jobs their grace and put the others back in the queue (its
     * observer runs first): an ffmpeg left running would outlive the JVM and keep the cores another instance now
     * needs for the same job.
     */
    void stopTranscoding(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) ShutdownEvent event) {
        transcoding.forEach(Process::destroyForcibly);
    }

    static CompletableFuture<Process> killAfter(Process process, Duration timeout) {
        CompletableFuture<Process> exit = process.onExit().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        exit.exceptionally(e -> {
            process.destroyForcibly();
            return null;
        });
        return exit;
    }

    /**
     * The rungs at or below the source's height, planned bit rates (the measured ones replace them); a source below
     * 240p gets one rung at its own size.
     */
    static List<Rendition> ladder(Probe probe) {
        List<Rendition> rungs = new ArrayList<>();
        for (int[] rung : LADDER) {
            if (rung[0] <= probe.height()) {
                rungs.add(new Rendition(rung[0] + "p", evenWidth(probe, rung[0]), rung[0], rung[1] * 1000, 0, null));
            }
        }
        if (rungs.isEmpty()) {
            int h = probe.height() - probe.height() % 2;
            rungs.add(new Rendition(h + "p", evenWidth(probe, h), h, LADDER[0][1] * 1000, 0, null));
        }
        if (probe.hasAudio()) {
            rungs.add(new Rendition("audio", 0, 0, AUDIO_KBPS * 1000, 0, null));
        }
        return rungs;
    }

    /** The source's width scaled to {@code height}, rounded down to even (H.264 4:2:0 needs even sizes). */
    static int evenWidth(Probe probe, int height) {
        int w = (int) ((long) probe.width() * height / probe.height());
        return Math.max(2, w - w % 2);
    }

    private List<String> command(String source, Path out, Probe probe, List<Rendition> ladder) {
        List<Rendition> video = ladder.stream().filter(r -> !r.isAudioOnly()).toList();
        List<String> cmd = new ArrayList<>(List.of(
                ffmpeg,
                "-hide_banner",
                "-nostdin",
                "-y",
                "-v",
                "error",
                "-threads",
                String.valueOf(threads),
                "-rw_timeout",
                READ_TIMEOUT_MICROS,
                "-i",
                source));
        StringBuilder filter = new StringBuilder("[0:v:0]split=" + video.size());
        for (int i = 0; i < video.size(); i++) {
            filter.append("[s").append(i).append(']');
        }
        for (int i = 0; i < video.size(); i++) {
            filter.append(";[s")
                    .append(i)
                    .append("]scale=")
                    .append(video.get(i).width())
                    .append(':')
                    .append(video.get(i).height())
                    .append(",setsar=1")
                    .append("[v")
                    .append(i)
                    .append(']');
        }
        cmd.addAll(List.of("-filter_complex", filter.toString()));
        StringBuilder streamMap = new StringBuilder();
        for (int i = 0; i < video.size(); i++) {
            int kbps = LADDER[Math.min(i, LADDER.length - 1)][1];
            cmd.addAll(List.of(
                    "-map",
                    "[v" + i + "]",
                    "-c:v:" + i,
                    "libx264",
                    "-b:v:" + i,
                    kbps + "k",
                    "-maxrate:v:" + i,
                    (kbps * 11 / 10) + "k",
                    "-bufsize:v:" + i,
                    (kbps * 2) + "k"));
            streamMap
                    .append(streamMap.isEmpty() ? "" : " ")
                    .append("v:")
                    .append(i)
                    .append(",name:")
                    .append(video.get(i).name());
        }
        if (probe.hasAudio()) {
            cmd.addAll(List.of("-map", "0:a:0", "-c:a", "aac", "-ac", "2", "-b:a", AUDIO_KBPS + "k"));
            streamMap.append(" a:0,name:audio");
        }
        cmd.addAll(List.of(
                "-preset",
                "veryfast",
                "-profile:v",
                "main",
                "-pix_fmt",
                "yuv420p",
                "-sc_threshold",
                "0",
                "-force_key_frames",
                "expr:gte(t,n_forced*" + SEGMENT_SECONDS + ")",
                "-f",
                "hls",
                "-hls_time",
                String.valueOf(SEGMENT_SECONDS),
                "-hls_playlist_type",
                "vod",
                "-hls_segment_filename",
                out.resolve("hls/%v/seg_%03d.ts").toString(),
                "-var_stream_map",
                streamMap.toString(),
                "-progress",
                "pipe:1",
                "-nostats",
                out.resolve("hls/%v/index.m3u8").toString()));
        return cmd;
    }

    private void poster(String source, Path out, Probe probe) throws IOException, InterruptedException {
        double at = Math.min(2.0, probe.durationMs() / 3000.0);
        Path log = out.resolve("poster.log");
        Process process = new ProcessBuilder(
                        ffmpeg,
                        "-hide_banner",
                        "-nostdin",
                        "-y",
                        "-v",
                        "error",
                        "-ss",
                        String.format(Locale.ROOT, "%.2f", at),
                        "-rw_timeout",
                        READ_TIMEOUT_MICROS,
                        "-i",
                        source,
                        "-frames:v",
                        "1",
                        "-vf",
                        "scale=-2:" + Math.min(360, probe.height() - probe.height() % 2),
                        "-q:v",
                        "4",
                        out.resolve("poster.jpg").toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("ffmpeg (poster) did not finish in time");
        }
        if (process.exitValue() != 0 || !Files.exists(out.resolve("poster.jpg"))) {
            throw new IOException("ffmpeg (poster) failed: " + tail(log));
        }
    }

    static int percentOf(String outTimeMicros, int durationMs) {
        try {
            long micros = Long.parseLong(outTimeMicros.strip());
            return (int) Math.max(0, Math.min(99, micros / 10 / Math.max(1, durationMs)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8).strip();
            return text.length() > 1500 ? text.substring(text.length() - 1500) : text;
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
