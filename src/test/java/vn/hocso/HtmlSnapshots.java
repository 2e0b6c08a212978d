package vn.hocso;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps one copy of every kind of HTML page the tests receive (by path, numbers folded, and status) in
 * target/html-pages, for a validator nobody here wrote: {@code deploy/local/validate-html} runs the W3C Nu HTML
 * checker over them after the tests (.ci/run does).
 */
public final class HtmlSnapshots implements Filter {

    static final Path FOLDER = Path.of("target/html-pages");
    private static final int MAX_PAGES = 600;
    private static final HtmlSnapshots INSTANCE = new HtmlSnapshots();

    private final Set<String> kept = ConcurrentHashMap.newKeySet();
    private final AtomicInteger count = new AtomicInteger();

    /** Installs the filter for every @QuarkusTest (registered in META-INF/services). */
    public static final class Install implements QuarkusTestBeforeEachCallback {
        @Override
        public void beforeEach(QuarkusTestMethodContext context) {
            if (!RestAssured.filters().contains(INSTANCE)) {
                RestAssured.filters(INSTANCE);
            }
        }
    }

    @Override
    public Response filter(
            FilterableRequestSpecification request, FilterableResponseSpecification spec, FilterContext context) {
        Response response = context.next(request, spec);
        String type = response.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("text/html")) {
            return response;
        }
        String path = URI.create(request.getURI()).getRawPath();
        String name = (request.getMethod() + path).replaceAll("[0-9]+", "N").replaceAll("[^A-Za-z0-9_-]+", "_") + "-"
                + response.statusCode();
        if (name.length() > 150 || !kept.add(name) || count.incrementAndGet() > MAX_PAGES) {
            return response;
        }
        try {
            Files.createDirectories(FOLDER);
            Files.write(FOLDER.resolve(name + ".html"), response.asByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return response;
    }
}
