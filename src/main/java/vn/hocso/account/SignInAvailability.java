package vn.hocso.account;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.OidcRedirectFilter;
import io.quarkus.oidc.Redirect;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.hocso.web.Locales;
import vn.hocso.web.Outages;

/**
 * A sign-in is not sent to a provider that does not answer. Once the app knows the provider's addresses, sending a
 * person to sign in is a redirect it builds alone; with Keycloak down, that redirect would end on the browser's own
 * "cannot connect" error. So every few seconds each instance asks the provider for its discovery document, and while
 * it does not answer, a request that would start a sign-in gets a 503 page in the person's language with Retry-After
 * instead. Pages that need no sign-in, and sessions already signed in (their ID token is checked with the keys the app
 * already holds, until it expires), do not ask the provider and keep working.
 */
@ApplicationScoped
@Unremovable // found by quarkus-oidc through a container lookup, never injected
@Redirect(Redirect.Location.OIDC_AUTHORIZATION)
class SignInAvailability implements OidcRedirectFilter {

    private static final Logger LOG = Logger.getLogger(SignInAvailability.class);
    /** Before Quarkus's own failure handler, which would answer 500. */
    static final int ORDER = -10_000;

    static final Duration TIMEOUT = Duration.ofSeconds(1);

    @CheckedTemplate(basePath = "account")
    static class Templates {
        static native TemplateInstance signInUnavailable(String lang);
    }

    /** Why the redirect was refused: caught by {@link #answer} on its way out of the security layer. */
    static final class ProviderDown extends RuntimeException {
        ProviderDown() {
            super("the identity provider does not answer", null, false, false);
        }
    }

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String issuer;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** Whether the provider answered its last probe; assumed so until one says otherwise. */
    private final AtomicBoolean answers = new AtomicBoolean(true);

    private final AtomicBoolean probing = new AtomicBoolean();

    void install(@Observes Router router) {
        router.route().order(ORDER).failureHandler(this::answer);
    }

    /** Asynchronous, on no thread of the app's: a provider that never answers holds nothing but this probe. */
    @Scheduled(every = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void probe() {
        if (!probing.compareAndSet(false, true)) {
            return;
        }
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        http.sendAsync(
                        HttpRequest.newBuilder(URI.create(base + "/.well-known/openid-configuration"))
                                .timeout(TIMEOUT)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .orTimeout(2 * TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((response, failure) -> {
                    boolean up = failure == null && response.statusCode() == 200;
                    if (answers.getAndSet(up) != up) {
                        if (up) {
                            LOG.info("the identity provider answers again: sign-ins go to it");
                        } else {
                            LOG.warnf(
                                    "the identity provider does not answer (%s): sign-ins get a 503 page",
                                    failure != null ? failure : "status " + response.statusCode());
                        }
                    }
                    probing.set(false);
                });
    }

    @Override
    public void filter(OidcRedirectContext context) {
        if (!answers.get()) {
            throw new ProviderDown();
        }
    }

    void answer(RoutingContext context) {
        if (context.response().ended() || !isProviderDown(context.failure())) {
            context.next();
            return;
        }
        HttpServerRequest request = context.request();
        Locale language = Locales.of(request);
        String page = Templates.signInUnavailable(language.getLanguage())
                .setLocale(language)
                .render();
        context.response()
                .setStatusCode(503)
                .putHeader("Retry-After", String.valueOf(Outages.RETRY_AFTER_SECONDS))
                .putHeader("Content-Type", "text/html;charset=UTF-8")
                .putHeader("Cache-Control", "no-store")
                .end(page);
    }

    private static boolean isProviderDown(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProviderDown) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
