package vn.hocso.video;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import vn.hocso.config.HocsoConfig;

/**
 * The ladder with ffmpeg (from the OS package): 240p, 360p and 720p H.264 (rungs above the source are skipped,
 * nothing is upscaled), an AAC audio-only rendition for data-saver mode, 4-second segments with key frames on
 * the segment boundaries so players switch rungs cleanly, in one ffmpeg pass; then a poster frame.
 */
@ApplicationScoped
class FfmpegTranscoder implements Transcoder {

    /** The ladder: height, video bit rate (kbit/s). */
    static final int[][] LADDER = {{240, 400}, {360, 800}, {720, 2500}};

    static final int AUDIO_KBPS = 96;
    static final int AUDIO_ONLY_KBPS = 64;
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
        return new Output(probe.durationMs(), ladder);
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
    static CompletableFuture<Process> killAfter(Process process, Duration timeout) {
        CompletableFuture<Process> exit = process.onExit().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        exit.exceptionally(e -> {
            process.destroyForcibly();
            return null;
        });
        return exit;
    }

    /** The rungs at or below the source's height; a source below 240p gets one rung at its own size. */
    static List<Rendition> ladder(Probe probe) {
        List<Rendition> rungs = new ArrayList<>();
        int audio = probe.hasAudio() ? AUDIO_KBPS : 0;
        for (int[] rung : LADDER) {
            if (rung[0] <= probe.height()) {
                rungs.add(new Rendition(rung[0] + "p", evenWidth(probe, rung[0]), rung[0], (rung[1] + audio) * 1000));
            }
        }
        if (rungs.isEmpty()) {
            int h = probe.height() - probe.height() % 2;
            rungs.add(new Rendition(h + "p", evenWidth(probe, h), h, (LADDER[0][1] + audio) * 1000));
        }
        if (probe.hasAudio()) {
            rungs.add(new Rendition("audio", 0, 0, AUDIO_ONLY_KBPS * 1000));
        }
        return rungs;
    }

    private static int evenWidth(Probe probe, int height) {
        int w = (int) Math.round((double) probe.width() * height / probe.height());
        return w + (w % 2);
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
                    .append("]scale=-2:")
                    .append(video.get(i).height())
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
            streamMap.append(streamMap.isEmpty() ? "" : " ").append("v:").append(i);
            if (probe.hasAudio()) {
                streamMap.append(",a:").append(i);
            }
            streamMap.append(",name:").append(video.get(i).name());
        }
        if (probe.hasAudio()) {
            for (int i = 0; i <= video.size(); i++) {
                cmd.addAll(List.of("-map", "0:a:0"));
            }
            cmd.addAll(List.of(
                    "-c:a",
                    "aac",
                    "-ac",
                    "2",
                    "-b:a",
                    AUDIO_KBPS + "k",
                    "-b:a:" + video.size(),
                    AUDIO_ONLY_KBPS + "k"));
            streamMap.append(" a:").append(video.size()).append(",name:audio");
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
