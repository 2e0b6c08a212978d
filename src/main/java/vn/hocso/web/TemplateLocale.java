package vn.hocso.web;

import io.quarkus.arc.Arc;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Every template rendered for a request speaks the request's language. */
@Singleton
class TemplateLocale implements TemplateInstance.Initializer {

    @Inject
    Locales locales;

    @Inject
    CurrentVertxRequest http;

    void register(@Observes EngineBuilder engine) {
        engine.addTemplateInstanceInitializer(this);
    }

    @Override
    public void accept(TemplateInstance instance) {
        // templates rendered outside an HTTP request (start-up import, jobs) keep the default locale, Vietnamese
        if (Arc.container().requestContext().isActive() && http.getCurrent() != null) {
            instance.setLocale(locales.current());
        }
    }
}
