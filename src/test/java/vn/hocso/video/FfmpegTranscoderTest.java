package vn.hocso.video;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegTranscoderTest {

    @Test
    void aProbeOfASourceThatNeverAnswersIsKilledAtItsTimeoutAndFailsAsRetryable(@TempDir Path out) throws IOException {
        FfmpegTranscoder transcoder = new FfmpegTranscoder();
        transcoder.ffprobe = "ffprobe";
        transcoder.probeTimeout = Duration.ofSeconds(1);
        // the kernel accepts the connection into the backlog, and nothing ever reads the request or answers it
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            String source = "http://127.0.0.1:" + silent.getLocalPort() + "/clip.mp4";
            long start = System.nanoTime();
            // an IOException, not Unplayable: a stalled read says nothing about the file, so the job is retried
            IOException e = assertThrows(IOException.class, () -> transcoder.probe(source, out));
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(e.getMessage().contains("timed out"), e.getMessage());
            assertTrue(tookMillis < 8000, "the probe was stopped after " + tookMillis + " ms");
        }
    }
}
