package vn.hocso;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Holds the API to its published document in every test: each answer a test receives from an /api address is checked
 * against the OpenAPI document the same running app publishes at /api/openapi. The operation must be documented, the
 * status must be one the operation lists (or its default), and a JSON body must match that status's schema — nulls
 * included. A mismatch fails the test that made the request, naming the operation and what did not match.
 */
public final class ApiDocumentCheck implements Filter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final ApiDocumentCheck INSTANCE = new ApiDocumentCheck();

    /** Documents by the app's address: test profiles start apps on different ports. */
    private final Map<String, JsonNode> documents = new ConcurrentHashMap<>();

    /** Installs the check for every @QuarkusTest (registered in META-INF/services). */
    public static final class Install implements QuarkusTestBeforeEachCallback {
        @Override
        public void beforeEach(QuarkusTestMethodContext context) {
            if (!RestAssured.filters().contains(INSTANCE)) {
                RestAssured.filters(INSTANCE);
            }
        }
    }

    @Override
    public Response filter(
            FilterableRequestSpecification request, FilterableResponseSpecification spec, FilterContext context) {
        Response response = context.next(request, spec);
        URI uri = URI.create(request.getURI());
        String path = uri.getRawPath();
        if (path != null && path.startsWith("/api/") && !path.startsWith("/api/openapi")) {
            String origin = uri.getScheme() + "://" + uri.getRawAuthority();
            List<String> problems = check(
                    document(origin),
                    request.getMethod(),
                    path,
                    response.statusCode(),
                    response.contentType(),
                    response.asByteArray());
            if (!problems.isEmpty()) {
                throw new AssertionError("the answer of " + request.getMethod() + " " + path + " ("
                        + response.statusCode() + ") does not match /api/openapi:\n  " + String.join("\n  ", problems)
                        + "\n  body: " + abbreviate(response.asString()));
            }
        }
        return response;
    }

    /** What does not match; empty when the answer is what the document says. */
    public static List<String> check(
            JsonNode document, String method, String path, int status, String contentType, byte[] body) {
        List<String> problems = new ArrayList<>();
        Optional<String> template = template(document, path);
        if (template.isEmpty()) {
            if (status < 300) {
                problems.add("no documented path matches, yet it answered " + status);
            }
            return problems;
        }
        JsonNode operation = document.path("paths").path(template.get()).path(method.toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            if (status < 300) {
                problems.add(method + " is not documented for " + template.get() + ", yet it answered " + status);
            }
            return problems;
        }
        String operationId = operation.path("operationId").asText("(no operationId)");
        JsonNode described = operation.path("responses").path(Integer.toString(status));
        if (described.isMissingNode()) {
            described = operation.path("responses").path("default");
        }
        if (described.isMissingNode()) {
            problems.add(operationId + " does not list status " + status);
            return problems;
        }
        boolean json =
                contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json");
        JsonNode schema = described.path("content").path("application/json").path("schema");
        if (!json || body.length == 0) {
            if (status < 300 && !schema.isMissingNode() && status != 204) {
                problems.add(operationId + " documents a JSON body for " + status + " but the answer has "
                        + (body.length == 0 ? "none" : contentType));
            }
            return problems;
        }
        if (schema.isMissingNode()) {
            problems.add(operationId + " documents no JSON body for " + status);
            return problems;
        }
        JsonNode value;
        try {
            value = JSON.readTree(body);
        } catch (IOException e) {
            problems.add("the body is not JSON: " + e.getMessage());
            return problems;
        }
        ObjectNode root = schema.deepCopy() instanceof ObjectNode o ? o : JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", document.path("components"));
        JsonSchema validator = SCHEMAS.getSchema(root);
        Set<ValidationMessage> errors = validator.validate(value);
        problems.addAll(errors.stream()
                .map(e -> operationId + " " + status + ": " + e.getMessage())
                .sorted()
                .collect(Collectors.toList()));
        return problems;
    }

    /** The documented path this raw path is an instance of, literal segments preferred over parameters. */
    static Optional<String> template(JsonNode document, String path) {
        String[] segments = path.split("/", -1);
        String best = null;
        int bestLiterals = -1;
        for (Iterator<String> it = document.path("paths").fieldNames(); it.hasNext(); ) {
            String candidate = it.next();
            String[] parts = candidate.split("/", -1);
            if (parts.length != segments.length) {
                continue;
            }
            int literals = 0;
            boolean matches = true;
            for (int i = 0; i < parts.length && matches; i++) {
                if (parts[i].startsWith("{") && parts[i].endsWith("}")) {
                    matches = !segments[i].isEmpty();
                } else if (parts[i].equals(segments[i])) {
                    literals++;
                } else {
                    matches = false;
                }
            }
            if (matches && literals > bestLiterals) {
                best = candidate;
                bestLiterals = literals;
            }
        }
        return Optional.ofNullable(best);
    }

    private JsonNode document(String origin) {
        return documents.computeIfAbsent(origin, o -> {
            try {
                HttpResponse<String> answer = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(o + "/api/openapi?format=json"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    throw new AssertionError("/api/openapi answered " + answer.statusCode());
                }
                return JSON.readTree(answer.body());
            } catch (IOException e) {
                throw new AssertionError("could not read /api/openapi from " + o, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted reading /api/openapi", e);
            }
        });
    }

    private static String abbreviate(String s) {
        return s.length() > 600 ? s.substring(0, 600) + "…" : s;
    }
}
