package vn.hocso.account;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.OidcRedirectFilter;
import io.quarkus.oidc.Redirect;
import jakarta.enterprise.context.ApplicationScoped;
import vn.hocso.web.Locales;

/**
 * The sign-in pages speak the language this site speaks: the redirect to the provider carries {@code ui_locales}, the
 * switch's choice or Vietnamese. Without it Keycloak follows the phone's Accept-Language, and most phones here ask for
 * English even when their owner reads Vietnamese.
 */
@ApplicationScoped
@Unremovable // found by quarkus-oidc through a container lookup, never injected
@Redirect(Redirect.Location.OIDC_AUTHORIZATION)
class SignInLanguage implements OidcRedirectFilter {

    @Override
    public void filter(OidcRedirectContext context) {
        String language = Locales.of(context.routingContext().request()).getLanguage();
        context.additionalQueryParams().set("ui_locales", language);
    }
}
