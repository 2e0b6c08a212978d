package vn.hocso.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * The JSON API described for people: Swagger UI (shipped with quarkus-smallrye-openapi, served from our origin) reads
 * the OpenAPI document and renders it inside the site's layout. Its own index page has inline scripts, which the
 * Content-Security-Policy forbids, so this page loads the same bundle with a script file of ours instead
 * ({@code js/api-docs.js}) and the policy stays the same here as everywhere. The address must not end in a segment
 * named {@code api}: quarkus-oidc picks a tenant whose id equals the last path segment, so {@code /docs/api} was
 * served by the bearer-only {@code api} tenant and a signed-in person looked signed out there.
 */
@Path("/api-docs")
class ApiDocsResource {

    /** Where quarkus-swagger-ui serves its files ({@code quarkus.swagger-ui.path}). */
    static final String SWAGGER_UI = "/api-docs/swagger-ui";

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
