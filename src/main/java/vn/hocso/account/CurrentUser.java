package vn.hocso.account;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.NotAuthorizedException;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.hocso.web.Roles;
import vn.hocso.web.Viewer;

/**
 * The person behind the current request. Their profile is created from the token's claims the first time they
 * sign in; afterwards the platform's own data (unit, target group) is authoritative.
 */
@RequestScoped
@Named("currentUser")
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    @Inject
    EntityManager em;

    @Inject
    Viewer viewer;

    private Person person;

    public boolean isSignedIn() {
        return viewer.isSignedIn();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean isAdmin() {
        return viewer.isAdmin();
    }

    public boolean isTrainer() {
        return identity.hasRole(Roles.TRAINER) || isAdmin();
    }

    /** The signed-in person, or empty for an anonymous visitor. */
    public Optional<Person> find() {
        return isSignedIn() ? Optional.of(person()) : Optional.empty();
    }

    /** The signed-in person; an anonymous request gets 401. */
    public Person person() {
        if (identity.isAnonymous()) {
            throw new NotAuthorizedException("Bearer");
        }
        if (person == null) {
            String sub = subject();
            person = Person.findBySubject(sub).orElseGet(() -> createFromToken(sub));
        }
        return person;
    }

    /** The provider's subject of a signed-in caller, from the token alone (no database). */
    public String subject() {
        return identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                ? jwt.getSubject()
                : identity.getPrincipal().getName();
    }

    /** Display name for the layout. */
    public String getName() {
        return isSignedIn() ? person().fullName : null;
    }

    private Person createFromToken(String subject) {
        TokenProfile claims = TokenProfile.of(identity);
        // Two first requests of the same person may race (two tabs): the unique subject lets one insert win.
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                insert into person (subject, full_name, email, phone) values (?1, ?2, ?3, ?4)
                on conflict (subject) do nothing""")
                        .setParameter(1, subject)
                        .setParameter(2, claims.fullName())
                        .setParameter(3, claims.email())
                        .setParameter(4, claims.phone())
                        .executeUpdate());
        return Person.findBySubject(subject).orElseThrow();
    }
}
