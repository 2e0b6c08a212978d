package vn.hocso.web;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The language switch: remembers the choice for a year in a cookie, then goes back to the page. */
@Path("/lang")
class LanguageResource {

    @POST
    public Response choose(@FormParam("lang") String lang, @FormParam("back") String back) {
        String value = "en".equals(lang) ? "en" : "vi";
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
