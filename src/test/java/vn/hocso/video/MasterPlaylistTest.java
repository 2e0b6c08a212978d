package vn.hocso.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The master playlist any HLS player understands, checked against the real transcoder output with ffprobe: every
 * value it declares (BANDWIDTH at least the measured peak, AVERAGE-BANDWIDTH, RESOLUTION, CODECS, the audio rendition
 * and the captions as EXT-X-MEDIA) is measured again here, independently of the transcoder's own measurement.
 */
class MasterPlaylistTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ATTRIBUTE = Pattern.compile("([A-Z0-9-]+)=(\"[^\"]*\"|[^,]*)");

    @TempDir
    static Path out;

    static Transcoder.Output output;
    static String master;

    @BeforeAll
    static void transcodeA720pClipWithSound() throws Exception {
        FfmpegTranscoder transcoder = new FfmpegTranscoder();
        transcoder.ffmpeg = "ffmpeg";
        transcoder.ffprobe = "ffprobe";
        transcoder.probeTimeout = Duration.ofSeconds(60);
        Path clip = VideoFixtures.clip(9, 1280, 720).toAbsolutePath();
        output = transcoder.transcode(clip.toString(), out, percent -> {});
        master = Playlists.master(
                output.renditions(),
                List.of(
                        new Playlists.Subtitles("vi", "Tiếng Việt", true),
                        new Playlists.Subtitles("en", "Tiếng Anh", false)),
                "Âm thanh");
    }

    /** One segment as ffprobe sees it: bytes, where it starts, and its streams. */
    record Measured(long bytes, double start, JsonNode streams) {}

    private static JsonNode probe(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(
                        "ffprobe",
                        "-v",
                        "error",
                        "-show_entries",
                        "format=duration,size,start_time:stream=codec_type,codec_name,width,height,profile,level",
                        "-of",
                        "json",
                        file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        JsonNode json = JSON.readTree(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "ffprobe " + file);
        return json;
    }

    /** Each segment's bit rate: its bytes over the time to the next segment's start (the last: to the end). */
    private static List<Double> bitRates(Path folder) throws Exception {
        List<Measured> segments = new ArrayList<>();
        for (String line : Files.readAllLines(folder.resolve("index.m3u8"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                JsonNode json = probe(folder.resolve(line.strip()));
                segments.add(new Measured(
                        json.path("format").path("size").asLong(),
                        json.path("format").path("start_time").asDouble(),
                        json.path("streams")));
            }
        }
        JsonNode whole = probe(folder.resolve("index.m3u8")).path("format");
        double end =
                whole.path("start_time").asDouble() + whole.path("duration").asDouble();
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            double next = i + 1 < segments.size() ? segments.get(i + 1).start() : end;
            rates.add(segments.get(i).bytes() * 8 / (next - segments.get(i).start()));
        }
        return rates;
    }

    private static double average(Path folder) throws Exception {
        long bits = 0;
        for (String line : Files.readAllLines(folder.resolve("index.m3u8"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                bits += Files.size(folder.resolve(line.strip())) * 8;
            }
        }
        JsonNode whole = probe(folder.resolve("index.m3u8")).path("format");
        return bits / whole.path("duration").asDouble();
    }

    private static Map<String, String> attributes(String tagLine) {
        Map<String, String> map = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(tagLine.substring(tagLine.indexOf(':') + 1));
        while (m.find()) {
            map.put(m.group(1), m.group(2).replace("\"", ""));
        }
        return map;
    }

    private static List<String> lines() {
        return List.of(master.split("\n"));
    }

    private static Map<String, String> media(String type) {
        return lines().stream()
                .filter(l -> l.startsWith("#EXT-X-MEDIA:"))
                .map(MasterPlaylistTest::attributes)
                .filter(a -> type.equals(a.get("TYPE")))
                .findFirst()
                .orElse(null);
    }

    @Test
    void everyVariantDeclaresAtLeastItsMeasuredPeakItsAverageItsRealSizeAndItsCodecs() throws Exception {
        Path hls = out.resolve("hls");
        Map<String, String> audio = media("AUDIO");
        assertNotNull(audio, master);
        Path audioFolder = hls.resolve(audio.get("URI").replace(".m3u8", ""));
        double audioPeak =
                bitRates(audioFolder).stream().mapToDouble(d -> d).max().orElseThrow();
        double audioAverage = average(audioFolder);
        JsonNode audioStreams = probe(audioFolder.resolve("seg_000.ts")).path("streams");
        assertEquals(1, audioStreams.size(), "the audio rendition holds sound only");
        assertEquals("LC", audioStreams.path(0).path("profile").asText());

        List<String> lines = lines();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("#EXT-X-STREAM-INF:")) {
                continue;
            }
            Map<String, String> variant = attributes(lines.get(i));
            String name = lines.get(i + 1).replace(".m3u8", "");
            seen.add(name);
            Path folder = hls.resolve(name);
            JsonNode streams = probe(folder.resolve("seg_000.ts")).path("streams");
            assertEquals(1, streams.size(), name + ": the picture only, its sound is the audio rendition's");
            JsonNode video = streams.path(0);

            assertEquals(
                    video.path("width").asInt() + "x" + video.path("height").asInt(), variant.get("RESOLUTION"));

            double peak = bitRates(folder).stream().mapToDouble(d -> d).max().orElseThrow() + audioPeak;
            long declared = Long.parseLong(variant.get("BANDWIDTH"));
            assertTrue(declared >= peak, name + ": BANDWIDTH " + declared + " below the measured peak " + peak);
            assertTrue(
                    declared <= peak * 1.05 + 1000, name + ": BANDWIDTH " + declared + " far above the peak " + peak);

            double mean = average(folder) + audioAverage;
            long declaredMean = Long.parseLong(variant.get("AVERAGE-BANDWIDTH"));
            assertTrue(
                    Math.abs(declaredMean - mean) <= mean * 0.03,
                    name + ": AVERAGE-BANDWIDTH " + declaredMean + ", measured " + mean);
            assertTrue(declaredMean <= declared, name);

            String[] codecs = variant.get("CODECS").split(",");
            assertEquals(2, codecs.length, variant.get("CODECS"));
            assertEquals("Main", video.path("profile").asText());
            assertTrue(codecs[0].startsWith("avc1.4d"), "H.264 Main is profile_idc 77: " + codecs[0]);
            assertEquals(
                    String.format(Locale.ROOT, "%02x", video.path("level").asInt()),
                    codecs[0].substring(9),
                    "level of " + name);
            assertEquals("mp4a.40.2", codecs[1], "AAC-LC");

            assertEquals(audio.get("GROUP-ID"), variant.get("AUDIO"));
            assertEquals(media("SUBTITLES").get("GROUP-ID"), variant.get("SUBTITLES"));
        }
        assertEquals(List.of("240p", "360p", "720p"), seen, "lowest first, no audio-only variant");
        assertTrue(master.contains("RESOLUTION=426x240,"), "240p of a 16:9 source is 426 wide: " + master);
        assertTrue(master.contains("RESOLUTION=640x360,") && master.contains("RESOLUTION=1280x720,"), master);
    }

    @Test
    void theAudioRenditionAndTheCaptionsAreDeclaredAsMedia() {
        Map<String, String> audio = media("AUDIO");
        assertEquals("audio.m3u8", audio.get("URI"));
        assertEquals("YES", audio.get("DEFAULT"));
        assertEquals("Âm thanh", audio.get("NAME"));
        List<Map<String, String>> subtitles = lines().stream()
                .filter(l -> l.startsWith("#EXT-X-MEDIA:TYPE=SUBTITLES"))
                .map(MasterPlaylistTest::attributes)
                .toList();
        assertEquals(2, subtitles.size(), master);
        assertEquals("vi", subtitles.get(0).get("LANGUAGE"));
        assertEquals("captions/vi.m3u8", subtitles.get(0).get("URI"));
        assertEquals("YES", subtitles.get(0).get("DEFAULT"));
        assertEquals("NO", subtitles.get(1).get("DEFAULT"));
    }

    @Test
    void aCaptionFileIsAWebVttMediaPlaylistOfOneSegmentAsLongAsTheVideo() {
        String playlist = Playlists.subtitles("https://store.example/c.vtt?X-Amz-Signature=x", output.durationMs());
        List<String> lines = List.of(playlist.split("\n"));
        assertEquals("#EXTM3U", lines.get(0));
        long target = Long.parseLong(lines.stream()
                .filter(l -> l.startsWith("#EXT-X-TARGETDURATION:"))
                .findFirst()
                .orElseThrow()
                .substring(22));
        double extinf = Double.parseDouble(lines.stream()
                .filter(l -> l.startsWith("#EXTINF:"))
                .findFirst()
                .orElseThrow()
                .replaceAll("#EXTINF:([0-9.]+),", "$1"));
        assertTrue(Math.round(extinf) <= target, playlist);
        assertEquals(output.durationMs() / 1000.0, extinf, 0.01);
        assertTrue(lines.contains("https://store.example/c.vtt?X-Amz-Signature=x"), playlist);
        assertEquals("#EXT-X-ENDLIST", lines.get(lines.size() - 1));
    }

    @Test
    void aVersionTranscodedBeforeTheMeasurementsKeepsItsSoundInsideEachVariant() {
        String old = Playlists.master(
                List.of(new Rendition("240p", 428, 240, 496000, 0, null), new Rendition("audio", 0, 0, 64000, 0, null)),
                List.of(),
                "Âm thanh");
        assertFalse(old.contains("TYPE=AUDIO"), old);
        assertTrue(old.contains("#EXT-X-STREAM-INF:BANDWIDTH=496000,RESOLUTION=428x240\n240p.m3u8"), old);
    }
}
