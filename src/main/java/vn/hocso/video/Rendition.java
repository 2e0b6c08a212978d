package vn.hocso.video;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One rung of a video's HLS ladder as transcoding made it, lowest first; the audio-only one has no picture (width 0).
 * Kept in the video row as JSON with these four fields.
 */
public record Rendition(String name, int width, int height, int bandwidth) {

    @JsonIgnore
    public boolean isAudioOnly() {
        return width == 0;
    }
}
