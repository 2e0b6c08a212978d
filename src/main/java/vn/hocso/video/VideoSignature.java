package vn.hocso.video;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * What a file is, from its first bytes rather than its name: an HTML page or a script called "bai-1.mp4" is not a
 * video. ISO base media (MP4, MOV, M4V, 3GP) starts with a box whose type is "ftyp" (old QuickTime files may
 * start with "moov", "mdat", "wide" or "free"); WebM and Matroska start with the EBML magic 1A 45 DF A3.
 */
final class VideoSignature {

    /** How many bytes {@link #detect} needs. */
    static final int LENGTH = 12;

    private static final byte[] EBML = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3};
    private static final Set<String> QUICKTIME_FIRST_BOXES = Set.of("moov", "mdat", "wide", "free", "skip");

    private VideoSignature() {}

    /** "mp4" or "webm" when the bytes start like a video container, empty otherwise. */
    static Optional<String> detect(byte[] head) {
        if (head.length >= EBML.length && Arrays.equals(Arrays.copyOf(head, EBML.length), EBML)) {
            return Optional.of("webm");
        }
        if (head.length >= 8) {
            long boxSize = ((head[0] & 0xFFL) << 24)
                    | ((head[1] & 0xFFL) << 16)
                    | ((head[2] & 0xFFL) << 8)
                    | (head[3] & 0xFFL);
            String type = new String(head, 4, 4, StandardCharsets.ISO_8859_1);
            // a box is at least its 8-byte header; size 1 means a 64-bit size follows, 0 "to the end of the file"
            boolean sane = boxSize == 0 || boxSize == 1 || boxSize >= 8;
            if (sane && ("ftyp".equals(type) || QUICKTIME_FIRST_BOXES.contains(type))) {
                return Optional.of("mp4");
            }
        }
        return Optional.empty();
    }
}
