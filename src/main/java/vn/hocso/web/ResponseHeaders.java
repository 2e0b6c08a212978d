package vn.hocso.web;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.hocso.config.HocsoConfig;

/**
 * The one place that gives every answer of the public port its security headers: pages, the JSON API, static files,
 * error pages (ours and the HTTP layer's), redirects to the sign-in page and the plain Vert.x heartbeat route. It is
 * a Vert.x handler ahead of every other route that adds the headers just before the status line is written, so it
 * sees the final status and content type whoever wrote the answer.
 *
 * <ul>
 *   <li>{@code Content-Security-Policy}: scripts and styles only from files of our own origin (no inline script, no
 *       {@code style=} attribute: bars are {@code <progress>}/{@code <meter>} elements, scripts set sizes through the
 *       DOM, which the policy allows); video, posters and captions also from the object store's origin (presigned
 *       URLs), which uploads and hls.js also fetch from; forms post only to us and to the OIDC provider (the sign-out
 *       form's redirect to its end-session page); nobody may frame us; no plugins; no {@code <base>} elsewhere.
 *   <li>{@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY} (frame-ancestors for old browsers),
 *       {@code Referrer-Policy: same-origin} (addresses with attempt ids or certificate codes never leave the site).
 *   <li>{@code Strict-Transport-Security} when the request came over HTTPS (as the proxy says, when
 *       {@code quarkus.http.proxy.*} trusts it) or the public address is https: browsers ignore it over plain HTTP.
 *   <li>{@code Cache-Control: no-store} on personal addresses and on every answer to a signed-in person (session
 *       cookie, bearer token), except static files (style sheets, scripts, images) which are the same for everyone.
 *       A static file asked for at its current content-hashed address ({@link Assets}) may be kept a year without
 *       asking again ({@code public, max-age=31536000, immutable}); at any other address it is revalidated every time
 *       ({@code no-cache}), as are the other pages (a deploy shows at once).
 *   <li>a charset on every text answer that lacks one.
 * </ul>
 */
@ApplicationScoped
class ResponseHeaders {

    /** Addresses whose answers are about one person (or only for staff): never stored by any cache. */
    static final List<String> PERSONAL = List.of(
            "/my",
            "/profile",
            "/login",
            "/logout",
            "/quiz/",
            "/certificates/",
            "/verify",
            "/admin",
            "/trainer",
            "/api/me",
            "/api/quiz-attempts",
            "/api/quizzes");

    /** The OIDC session cookies (split tokens: q_session, q_session_at, q_session_rt). */
    private static final String SESSION_COOKIE = "q_session";

    static final String HSTS = "max-age=31536000";

    /** A static file at its content-hashed address never changes: kept a year, never revalidated. */
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private static final java.util.regex.Pattern VERSION =
            java.util.regex.Pattern.compile("(?:^|&)v=([0-9a-f]{12})(?:&|$)");

    @Inject
    HocsoConfig config;

    @ConfigProperty(name = "quarkus.minio.host")
    String storeHost;

    @ConfigProperty(name = "quarkus.minio.port")
    Optional<Integer> storePort;

    @ConfigProperty(name = "quarkus.minio.secure", defaultValue = "true")
    boolean storeSecure;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    Optional<String> oidcServer;

    private String policy;
    private boolean httpsPublic;

    void install(@Observes Router router) {
        policy = policy(
                Origins.of(storeHost, storeSecure, storePort),
                oidcServer.map(Origins::of).orElse(null));
        httpsPublic = config.publicUrl().startsWith("https:");
        router.route().order(Integer.MIN_VALUE).handler(this::onRequest);
    }

    /** The policy of every answer; {@code store} and {@code provider} are origins ({@code scheme://host[:port]}). */
    static String policy(String store, String provider) {
        String media = "'self' " + store;
        return String.join(
                "; ",
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src 'self' data: " + store,
                // hls.js plays through Media Source Extensions (a blob: address) and may run in a worker made from a
                // blob: of its own code
                "media-src " + media + " blob:",
                "worker-src 'self' blob:",
                "connect-src " + media,
                "font-src 'self'",
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self'" + (provider == null ? "" : " " + provider),
                "frame-ancestors 'none'");
    }

    private void onRequest(RoutingContext context) {
        context.addHeadersEndHandler(ignored -> decorate(context));
        context.next();
    }

    private void decorate(RoutingContext context) {
        HttpServerRequest request = context.request();
        MultiMap headers = context.response().headers();
        headers.set("Content-Security-Policy", policy);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "same-origin");
        if (httpsPublic || "https".equalsIgnoreCase(request.scheme())) {
            headers.set("Strict-Transport-Security", HSTS);
        }
        String type = headers.get("Content-Type");
        if (isPersonal(request.path())) {
            headers.set("Cache-Control", "no-store");
        } else if (isAsset(type)) {
            headers.set("Cache-Control", isCurrentVersion(request) ? IMMUTABLE : "no-cache");
        } else if (signedIn(context)) {
            headers.set("Cache-Control", "no-store");
        } else if (!headers.contains("Cache-Control") && type != null && isHtml(type)) {
            headers.set("Cache-Control", "no-cache");
        }
        if (type != null && isText(type) && !type.toLowerCase(Locale.ROOT).contains("charset=")) {
            headers.set("Content-Type", type + ";charset=UTF-8");
        }
    }

    static boolean isPersonal(String path) {
        if (path == null) {
            return false;
        }
        for (String prefix : PERSONAL) {
            if (path.equals(prefix)
                    || path.startsWith(prefix) && (prefix.endsWith("/") || path.charAt(prefix.length()) == '/')) {
                return true;
            }
        }
        return false;
    }

    /** A request for a static file at its current content-hashed address ({@code ?v=<hash>}). */
    private static boolean isCurrentVersion(HttpServerRequest request) {
        String query = request.query();
        if (query == null) {
            return false;
        }
        java.util.regex.Matcher v = VERSION.matcher(query);
        return v.find() && Assets.isCurrent(request.path(), v.group(1));
    }

    private static boolean isHtml(String type) {
        return type.toLowerCase(Locale.ROOT).startsWith("text/html");
    }

    private static boolean signedIn(RoutingContext context) {
        if (context.user() instanceof QuarkusHttpUser user
                        && !user.getSecurityIdentity().isAnonymous()
                || context.request().getHeader("Authorization") != null) {
            return true;
        }
        return context.request().cookies().stream().anyMatch(c -> c.getName().startsWith(SESSION_COOKIE));
    }

    /** Style sheets, scripts, images and fonts: the same for everyone, so their own caching stays. */
    private static boolean isAsset(String type) {
        if (type == null) {
            return false;
        }
        String t = type.toLowerCase(Locale.ROOT);
        return t.startsWith("text/css")
                || t.startsWith("text/javascript")
                || t.startsWith("application/javascript")
                || t.startsWith("image/")
                || t.startsWith("font/");
    }

    private static boolean isText(String type) {
        String t = type.toLowerCase(Locale.ROOT);
        return t.startsWith("text/")
                || t.startsWith("application/json")
                || t.contains("+json")
                || t.startsWith("application/javascript")
                || t.startsWith("application/yaml")
                || t.startsWith("application/xml");
    }

    /** Origins ({@code scheme://host[:port]}) of configured addresses. */
    static final class Origins {

        private Origins() {}

        /** The origin of an absolute address. */
        static String of(String address) {
            URI uri = URI.create(address.strip());
            return of(uri.getScheme(), uri.getHost(), uri.getPort());
        }

        /**
         * The object store's origin from quarkus-minio's settings: {@code host} is either a whole address
         * ({@code https://media.example.vn}) or a bare host name completed by {@code secure} and {@code port}.
         */
        static String of(String host, boolean secure, Optional<Integer> port) {
            String h = host.strip();
            if (h.contains("://")) {
                URI uri = URI.create(h);
                return of(uri.getScheme(), uri.getHost(), port.orElse(uri.getPort()));
            }
            return of(secure ? "https" : "http", h, port.orElse(-1));
        }

        private static String of(String scheme, String host, int port) {
            String s = scheme.toLowerCase(Locale.ROOT);
            boolean defaultPort = port < 0 || s.equals("http") && port == 80 || s.equals("https") && port == 443;
            return s + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        }
    }
}
