package vn.hocso.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.netty.buffer.Unpooled;
import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Pages that are the same for every anonymous visitor — the catalogue, its search results, course pages, the public
 * statistics — kept as rendered for the first anonymous visitor and given to the next ones by a plain Vert.x route
 * right after authentication and ahead of RESTEasy, its filters and the template: those are the pages a crowd opens,
 * and a kept page then costs one version check instead of filters, statements and a template.
 *
 * <p>A page is kept with the version of its data ({@link #serve}) read <em>before</em> the page read that data, so a
 * kept page is never newer than its version says, and it is given again only while the version is the same: a change
 * anywhere (another instance, a script) shows on the next visit. Nothing personal is kept: only a visit without a
 * session cookie, bearer token, identity or flash message is given a kept page or has its page kept, and the one thing of the
 * visitor's own in such a page, the CSRF token of its forms (the language switch, "enrol"), is replaced by theirs —
 * the value of their CSRF cookie, or a new token with a new cookie, as the CSRF filter of quarkus-rest-csrf does
 * (the token is the cookie's value while no signature key is set, which the heartbeat route already requires).
 * Anything else — a signed-in visitor, an unreadable CSRF cookie, a page not kept or kept at another version, a
 * database that does not answer — goes on to the usual chain, unchanged.
 */
@ApplicationScoped
public class AnonymousPages {

    private static final Logger LOG = Logger.getLogger(AnonymousPages.class);

    /**
     * After Quarkus's authentication (-200) and path permissions (-100), so that whoever the security chain signs in
     * (a session, a bearer token, a test identity) is seen here; before RESTEasy and its filters.
     */
    static final int ORDER = -50;

    /** Kept pages in all, in bytes: a few thousand pages; addresses with odd queries only push others out. */
    static final long MAX_BYTES = 48L * 1024 * 1024;

    private static final String PENDING = AnonymousPages.class.getName() + ".pending";

    /** The OIDC session cookies (q_session, q_session_at, q_session_rt and their chunks). */
    private static final String SESSION_COOKIE = "q_session";

    /**
     * One generator per thread (the event loops): a shared SecureRandom is a lock every new visitor of a burst would
     * queue on. DRBG, seeded by the system, is what Java recommends for tokens.
     */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    });

    /** A visit the route let through to be rendered, and the version read before it was. */
    private record Pending(String key, long version) {}

    /**
     * A page as rendered for an anonymous visitor, in UTF-8, cut where the CSRF token it was rendered with stood (a
     * random value, found only there): a visit writes the parts with its own token between them, without copying.
     */
    private record Kept(long version, byte[][] parts, int bytes) {

        static Kept of(long version, String html, String token) {
            List<byte[]> parts = new ArrayList<>();
            int from = 0;
            for (int at = html.indexOf(token); at >= 0 && !token.isEmpty(); at = html.indexOf(token, from)) {
                parts.add(html.substring(from, at).getBytes(StandardCharsets.UTF_8));
                from = at + token.length();
            }
            parts.add(html.substring(from).getBytes(StandardCharsets.UTF_8));
            return new Kept(
                    version,
                    parts.toArray(byte[][]::new),
                    parts.stream().mapToInt(p -> p.length).sum());
        }

        Buffer with(String token) {
            byte[] mine = token.getBytes(StandardCharsets.US_ASCII);
            byte[][] all = new byte[parts.length * 2 - 1][];
            for (int i = 0; i < parts.length; i++) {
                all[2 * i] = parts[i];
                if (i + 1 < parts.length) {
                    all[2 * i + 1] = mine;
                }
            }
            return Buffer.buffer(Unpooled.wrappedBuffer(all));
        }
    }

    private final Cache<String, Kept> kept = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            .weigher((String key, Kept page) -> key.length() + page.bytes())
            .build();

    /*
     * quarkus-rest-csrf's own settings, not ours (so not in HocsoConfig): read to recognise its cookie and to set a new
     * visitor's cookie exactly as its filter would (AnonymousCataloguePagesTest compares the two).
     */
    @ConfigProperty(name = "quarkus.rest-csrf.cookie-name")
    String csrfCookie;

    @ConfigProperty(name = "quarkus.rest-csrf.cookie-path")
    String csrfCookiePath;

    @ConfigProperty(name = "quarkus.rest-csrf.cookie-domain")
    Optional<String> csrfCookieDomain;

    @ConfigProperty(name = "quarkus.rest-csrf.cookie-max-age")
    Duration csrfCookieMaxAge;

    @ConfigProperty(name = "quarkus.rest-csrf.cookie-http-only")
    boolean csrfCookieHttpOnly;

    @ConfigProperty(name = "quarkus.rest-csrf.cookie-force-secure")
    boolean csrfCookieSecure;

    @ConfigProperty(name = "quarkus.rest-csrf.token-size")
    int csrfTokenSize;

    @Inject
    CurrentVertxRequest currentRequest;

    @Inject
    CsrfTokenParameterProvider csrf;

    @Inject
    Viewer viewer;

    @Inject
    Flash flash;

    /**
     * Serves anonymous GET visits of {@code paths} (Vert.x route paths) from kept pages whose data is at
     * {@code version}; {@code blocking} when reading it blocks (a statement), so that it is read on a worker thread.
     * Call from an {@code @Observes Router} method; the pages' resource methods hand their HTML to {@link #keep}.
     */
    public void serve(Router router, boolean blocking, LongSupplier version, String... paths) {
        for (String path : paths) {
            router.get(path).order(ORDER).handler(context -> visit(context, blocking, version));
        }
    }

    /**
     * The page just rendered for this request, kept for the next anonymous visitors when the route let the visit
     * through as anonymous and nothing of this visit's own is in it but the CSRF token; returned as it is.
     */
    public String keep(String html) {
        RoutingContext context = currentRequest.getCurrent();
        Pending pending = context == null ? null : context.get(PENDING);
        if (pending != null && !viewer.isSignedIn() && flash.getMessage() == null) {
            kept.put(pending.key(), Kept.of(pending.version(), html, csrf.getToken()));
        }
        return html;
    }

    private void visit(RoutingContext context, boolean blocking, LongSupplier version) {
        HttpServerRequest request = context.request();
        if (!isAnonymous(context) || !acceptsHtml(request)) {
            context.next();
            return;
        }
        Cookie cookie = request.getCookie(csrfCookie);
        String token = cookie == null ? null : cookie.getValue();
        if (token != null && !isToken(token)) {
            // the CSRF filter refuses it, in the visitor's language
            context.next();
            return;
        }
        String key = Locales.of(request).getLanguage() + " " + request.uri();
        if (!blocking) {
            answer(context, key, version.getAsLong(), token);
            return;
        }
        context.vertx().executeBlocking(version::getAsLong, false).onComplete(read -> {
            if (read.failed()) {
                // the usual chain answers (an outage page when the database is down)
                LOG.debugf("anonymous page %s not served from memory: %s", key, read.cause());
                context.next();
            } else {
                answer(context, key, read.result(), token);
            }
        });
    }

    private void answer(RoutingContext context, String key, long version, String token) {
        Kept page = kept.getIfPresent(key);
        if (page == null || page.version() != version) {
            context.put(PENDING, new Pending(key, version));
            context.next();
            return;
        }
        String mine = token;
        if (mine == null) {
            mine = newToken();
            context.response().addCookie(csrfCookie(mine, context.request()));
        }
        context.response()
                .setStatusCode(200)
                .putHeader("Content-Type", "text/html;charset=UTF-8")
                .end(page.with(mine));
    }

    private static boolean isAnonymous(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.getHeader("Authorization") != null
                || context.user() instanceof QuarkusHttpUser user
                        && !user.getSecurityIdentity().isAnonymous()) {
            return false;
        }
        for (Cookie c : request.cookies()) {
            if (c.getName().startsWith(SESSION_COOKIE) || c.getName().equals(Flash.COOKIE)) {
                return false;
            }
        }
        return true;
    }

    /** The pages are HTML only: a client that does not take it gets the chain's answer (406). */
    private static boolean acceptsHtml(HttpServerRequest request) {
        String accept = request.getHeader("Accept");
        return accept == null || accept.contains("text/html") || accept.contains("*/*") || accept.contains("text/*");
    }

    /** A token as the CSRF filter makes them: {@code token-size} random bytes, base64url without padding. */
    private boolean isToken(String value) {
        try {
            return Base64.getUrlDecoder().decode(value).length == csrfTokenSize;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private String newToken() {
        byte[] bytes = new byte[csrfTokenSize];
        RANDOM.get().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private Cookie csrfCookie(String token, HttpServerRequest request) {
        Cookie cookie = Cookie.cookie(csrfCookie, token)
                .setPath(csrfCookiePath)
                .setMaxAge(csrfCookieMaxAge.toSeconds())
                .setHttpOnly(csrfCookieHttpOnly)
                .setSecure(csrfCookieSecure || request.isSSL())
                .setSameSite(CookieSameSite.LAX);
        csrfCookieDomain.ifPresent(cookie::setDomain);
        return cookie;
    }
}
