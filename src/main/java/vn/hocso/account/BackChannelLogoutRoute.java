package vn.hocso.account;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.Tenant;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import vn.hocso.web.Locales;
import vn.hocso.web.Refusal;
import vn.hocso.web.SameOrigin;
import vn.hocso.web.WebMessages;

/**
 * OpenID Connect Back-Channel Logout: when a session ends at the provider (the person signs out of another
 * application, an administrator ends their sessions, the provider expires them), Keycloak posts a signed logout
 * token here (the realm client's back-channel logout URL), and the session ends on every instance
 * ({@link EndedSessions}). The token is verified as the JSON API verifies bearer tokens (signature by the
 * provider's keys, issuer, expiry), then checked as the specification asks: addressed to this client, a logout
 * event, a session id, no nonce. A plain Vert.x route: the provider sends no CSRF token and no session.
 */
@ApplicationScoped
class BackChannelLogoutRoute {

    private static final Logger LOG = Logger.getLogger(BackChannelLogoutRoute.class);
    static final String PATH = "/logout/backchannel";
    static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

    @Inject
    @Tenant("api")
    TenantIdentityProvider verifier;

    @Inject
    EndedSessions ended;

    @Inject
    SameOrigin sameOrigin;

    @ConfigProperty(name = "quarkus.oidc.client-id")
    String clientId;

    void install(@Observes Router router) {
        router.post(PATH)
                .order(-10_000)
                .handler(BodyHandler.create().setBodyLimit(16 * 1024).setHandleFileUploads(false))
                .blockingHandler(this::handle, false);
    }

    void handle(RoutingContext context) {
        int status;
        String token = context.request().getFormAttribute("logout_token");
        if (sameOrigin.isForeign(context.request())) {
            // the provider calls server to server, with no Origin; a browser sent here by another site is refused as
            // on every other route, with the same words
            String reason = Locales.messages(WebMessages.class, Locales.of(context.request()))
                    .error_cross_site();
            context.response()
                    .setStatusCode(403)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Cache-Control", "no-store")
                    .end(new io.vertx.core.json.JsonObject(Refusal.body(403, reason)).encode());
            return;
        }
        if (token == null || token.isBlank()) {
            status = 400;
        } else {
            try {
                SecurityIdentity verified = verifier.authenticate(new AccessTokenCredential(token))
                        .await()
                        .atMost(Duration.ofSeconds(10));
                String sid = sessionOf(verified);
                if (sid == null) {
                    status = 400;
                } else {
                    ended.end(sid);
                    status = 200;
                }
            } catch (RuntimeException e) {
                LOG.debugf("back-channel logout token refused: %s", e.getMessage());
                status = 400;
            }
        }
        context.response()
                .setStatusCode(status)
                .putHeader("Cache-Control", "no-store")
                .end();
    }

    /** The session a verified logout token ends, or null when it is no logout token for this client. */
    String sessionOf(SecurityIdentity verified) {
        if (!(verified.getPrincipal() instanceof JsonWebToken token)
                || token.getAudience() == null
                || !token.getAudience().contains(clientId)
                || token.containsClaim("nonce")
                || !(token.getClaim("events") instanceof JsonObject events)
                || !events.containsKey(EVENT)) {
            return null;
        }
        Object sid = token.getClaim(EndedSessionCheck.SID);
        if (sid instanceof JsonString text) {
            return text.getString();
        }
        return sid instanceof String text && !text.isBlank() ? text : null;
    }
}
