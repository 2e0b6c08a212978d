package vn.hocso.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A one-time message carried across POST → 303 → GET in a short-lived cookie, so it survives the redirect on
 * any instance behind the load balancer. The text is already in the person's language and is escaped on display.
 */
@RequestScoped
@Named("flash")
public class Flash {

    static final String COOKIE = "hocso-flash";

    @Inject
    HttpServerRequest request;

    private String pending;

    /** Shows {@code text} on the page the current POST redirects to. */
    public void show(String text) {
        pending = text;
    }

    /** The message left by the previous request, if any. */
    public String getMessage() {
        Cookie cookie = request.getCookie(COOKIE);
        if (cookie == null || cookie.getValue().isEmpty()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException tampered) {
            return null;
        }
    }

    String pending() {
        return pending;
    }

    boolean arrived() {
        return request.getCookie(COOKIE) != null;
    }

    static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
