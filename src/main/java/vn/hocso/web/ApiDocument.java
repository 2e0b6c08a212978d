package vn.hocso.web;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Makes the published document say what the API really answers when it refuses: every operation under /api lists the
 * refusals it can give with the one error body ({@link Refusal#json}), so a client generated from the document can
 * read them. Which refusals an operation can give follows from its shape: anyone may send a bad value (400), a
 * secured operation refuses the unsigned (401) and the unentitled (403), an addressed object may not exist or not be
 * theirs (404), a body may be of the wrong type (415); anything else (409 of a rule, 413, 429, 5xx) is the default.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiDocument implements OASFilter {

    static final String ERROR = "ApiError";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getComponents().addSchema(ERROR, errorSchema());
        Map<String, PathItem> paths = openAPI.getPaths().getPathItems();
        if (paths == null) {
            return;
        }
        paths.forEach((path, item) -> item.getOperations().values().forEach(op -> describeRefusals(path, op)));
    }

    private static Schema errorSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("A refusal, in the language of the request (Accept-Language, or the lang parameter)")
                .addProperty(
                        "status",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.INTEGER)
                                .format("int32")
                                .description("The HTTP status, repeated"))
                .addProperty(
                        "error",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .description("What was refused and why, for a person to read"))
                .required(List.of("status", "error"))
                .additionalPropertiesBoolean(Boolean.TRUE);
    }

    private static void describeRefusals(String path, Operation op) {
        APIResponses responses = op.getResponses();
        boolean secured = op.getSecurity() != null && !op.getSecurity().isEmpty();
        refusal(responses, "400", "A value of the request is malformed or out of range");
        if (secured) {
            refusal(responses, "401", "No valid bearer token");
            refusal(responses, "403", "The token's roles do not allow this operation");
        }
        if (path.contains("{")) {
            refusal(responses, "404", "No such object, or not one the caller may see");
        }
        if (op.getRequestBody() != null) {
            refusal(responses, "415", "The body is not of the type the operation takes");
        }
        // a refusal the resource declared with a description alone (413, 409…) has the error body too
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.matches("[45]\\d\\d") && response.getContent() == null) {
                response.content(error(response.getDescription()).getContent());
            }
        });
        if (responses.getDefaultValue() == null) {
            responses.setDefaultValue(error("Any other refusal: a rule of the object (409), too large (413), too many"
                    + " requests (429), or the platform unavailable (503)"));
        }
    }

    private static void refusal(APIResponses responses, String status, String description) {
        APIResponse existing = responses.getAPIResponse(status);
        if (existing == null) {
            responses.addAPIResponse(status, error(description));
        } else if (existing.getContent() == null) {
            // declared by the resource with a description only: the body is still the error body
            existing.content(error(description).getContent());
        }
    }

    private static APIResponse error(String description) {
        return OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent()
                        .addMediaType(
                                "application/json",
                                OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema().ref(ERROR))));
    }
}
