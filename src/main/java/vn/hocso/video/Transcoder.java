package vn.hocso.video;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;

/** Turns a source video into an HLS ladder and a poster image (ffmpeg in {@link FfmpegTranscoder}). */
interface Transcoder {

    /** One HLS rendition: its folder under hls/ holds index.m3u8 and its segments; width 0 means audio only. */
    /** What came out: the duration of the source and the renditions, lowest first; poster.jpg beside hls/. */
    record Output(int durationMs, List<Rendition> renditions) {}

    /**
     * Reads {@code source} (a URL ffmpeg can read, e.g. a presigned GET) and writes {@code out}/hls/&lt;rendition&gt;/
     * index.m3u8 with its segments and {@code out}/poster.jpg, reporting progress in percent.
     */
    Output transcode(String source, Path out, IntConsumer percent) throws Unplayable, IOException, InterruptedException;

    /** The source is not a video anything can play (corrupt, no picture): retrying will not help. */
    class Unplayable extends Exception {
        final String code;

        Unplayable(String code, String detail) {
            super(detail);
            this.code = code;
        }
    }
}
