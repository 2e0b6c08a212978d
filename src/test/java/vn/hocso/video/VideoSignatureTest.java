package vn.hocso.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VideoSignatureTest {

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    @Test
    void mp4AndMovAreRecognisedByTheirFirstBox() {
        assertEquals(Optional.of("mp4"), VideoSignature.detect(hex("00000020 66747970 69736f6d 00000200")));
        assertEquals(Optional.of("mp4"), VideoSignature.detect(hex("00000014 66747970 71742020 20050300")));
        assertEquals(Optional.of("mp4"), VideoSignature.detect(hex("00000008 77696465 0002a1b2 6d646174")));
    }

    @Test
    void webmAndMatroskaAreRecognisedByTheEbmlMagic() {
        assertEquals(Optional.of("webm"), VideoSignature.detect(hex("1a45dfa3 9f428681 01")));
    }

    @Test
    void aPageOrAScriptNamedMp4IsNotAVideo() {
        assertTrue(VideoSignature.detect("<!DOCTYPE html><html>".getBytes(StandardCharsets.UTF_8))
                .isEmpty());
        assertTrue(VideoSignature.detect("#!/bin/sh\nrm -rf /".getBytes(StandardCharsets.UTF_8))
                .isEmpty());
        assertTrue(VideoSignature.detect(new byte[0]).isEmpty());
        assertTrue(VideoSignature.detect(hex("00000002 66747970")).isEmpty());
    }
}
