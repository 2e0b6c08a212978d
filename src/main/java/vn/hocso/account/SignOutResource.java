package vn.hocso.account;

import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.oidc.OidcSession;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signing out: a form POST (the layout's sign-out button, with the CSRF token), never a link, so another site cannot
 * sign people out. The session ends at once on every instance ({@link EndedSessions}), its cookies are removed, and
 * the browser goes on to the provider's end-session endpoint so that the provider's session ends too — the next
 * person on a shared phone signs in anew — and comes back to the home page (an exact post-logout URI of the realm).
 */
@Path("/logout")
class SignOutResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    OidcSession session;

    @Inject
    Instance<OidcConfigurationMetadata> provider;

    @Inject
    EndedSessions ended;

    @ConfigProperty(name = "quarkus.oidc.client-id")
    String clientId;

    @POST
    public Response signOut(@Context UriInfo uri) {
        IdTokenCredential idToken = identity.isAnonymous() ? null : identity.getCredential(IdTokenCredential.class);
        if (idToken == null) {
            return Response.seeOther(URI.create("/")).build();
        }
        String sid = EndedSessionCheck.sid(identity);
        if (sid != null) {
            ended.end(sid);
        }
        session.logout().await().indefinitely();
        String endSession = provider.get().getEndSessionUri();
        if (endSession == null) {
            return Response.seeOther(URI.create("/")).build();
        }
        return Response.seeOther(UriBuilder.fromUri(endSession)
                        .queryParam("client_id", clientId)
                        .queryParam("id_token_hint", idToken.getToken())
                        .queryParam("post_logout_redirect_uri", uri.getBaseUri().resolve("/"))
                        .build())
                .build();
    }
}
