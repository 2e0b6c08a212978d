package vn.hocso.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The page being rendered, so a form (the language switch) can come back to it. */
@RequestScoped
@Named("here")
public class Here {

    @Inject
    HttpServerRequest request;

    /** Path and query of the current request. */
    public String getPath() {
        return Redirects.localOrHome(request.uri());
    }
}
