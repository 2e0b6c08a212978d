package vn.hocso.account;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.NotAuthorizedException;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.hocso.web.Locales;
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

    @Inject
    jakarta.enterprise.event.Event<PersonLinked> personLinked;

    @Inject
    Locales locales;

    /** The identity attribute holding the person's id, found with the session check (EndedSessionCheck). */
    static final String PERSON_ID = "hocso.person-id";

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
            if (identity.getAttribute(PERSON_ID) instanceof Long id) {
                person = em.find(Person.class, id);
            }
            if (person == null) {
                String sub = subject();
                person = Person.findBySubject(sub).orElseGet(() -> createFromToken(sub));
            }
        }
        return person;
    }

    /**
     * The signed-in person's id; an anonymous request gets 401. A sign-in session's request knows it already (its
     * session check found it), so a page that needs only the id reads nothing for it.
     */
    public long personId() {
        if (identity.isAnonymous()) {
            throw new NotAuthorizedException("Bearer");
        }
        if (person == null && identity.getAttribute(PERSON_ID) instanceof Long id) {
            return id;
        }
        return person().id;
    }

    /** The signed-in person's id, or empty for an anonymous visitor (see {@link #personId()}). */
    public Optional<Long> findPersonId() {
        return isSignedIn() ? Optional.of(personId()) : Optional.empty();
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
        String language = firstLanguage(claims);
        Optional<Person> linked = QuarkusTransaction.requiringNew().call(() -> linkToRoster(subject, claims, language));
        if (linked.isPresent()) {
            return linked.get();
        }
        // Two first requests of the same person may race (two tabs): the unique subject lets one insert win.
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                insert into person (subject, full_name, email, phone, language) values (?1, ?2, ?3, ?4, ?5)
                on conflict (subject) do nothing""")
                        .setParameter(1, subject)
                        .setParameter(2, claims.fullName())
                        .setParameter(3, claims.email())
                        .setParameter(4, claims.phone())
                        .setParameter(5, language)
                        .executeUpdate());
        return Person.findBySubject(subject).orElseThrow();
    }

    /**
     * The language of a first sign-in: the one chosen on this site with the switch (its cookie), else the one the
     * provider's token names (its {@code locale} claim, Keycloak's language of the account), else none said.
     */
    private String firstLanguage(TokenProfile claims) {
        return locales.chosen()
                .map(Locale::getLanguage)
                .or(() -> Locales.code(claims.locale()))
                .orElse(null);
    }

    /**
     * The roster person (no sign-in yet) this first sign-in is: the one with the token's e-mail when the provider
     * verified it, else the one with the token's phone number. Names never match people: two An Nguyễns are two
     * people.
     */
    private Optional<Person> linkToRoster(String subject, TokenProfile claims, String language) {
        Optional<Person> candidate = Optional.empty();
        String matchedBy = null;
        if (claims.email() != null && claims.emailVerified()) {
            candidate = Person.findByEmail(claims.email()).filter(p -> p.subject == null);
            matchedBy = "email";
        }
        if (candidate.isEmpty() && claims.phone() != null) {
            candidate = VietnamesePhone.normalise(claims.phone())
                    .flatMap(Person::findByPhone)
                    .filter(p -> p.subject == null);
            matchedBy = "phone";
        }
        if (candidate.isEmpty()) {
            return Optional.empty();
        }
        Person person = candidate.get();
        // another first request of the same person (or of someone else with that address) may have linked it
        int linked = em.createNativeQuery(
                        "update person set subject = ?1, language = coalesce(?3, language), updated_at = now()"
                                + " where id = ?2 and subject is null")
                .setParameter(1, subject)
                .setParameter(2, person.id)
                .setParameter(3, language)
                .executeUpdate();
        if (linked == 0) {
            return Optional.empty();
        }
        em.refresh(person);
        personLinked.fire(new PersonLinked(person.id, subject, person.fullName, matchedBy));
        return Optional.of(person);
    }
}
