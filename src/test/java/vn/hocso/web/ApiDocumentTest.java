package vn.hocso.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hocso.ApiDocumentCheck;

/**
 * The published document describes the JSON API as it is. Every test's /api answers are checked against it by
 * {@link ApiDocumentCheck}; this test checks the document's own shape, and that the check does fail on a lie.
 */
@QuarkusTest
class ApiDocumentTest {

    JsonNode document;

    @BeforeEach
    void read() throws Exception {
        String text = given().queryParam("format", "json")
                .when()
                .get("/api/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        // kept for the OpenAPI linter CI runs over it
        Files.writeString(Path.of("target/openapi.json"), text);
        document = new ObjectMapper().readTree(text);
    }

    @Test
    void everyOperationIsUnderApiWithItsOwnOperationId() {
        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        operations((path, method, op) -> {
            if (!path.startsWith("/api/")) {
                problems.add(path + " is not under /api");
            }
            String id = op.path("operationId").asText("");
            if (id.isEmpty() || !ids.add(id)) {
                problems.add(method + " " + path + " has no operationId of its own: '" + id + "'");
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(ids.size() >= 20, "the API's operations: " + ids);
    }

    @Test
    void everyOperationDocumentsItsRefusalsWithTheErrorBody() {
        List<String> problems = new ArrayList<>();
        operations((path, method, op) -> {
            JsonNode responses = op.path("responses");
            for (String status : List.of("400", "default")) {
                String ref = responses
                        .path(status)
                        .path("content")
                        .path("application/json")
                        .path("schema")
                        .path("$ref")
                        .asText("");
                if (!ref.equals("#/components/schemas/ApiError")) {
                    problems.add(method + " " + path + " " + status + " has no ApiError body");
                }
            }
            if (!op.path("security").isEmpty() && responses.path("401").isMissingNode()) {
                problems.add(method + " " + path + " is secured but documents no 401");
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        JsonNode error = document.path("components").path("schemas").path("ApiError");
        assertEquals("[\"status\",\"error\"]", error.path("required").toString());
    }

    @Test
    void everySuccessDescribesItsBody() {
        List<String> problems = new ArrayList<>();
        operations((path, method, op) -> op.path("responses").fields().forEachRemaining(response -> {
            if (response.getKey().startsWith("2") && !response.getKey().equals("204")) {
                JsonNode schema = response.getValue()
                        .path("content")
                        .path("application/json")
                        .path("schema");
                if (!schema.has("type") && !schema.has("$ref")) {
                    problems.add(method + " " + path + " " + response.getKey() + " has no typed body: " + schema);
                }
            }
        }));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theDocumentNamesNoInternalClasses() {
        List<String> names = new ArrayList<>();
        document.path("components").path("schemas").fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            assertFalse(
                    Set.of("TemplateInstance", "EngineImpl", "Response", "Uni", "Multi", "JsonNode", "Object")
                                    .contains(name)
                            || name.startsWith("Panache"),
                    "an internal class in the document: " + name);
            assertFalse(name.matches(".*\\d$"), "two schemas of one name, told apart by a number: " + name);
        }
        assertTrue(names.contains("ApiError"), "schemas: " + names);
    }

    @Test
    void theCheckRefusesANullWhereTheDocumentSaysAString() {
        JsonNode submit = document.path("paths").path("/api/quiz-attempts/{id}/submit");
        assertFalse(submit.isMissingNode(), "the submit operation is documented");
        String lie = "{\"attempt\":{\"id\":1,\"number\":1,\"status\":null,\"expired\":false},\"result\":\"/x\"}";
        List<String> problems = ApiDocumentCheck.check(
                document,
                "POST",
                "/api/quiz-attempts/1/submit",
                200,
                "application/json",
                lie.getBytes(StandardCharsets.UTF_8));
        assertFalse(problems.isEmpty(), "a null status must not pass");
        assertTrue(problems.toString().contains("status"), "the problem names the field: " + problems);
    }

    @Test
    void theCheckRefusesAStatusTheOperationDoesNotList() throws Exception {
        JsonNode without = new ObjectMapper().readTree("""
                {"paths":{"/api/x/{id}":{"get":{"operationId":"X_get","responses":{"200":{"description":"OK"}}}}},
                 "components":{}}""");
        assertEquals(
                List.of("X_get does not list status 404"),
                ApiDocumentCheck.check(without, "GET", "/api/x/1", 404, "application/json", "{}".getBytes()));
        assertTrue(ApiDocumentCheck.check(without, "GET", "/api/x/1", 200, null, new byte[0])
                .isEmpty());
    }

    interface OperationVisitor {
        void visit(String path, String method, JsonNode operation);
    }

    private void operations(OperationVisitor visitor) {
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (Set.of("get", "put", "post", "delete", "patch").contains(op.getKey())) {
                    visitor.visit(path.getKey(), op.getKey().toUpperCase(), op.getValue());
                }
            }
        }
    }
}
