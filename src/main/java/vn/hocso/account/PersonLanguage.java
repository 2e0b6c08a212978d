package vn.hocso.account;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import vn.hocso.web.LanguageChosen;
import vn.hocso.web.Viewer;

/**
 * A signed-in person who switches the site's language gets e-mail in it too. By subject, so a person not created yet
 * (the switch used before the first page that needs them) is left to their first sign-in, which reads the cookie.
 */
@ApplicationScoped
class PersonLanguage {

    @Inject
    CurrentUser currentUser;

    @Inject
    Viewer viewer;

    @Inject
    EntityManager em;

    void remember(@Observes LanguageChosen choice) {
        if (!viewer.isSignedIn()) {
            return;
        }
        String subject = currentUser.subject();
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("update person set language = ?1, updated_at = now()"
                                + " where subject = ?2 and language is distinct from ?1")
                        .setParameter(1, choice.language())
                        .setParameter(2, subject)
                        .executeUpdate());
    }
}
