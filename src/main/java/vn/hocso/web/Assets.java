package vn.hocso.web;

import io.quarkus.qute.TemplateExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Addresses of the static files (style sheet, scripts, hls.js) carrying a hash of their content, {@code
 * /css/app.css?v=3f9a0c1b2d4e}: a browser may keep such an address for a year without asking again (web/
 * ResponseHeaders says so), and a deploy that changes a file changes its address, so nobody runs yesterday's script
 * against today's page. Every template names static files through it: {@code {asset:url('/css/app.css')}}. The hash
 * is computed once per file from the bytes the app serves (so every instance of one build agrees).
 */
@TemplateExtension(namespace = "asset")
public final class Assets {

    /** Where Quarkus serves static files from. */
    private static final String ROOT = "META-INF/resources";

    private static final Map<String, String> VERSIONS = new ConcurrentHashMap<>();

    private Assets() {}

    /** The versioned address of a static file; an unknown file is a mistake in a template and fails loudly. */
    public static String url(String path) {
        return path + "?v=" + version(path);
    }

    /** The content hash of a static file (12 hex digits of its SHA-256), failing when there is no such file. */
    public static String version(String path) {
        if (path == null || !path.startsWith("/") || path.contains("..")) {
            throw new IllegalArgumentException("not a static file: " + path);
        }
        String version = VERSIONS.computeIfAbsent(path, Assets::hash);
        if (version == null) {
            throw new IllegalArgumentException("no static file " + path);
        }
        return version;
    }

    /**
     * Whether {@code path} is a static file whose current version is {@code v} (only files that exist are remembered,
     * so made-up addresses cost no memory).
     */
    static boolean isCurrent(String path, String v) {
        if (v == null || path == null || !path.startsWith("/") || path.contains("..")) {
            return false;
        }
        return v.equals(VERSIONS.computeIfAbsent(path, Assets::hash));
    }

    private static String hash(String path) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(ROOT + path)) {
            if (in == null) {
                return null;
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
