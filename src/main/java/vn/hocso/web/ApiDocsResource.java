package vn.hocso.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * The JSON API described for people: Swagger UI (shipped with quarkus-smallrye-openapi, served from our origin) reads
 * the OpenAPI document and renders it inside the site's layout. Its own index page has inline scripts, which the
 * Content-Security-Policy forbids, so this page loads the same bundle with a script file of ours instead
 * ({@code js/api-docs.js}) and the policy stays the same here as everywhere.
 */
@Path("/docs/api")
class ApiDocsResource {

    /** Where quarkus-swagger-ui serves its files ({@code quarkus.swagger-ui.path}). */
    static final String SWAGGER_UI = "/docs/api/swagger-ui";

    /** The OpenAPI document ({@code quarkus.smallrye-openapi.path}). */
    static final String DOCUMENT = "/api/openapi";

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance apiDocs(String swaggerUi, String document);
    }

    @GET
    public TemplateInstance show() {
        return Templates.apiDocs(SWAGGER_UI, DOCUMENT);
    }
}
