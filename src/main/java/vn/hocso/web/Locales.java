package vn.hocso.web;

import io.quarkus.arc.Arc;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/** The language of the current request: Vietnamese unless the person chose English with the switch. */
@RequestScoped
@Named("locales")
public class Locales {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    public static final Locale ENGLISH = Locale.forLanguageTag("en");
    /** Dates a person reads (completion, due, attempt times) are Vietnam's, whatever the server's zone. */
    public static final ZoneId VIETNAM_TIME = ZoneId.of("Asia/Ho_Chi_Minh");

    static final String COOKIE = "hocso-lang";

    @Inject
    HttpServerRequest request;

    @Inject
    CurrentVertxRequest vertxRequest;

    private Locale current;

    public Locale current() {
        if (current == null) {
            current = of(request);
        }
        return current;
    }

    /** The language this browser chose with the switch, if it ever did (its cookie); empty otherwise. */
    public Optional<Locale> chosen() {
        // a person can be created outside an HTTP request (a service called by a job or a test): nobody chose there
        if (!Arc.container().requestContext().isActive() || vertxRequest.getCurrent() == null) {
            return Optional.empty();
        }
        Cookie cookie = request.getCookie(COOKIE);
        return cookie == null ? Optional.empty() : Optional.of(of(request));
    }

    /** 'vi' or 'en' for a language tag such as an OIDC locale claim ("en-US", "vi"); empty for any other. */
    public static Optional<String> code(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String lang = tag.strip().toLowerCase(Locale.ROOT);
        if (lang.equals("en") || lang.startsWith("en-") || lang.startsWith("en_")) {
            return Optional.of("en");
        }
        if (lang.equals("vi") || lang.startsWith("vi-") || lang.startsWith("vi_")) {
            return Optional.of("vi");
        }
        return Optional.empty();
    }

    /** The language of a request, for code that runs outside the request scope (a plain Vert.x route). */
    public static Locale of(HttpServerRequest request) {
        Cookie cookie = request.getCookie(COOKIE);
        return cookie != null && "en".equals(cookie.getValue()) ? ENGLISH : VIETNAMESE;
    }

    /** A message bundle in this language. */
    public static <T> T messages(Class<T> bundle, Locale language) {
        return ENGLISH.equals(language)
                ? MessageBundles.get(bundle, Localized.Literal.of("en"))
                : MessageBundles.get(bundle);
    }

    /** The BCP 47 tag for {@code <html lang>}. */
    public String getTag() {
        return current().getLanguage();
    }

    public boolean isEnglish() {
        return ENGLISH.equals(current());
    }

    /** A message bundle in the request's language, for text produced in Java (flash messages, errors). */
    public <T> T messages(Class<T> bundle) {
        return messages(bundle, current());
    }

    /** Picks the Vietnamese or English variant of a bilingual field; English falls back to Vietnamese. */
    public String pick(String vi, String en) {
        return pick(vi, en, current());
    }

    public static String pick(String vi, String en, Locale language) {
        return ENGLISH.equals(language) && en != null && !en.isBlank() ? en : vi;
    }
}
