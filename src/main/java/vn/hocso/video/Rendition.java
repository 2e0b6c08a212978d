package vn.hocso.video;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One rung of a video's HLS ladder as transcoding made it and measured it, lowest first; the audio-only one has no
 * picture (width 0). Kept in the video row as JSON with these fields. {@code bandwidth} is the peak bit rate of its
 * segments and {@code averageBandwidth} the mean over the whole rendition (bit/s), both measured on the files written;
 * {@code codecs} is the RFC 6381 codec string of what the files hold (for video renditions only the picture: sound
 * is the audio rendition's). Versions transcoded before those measurements have no codecs and their video renditions
 * carry the sound themselves ({@link #isMuxed()}).
 */
public record Rendition(String name, int width, int height, int bandwidth, int averageBandwidth, String codecs) {

    @JsonIgnore
    public boolean isAudioOnly() {
        return width == 0;
    }

    /** A rendition made before the audio was split off: its segments carry picture and sound. */
    @JsonIgnore
    public boolean isMuxed() {
        return codecs == null;
    }
}
