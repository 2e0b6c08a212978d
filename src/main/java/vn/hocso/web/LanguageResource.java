package vn.hocso.web;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The language switch: remembers the choice for a year in a cookie, then goes back to the page; a signed-in person's
 * choice is also their language for e-mail ({@link LanguageChosen}).
 */
@Path("/lang")
class LanguageResource {

    @Inject
    Event<LanguageChosen> chosen;

    @POST
    public Response choose(@FormParam("lang") String lang, @FormParam("back") String back) {
        String value = "en".equals(lang) ? "en" : "vi";
        chosen.fire(new LanguageChosen(value));
        NewCookie cookie = new NewCookie.Builder(Locales.COOKIE)
                .value(value)
                .path("/")
                .maxAge(365 * 24 * 3600)
                .sameSite(NewCookie.SameSite.LAX)
                .build();
        return Response.seeOther(URI.create(Redirects.localOrHome(back)))
                .cookie(cookie)
                .build();
    }
}
