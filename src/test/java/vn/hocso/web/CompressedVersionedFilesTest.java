package vn.hocso.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.Decoder;
import com.aayushatharva.brotli4j.decoder.DecoderJNI;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Static files and pages as a phone on a metered link gets them: compressed (Brotli where the browser takes it, gzip
 * otherwise), the same bytes once decompressed, and static files at content-hashed addresses cached for a year.
 */
@QuarkusTest
class CompressedVersionedFilesTest {

    static final Path STATIC = Path.of("src/main/resources/META-INF/resources");
    static final Pattern UNVERSIONED = Pattern.compile("(?:src|href)=\"/(?:css|js|vendor)/");
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    URL root;

    private HttpResponse<byte[]> get(String path, String encoding) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(root.toString().replaceAll("/$", "") + path));
        if (encoding != null) {
            request.header("Accept-Encoding", encoding);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    private static byte[] unbrotli(byte[] bytes) throws IOException {
        Brotli4jLoader.ensureAvailability();
        var decoded = Decoder.decompress(bytes);
        assertEquals(DecoderJNI.Status.DONE, decoded.getResultStatus());
        return decoded.getDecompressedData();
    }

    private static String sha12(byte[] bytes) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                .substring(0, 12);
    }

    @Test
    void staticFilesGoOutCompressedAtTheirContentHashedAddressCachedForAYear() throws Exception {
        List<String> figures = new ArrayList<>();
        for (String file : List.of("/css/app.css", "/js/video-player.js", "/vendor/hls.js/hls.min.js")) {
            byte[] original = Files.readAllBytes(STATIC.resolve(file.substring(1)));
            String versioned = Assets.url(file);
            assertEquals(file + "?v=" + sha12(original), versioned, "the version is the content's hash");

            HttpResponse<byte[]> br = get(versioned, "br, gzip");
            assertEquals(200, br.statusCode(), file);
            assertEquals("br", br.headers().firstValue("Content-Encoding").orElse(""), file);
            assertEquals(
                    "public, max-age=31536000, immutable",
                    br.headers().firstValue("Cache-Control").orElse(""));
            assertArrayEquals(original, unbrotli(br.body()), file);

            HttpResponse<byte[]> gzip = get(versioned, "gzip");
            assertEquals("gzip", gzip.headers().firstValue("Content-Encoding").orElse(""), file);
            assertArrayEquals(original, gunzip(gzip.body()), file);

            HttpResponse<byte[]> plain = get(versioned, null);
            assertArrayEquals(original, plain.body(), "no Accept-Encoding, no compression: " + file);

            assertTrue(
                    br.body().length < original.length * 0.4,
                    file + ": " + br.body().length + " of " + original.length);
            figures.add(file + " " + original.length + " B → br " + br.body().length + " B, gzip " + gzip.body().length
                    + " B");
        }
        System.out.println("Static files on the wire: " + figures);

        HttpResponse<byte[]> stale = get("/css/app.css?v=000000000000", "gzip");
        assertEquals(
                "no-cache", stale.headers().firstValue("Cache-Control").orElse(""), "an old version is revalidated");
    }

    @Test
    void pagesAndJsonGoOutCompressedAndPagesAreRevalidated() throws Exception {
        HttpResponse<byte[]> page = get("/courses", "gzip");
        assertEquals(200, page.statusCode());
        assertEquals("gzip", page.headers().firstValue("Content-Encoding").orElse(""));
        assertEquals("no-cache", page.headers().firstValue("Cache-Control").orElse(""));
        String html = new String(gunzip(page.body()), StandardCharsets.UTF_8);
        Matcher css =
                Pattern.compile("href=\"(/css/app\\.css\\?v=[0-9a-f]{12})\"").matcher(html);
        assertTrue(css.find(), "the layout links the versioned style sheet");
        assertEquals(Assets.url("/css/app.css"), css.group(1));

        HttpResponse<byte[]> json = get("/api/courses", "br");
        assertEquals(200, json.statusCode());
        assertEquals("br", json.headers().firstValue("Content-Encoding").orElse(""));
        assertTrue(new String(unbrotli(json.body()), StandardCharsets.UTF_8).startsWith("{")
                || new String(unbrotli(json.body()), StandardCharsets.UTF_8).startsWith("["));
    }

    @Test
    void everyTemplateNamesStaticFilesThroughTheVersionedHelper() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path t : templates.filter(Files::isRegularFile).toList()) {
                if (UNVERSIONED.matcher(Files.readString(t)).find()) {
                    offenders.add(t.toString());
                }
            }
        }
        assertEquals(List.of(), offenders, "use {asset:url('/…')} for static files");
    }
}
