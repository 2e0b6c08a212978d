package vn.hocso.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import vn.hocso.config.HocsoConfig;

/**
 * A request that changes something (POST, PUT, PATCH, DELETE) must come from one of our own pages: one whose
 * {@code Origin} names another site, or that the browser marks {@code Sec-Fetch-Site: cross-site}, is refused with
 * 403 before any resource or the CSRF check sees it. Our origins are the public address ({@code hocso.public-url})
 * and the address the request itself was sent to (its {@code Host}), so a second name or a test port works too.
 * {@code Origin: null} (a sandboxed frame, a redirect across sites) is foreign. A request without either header (an
 * old browser, curl) goes on: the CSRF token still guards it.
 *
 * <p>A request that carries its credential itself — an {@code Authorization} header — and no cookie is let through:
 * browsers never attach such a header on their own, so another site cannot make a signed-in person's browser send it,
 * and API clients of other origins (a mobile app's web view, a partner's page calling with CORS) legitimately send
 * their own {@code Origin}. With a cookie, the rule applies as to any browser request.
 *
 * <p>Pages and the API are checked by {@link #refuseForeignOrigins}; the heartbeat route, which runs outside JAX-RS,
 * asks {@link #isForeign} itself.
 */
@ApplicationScoped
public class SameOrigin {

    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Inject
    HocsoConfig config;

    @Inject
    Locales locales;

    @ServerRequestFilter(preMatching = true, priority = 500)
    Response refuseForeignOrigins(HttpServerRequest request) {
        if (isForeign(request)) {
            throw new Refusal(
                    Response.Status.FORBIDDEN,
                    locales.messages(WebMessages.class).error_cross_site());
        }
        return null;
    }

    /** Whether this request changes something and came from another site (see the class comment). */
    public boolean isForeign(HttpServerRequest request) {
        return isForeign(request.method().name(), request::getHeader, config.publicUrl());
    }

    /** The rule itself: {@code header} gives a request header's value (or null), {@code publicUrl} our address. */
    static boolean isForeign(String method, UnaryOperator<String> header, String publicUrl) {
        if (!CHANGING.contains(method)) {
            return false;
        }
        if (header.apply("Authorization") != null && header.apply("Cookie") == null) {
            return false;
        }
        if ("cross-site".equalsIgnoreCase(header.apply("Sec-Fetch-Site"))) {
            return true;
        }
        String origin = header.apply("Origin");
        return origin != null && !isOurs(origin.strip(), header.apply("Host"), publicUrl);
    }

    private static boolean isOurs(String origin, String host, String publicUrl) {
        URI uri;
        try {
            uri = URI.create(origin);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (uri.getScheme() == null || uri.getRawAuthority() == null || !"".equals(nullToEmpty(uri.getRawPath()))) {
            return false;
        }
        if (ResponseHeaders.Origins.of(origin).equals(ResponseHeaders.Origins.of(publicUrl))) {
            return true;
        }
        // the Host header has no scheme; the origin's authority is compared with it as the browser wrote both
        return host != null && uri.getRawAuthority().toLowerCase(Locale.ROOT).equals(host.toLowerCase(Locale.ROOT));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
