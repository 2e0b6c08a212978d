package vn.hocso.video;

import jakarta.persistence.Converter;
import vn.hocso.codes.Coded;
import vn.hocso.codes.CodedConverter;

/**
 * Where a version of a lesson's video stands: uploading from the browser, queued and processing for transcoding,
 * ready to play, failed with a reason, or replaced by a newer version (still playable for a day).
 */
public enum VideoState implements Coded {
    UPLOADING,
    QUEUED,
    PROCESSING,
    READY,
    FAILED,
    REPLACED;

    /** The database column holds the code. */
    @Converter(autoApply = true)
    public static class Column extends CodedConverter<VideoState> {}
}
