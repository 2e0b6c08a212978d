package vn.hocso.account;

import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.oidc.common.runtime.OidcConstants;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import vn.hocso.config.HocsoConfig;

/**
 * What a sign-in session's tokens proved, remembered until they expire: Quarkus OIDC checks the ID token and the
 * access token (the roles come from it) of a browser session on every page, parsing both and checking two RSA
 * signatures, although the same tokens prove the same thing until their exp. As an identity provider asked before
 * OIDC's, this answers a session whose exact pair of tokens was verified before with the identity they proved then
 * (with this request's routing context), or nothing, and OIDC verifies as usual; as an augmentor, it remembers what
 * OIDC verified. Remembered until the earlier of the two tokens' expiry, at most {@code hocso.sessions.remembered-for};
 * from then on OIDC sees the expired token and does what it always does (a new sign-in).
 *
 * <p>Sign-out is untouched: {@link EndedSessionCheck} is an augmentor too, run after this one on every request,
 * remembered identity or not, so an ended session is anonymous from its next request on, on every instance. The
 * remembered identity is the one before that check (without the person it finds).
 *
 * <p>The access token of the session is the one OIDC puts in the routing context ({@code access_token}) after
 * reading the cookies, a name of Quarkus OIDC's API ({@link OidcConstants#ACCESS_TOKEN_VALUE}); should it stop
 * being set, nothing is remembered and every request is verified as without this class.
 */
@Singleton
class VerifiedSessions implements IdentityProvider<TokenAuthenticationRequest>, SecurityIdentityAugmentor {

    /** Marks an identity answered from memory, so the augmentor does not remember it again. */
    private static final String REMEMBERED = "hocso.session-remembered";

    private final BearerTokenCache<SecurityIdentity> cache;
    private final LongAdder answered = new LongAdder();

    @Inject
    VerifiedSessions(HocsoConfig config) {
        HocsoConfig.Sessions sessions = config.sessions();
        cache = new BearerTokenCache<>(sessions.remembered(), sessions.rememberedFor(), Clock.systemUTC());
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        // asked before Quarkus OIDC's provider, which has the default priority: on a miss the request goes on to it
        return IdentityProvider.super.priority() + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!(request.getToken() instanceof IdTokenCredential idToken) || idToken.isInternal()) {
            return Uni.createFrom().nullItem();
        }
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        String key = key(routing, idToken.getToken());
        if (key == null) {
            return Uni.createFrom().nullItem();
        }
        return cache.find(tenant(routing), key)
                .map(known -> {
                    answered.increment();
                    return BearerTokenCache.answer(known, routing, REMEMBERED);
                })
                .orElseGet(() -> Uni.createFrom().nullItem());
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return Uni.createFrom().item(identity);
    }

    @Override
    public Uni<SecurityIdentity> augment(
            SecurityIdentity identity, AuthenticationRequestContext context, Map<String, Object> attributes) {
        IdTokenCredential idToken = identity.getCredential(IdTokenCredential.class);
        if (identity.isAnonymous()
                || identity.getAttribute(REMEMBERED) != null
                || idToken == null
                || idToken.isInternal()) {
            return Uni.createFrom().item(identity);
        }
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(attributes);
        String key = key(routing, idToken.getToken());
        Long idExpires = expiry(idToken.getToken());
        Long accessExpires = key == null ? null : expiry(routing.get(OidcConstants.ACCESS_TOKEN_VALUE));
        if (key != null && idExpires != null && accessExpires != null) {
            // the request's routing context must not outlive the request
            cache.remember(
                    tenant(routing),
                    key,
                    QuarkusSecurityIdentity.builder(identity)
                            .addAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE, null)
                            .build(),
                    Math.min(idExpires, accessExpires));
        }
        return Uni.createFrom().item(identity);
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

    /** The session's ID and access token together: the roles come from the access token. Null without it. */
    private static String key(RoutingContext routing, String idToken) {
        if (routing == null
                || idToken == null
                || !(routing.get(OidcConstants.ACCESS_TOKEN_VALUE) instanceof String at)) {
            return null;
        }
        return idToken + " " + at;
    }

    private static String tenant(RoutingContext routing) {
        return routing.get(OidcUtils.TENANT_ID_ATTRIBUTE) instanceof String tenant ? tenant : "";
    }

    /** A JWT's exp claim, or null when it is not a readable JWT (then nothing is remembered). */
    static Long expiry(Object jwt) {
        if (!(jwt instanceof String token)) {
            return null;
        }
        try {
            JsonObject claims = OidcUtils.decodeJwtContent(token);
            return claims == null ? null : claims.getLong("exp");
        } catch (RuntimeException e) {
            return null;
        }
    }
}
