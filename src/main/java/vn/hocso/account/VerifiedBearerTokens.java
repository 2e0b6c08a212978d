package vn.hocso.account;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import vn.hocso.config.HocsoConfig;

/**
 * Bearer tokens verified by Quarkus OIDC are remembered ({@link BearerTokenCache}) and a repeated one is answered
 * from memory: as an identity provider tried before OIDC's, it returns the identity the token proved last time
 * (with this request's routing context), or nothing, and OIDC verifies as usual; as an augmentor, it remembers what
 * OIDC verified. Only tokens sent in the Authorization header count (never a session cookie's tokens), each under the
 * OIDC tenant that verified it, and only until the token's own expiry.
 */
@Singleton
class VerifiedBearerTokens implements IdentityProvider<TokenAuthenticationRequest>, SecurityIdentityAugmentor {

    /** Quarkus OIDC's routing-context attribute naming the tenant that resolved the request. */
    private static final String TENANT = "tenant-id";
    /** Quarkus OIDC's identity attribute: the token's exp claim, in epoch seconds. */
    private static final String EXPIRES = "quarkus.identity.expire-time";
    /** Marks an identity answered from memory, so the augmentor does not remember it again. */
    private static final String REMEMBERED = "hocso.bearer-token-remembered";

    private final BearerTokenCache<SecurityIdentity> cache;
    private final LongAdder answered = new LongAdder();

    @Inject
    VerifiedBearerTokens(HocsoConfig config) {
        HocsoConfig.TokenCache remembered = config.api().tokenCache();
        cache = new BearerTokenCache<>(remembered.size(), remembered.ttl(), Clock.systemUTC());
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
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        String bearer = bearer(routing);
        if (bearer == null
                || !(request.getToken() instanceof AccessTokenCredential)
                || !bearer.equals(request.getToken().getToken())
                || !(routing.get(TENANT) instanceof String tenant)) {
            return Uni.createFrom().nullItem();
        }
        return cache.find(tenant, bearer)
                .map(known -> {
                    answered.increment();
                    return Uni.createFrom()
                            .<SecurityIdentity>item(QuarkusSecurityIdentity.builder(known)
                                    .addAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE, routing)
                                    .addAttribute(REMEMBERED, Boolean.TRUE)
                                    .build());
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
        if (!identity.isAnonymous() && identity.getAttribute(REMEMBERED) == null) {
            RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(attributes);
            String bearer = bearer(routing);
            AccessTokenCredential verified = identity.getCredential(AccessTokenCredential.class);
            if (bearer != null
                    && verified != null
                    && bearer.equals(verified.getToken())
                    && routing.get(TENANT) instanceof String tenant
                    && identity.getAttribute(EXPIRES) instanceof Number expires) {
                // the request's routing context must not outlive the request
                cache.remember(
                        tenant,
                        bearer,
                        QuarkusSecurityIdentity.builder(identity)
                                .addAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE, null)
                                .build(),
                        expires.longValue());
            }
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

    private static String bearer(RoutingContext routing) {
        if (routing == null) {
            return null;
        }
        String header = routing.request().getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim()
                : null;
    }
}
