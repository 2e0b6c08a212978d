package vn.hocso.account;

import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.runtime.DefaultTokenStateManager;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import vn.hocso.config.HocsoConfig;

/**
 * A signed-in browser sends the same session cookies (ID, access and refresh token, each encrypted with the session
 * secret) with every page until its tokens expire; Quarkus OIDC decrypts all three on every request. Here the tokens
 * decrypted from a set of cookies are remembered ({@link BearerTokenCache}, keyed by the SHA-256 of the cookies'
 * names and values) until the ID token expires, at most {@code hocso.sessions.remembered-for}: the same ciphertext
 * always decrypts to the same tokens, so this changes nothing but the cost. A cookie altered by one byte is another
 * key and is decrypted (and refused) as before. What the tokens prove is still checked on every request, by OIDC or
 * from {@link VerifiedSessions}, and sign-out still ends the session at once ({@link EndedSessionCheck}).
 *
 * <p>Quarkus OIDC's documented way to take over its session cookies is a {@code TokenStateManager} alternative; this
 * one extends the default, so cookies are written, read and deleted exactly as before, and OIDC, seeing its own kind,
 * decrypts nothing twice.
 */
@Alternative
@Priority(1)
@ApplicationScoped
class DecryptedSessionCookies extends DefaultTokenStateManager {

    private final BearerTokenCache<AuthorizationCodeTokens> cache;
    private final LongAdder answered = new LongAdder();

    @Inject
    DecryptedSessionCookies(HocsoConfig config) {
        HocsoConfig.Sessions sessions = config.sessions();
        cache = new BearerTokenCache<>(sessions.remembered(), sessions.rememberedFor(), Clock.systemUTC());
    }

    @Override
    public Uni<AuthorizationCodeTokens> getTokens(
            RoutingContext context,
            OidcTenantConfig oidcConfig,
            String tokenState,
            OidcRequestContext<AuthorizationCodeTokens> requestContext) {
        String tenant = oidcConfig.tenantId().orElse("");
        String cookies = sessionCookies(context);
        Optional<AuthorizationCodeTokens> known = cache.find(tenant, cookies);
        if (known.isPresent()) {
            answered.increment();
            return Uni.createFrom().item(copy(known.get()));
        }
        return super.getTokens(context, oidcConfig, tokenState, requestContext).invoke(tokens -> {
            Long expires = VerifiedSessions.expiry(tokens.getIdToken());
            if (expires != null) {
                cache.remember(tenant, cookies, copy(tokens), expires);
            }
        });
    }

    @Scheduled(every = "1m")
    void forgetExpired() {
        cache.forgetExpired();
    }

    int remembered() {
        return cache.size();
    }

    long answeredFromMemory() {
        return answered.sum();
    }

    /** Every session cookie of the request (the ID token's, the access and refresh tokens', their chunks), in order. */
    private static String sessionCookies(RoutingContext context) {
        List<Cookie> session = new ArrayList<>(4);
        for (Cookie cookie : context.request().cookies()) {
            if (cookie.getName().startsWith(OidcUtils.SESSION_COOKIE_NAME)) {
                session.add(cookie);
            }
        }
        session.sort(Comparator.comparing(Cookie::getName));
        StringBuilder all = new StringBuilder(4096);
        for (Cookie cookie : session) {
            all.append(cookie.getName()).append('=').append(cookie.getValue()).append(';');
        }
        return all.toString();
    }

    /** OIDC may set fields of the tokens it is given; each request gets its own. */
    private static AuthorizationCodeTokens copy(AuthorizationCodeTokens tokens) {
        return new AuthorizationCodeTokens(
                tokens.getIdToken(),
                tokens.getAccessToken(),
                tokens.getRefreshToken(),
                tokens.getAccessTokenExpiresIn(),
                tokens.getAccessTokenScope());
    }
}
