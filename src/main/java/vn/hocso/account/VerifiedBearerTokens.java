package vn.hocso.account;

import io.quarkus.oidc.AccessTokenCredential;
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
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.jboss.logging.Logger;
import vn.hocso.config.HocsoConfig;

/**
 * Bearer tokens verified by Quarkus OIDC are remembered ({@link BearerTokenCache}) and a repeated one is answered
 * from memory: as an identity provider tried before OIDC's, it returns the identity the token proved last time
 * (with this request's routing context), or nothing, and OIDC verifies as usual; as an augmentor, it remembers what
 * OIDC verified. Only tokens sent in the Authorization header count (never a session cookie's tokens), each under the
 * OIDC tenant that verified it, and only until the token's own expiry.
 *
 * <p>Two names are Quarkus OIDC's internals, not its API: the routing-context attribute naming the tenant and the
 * identity attribute holding the token's expiry. They are taken from its {@link OidcUtils} constants, so a rename
 * breaks the build; should either stop being set, nothing is remembered (every token is verified, as without this
 * class), a warning says why, and BearerTokenAssumptionsTest fails.
 */
@Singleton
class VerifiedBearerTokens implements IdentityProvider<TokenAuthenticationRequest>, SecurityIdentityAugmentor {

    private static final Logger LOG = Logger.getLogger(VerifiedBearerTokens.class);

    /** Quarkus OIDC's routing-context attribute naming the tenant that resolved the request ("tenant-id"). */
    static final String TENANT = OidcUtils.TENANT_ID_ATTRIBUTE;
    /** Quarkus OIDC's identity attribute: the token's exp claim, in epoch seconds ("quarkus.identity.expire-time"). */
    static final String EXPIRES = OidcUtils.QUARKUS_IDENTITY_EXPIRE_TIME;
    /** Marks an identity answered from memory, so the augmentor does not remember it again. */
    private static final String REMEMBERED = "hocso.bearer-token-remembered";

    private final BearerTokenCache<SecurityIdentity> cache;
    private final LongAdder answered = new LongAdder();
    /** Bearer identities OIDC verified without the tenant or expiry attribute: could not be remembered. */
    private final LongAdder unnamed = new LongAdder();

    private final AtomicBoolean warned = new AtomicBoolean();

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
        if (!identity.isAnonymous() && identity.getAttribute(REMEMBERED) == null) {
            RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(attributes);
            String bearer = bearer(routing);
            AccessTokenCredential verified = identity.getCredential(AccessTokenCredential.class);
            if (bearer != null && verified != null && bearer.equals(verified.getToken())) {
                if (routing.get(TENANT) instanceof String tenant
                        && identity.getAttribute(EXPIRES) instanceof Number expires) {
                    // the request's routing context must not outlive the request
                    cache.remember(
                            tenant,
                            bearer,
                            QuarkusSecurityIdentity.builder(identity)
                                    .addAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE, null)
                                    .build(),
                            expires.longValue());
                } else {
                    unnamed(routing.get(TENANT) instanceof String);
                }
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

    /** Bearer identities that could not be remembered because Quarkus OIDC no longer names the tenant or expiry. */
    long unnamedIdentities() {
        return unnamed.sum();
    }

    private void unnamed(boolean tenantNamed) {
        unnamed.increment();
        if (warned.compareAndSet(false, true)) {
            LOG.warnf(
                    "Quarkus OIDC set no %s attribute '%s' on a verified bearer request, so bearer tokens are verified"
                            + " on every request: account/VerifiedBearerTokens relies on that internal name",
                    tenantNamed ? "identity" : "routing-context", tenantNamed ? EXPIRES : TENANT);
        }
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
