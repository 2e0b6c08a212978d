package vn.hocso.account;

import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A browser session that has ended ({@link EndedSessions}) signs no one in: the request goes on as anonymous, so a
 * page that needs a signed-in person sends it to the sign-in page, whatever cookie it carries. Only sign-in sessions
 * (those with an ID token) are checked, one indexed lookup each, which also finds the person of the session so that
 * the page needs no other statement for it; bearer tokens of the JSON API are short-lived and verified as they are.
 */
@ApplicationScoped
class EndedSessionCheck implements SecurityIdentityAugmentor {

    /** The provider's session id in the ID token (OpenID Connect Front- and Back-Channel Logout). */
    static final String SID = "sid";

    @Inject
    EndedSessions ended;

    @Override
    public int priority() {
        // after every augmentor that builds the identity (test security included): it judges the finished one
        return -1000;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        String sid = sid(identity);
        if (sid == null) {
            return Uni.createFrom().item(identity);
        }
        String subject = ((JsonWebToken) identity.getPrincipal()).getSubject();
        return context.runBlocking(() -> {
            EndedSessions.Check check = ended.check(sid, subject == null ? "" : subject);
            if (check.ended()) {
                return QuarkusSecurityIdentity.builder().setAnonymous(true).build();
            }
            if (check.personId() == null) {
                return identity;
            }
            // the person found by the same statement, for this request only (CurrentUser)
            return QuarkusSecurityIdentity.builder(identity)
                    .addAttribute(CurrentUser.PERSON_ID, check.personId())
                    .build();
        });
    }

    /** The provider's session of a sign-in session; null for anyone else. */
    static String sid(SecurityIdentity identity) {
        if (identity.isAnonymous()
                || identity.getCredential(IdTokenCredential.class) == null
                || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return null;
        }
        Object sid = token.getClaim(SID);
        if (sid instanceof JsonString text) {
            return text.getString();
        }
        return sid == null ? null : sid.toString();
    }
}
