package vn.hocso.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.quarkus.resteasy.reactive.server.runtime.ResteasyReactiveRecorder;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.RestAssured;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.ByteArrayOutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.handlers.ClassRoutingHandler;
import org.jboss.resteasy.reactive.server.mapping.RequestMapper;
import org.jboss.resteasy.reactive.server.mapping.RuntimeResource;
import org.jboss.resteasy.reactive.server.spi.ServerRestHandler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hocso.DemoCourses;
import vn.hocso.Forms;
import vn.hocso.content.CourseImporter;

/**
 * Every route of the running application — the REST resources as the Quarkus REST deployment matched them, plus the
 * plain Vert.x routes of the router — gets hostile values in each path parameter, query parameter, form field and
 * JSON field (NUL, invalid UTF-8, 10,000 characters, braces, percent and backslash, negative and huge numbers, wrong
 * JSON types, empty and malformed bodies), anonymously, as a learner and as staff. Any 5xx fails the test, listing
 * every request that got one.
 */
@QuarkusTest
class HostileInputTest {

    /** Values as they travel in an address or a form body: already percent-encoded. */
    private static final List<String> ENCODED = List.of(
            "%00",
            "a%00b",
            "%C3%28",
            "%FF",
            "x".repeat(10_000),
            "%7B%7D",
            "%7Bx%7D",
            "%25",
            "%5C",
            "..%2F..%2Fetc",
            "-1",
            "0",
            "99999999999999999999",
            "1e400",
            "",
            "%20");

    /** The values a JSON field gets instead of its own: wrong types, huge numbers, NUL, very long text. */
    private static final List<Object> JSON_VALUES = List.of(
            "x",
            "",
            "\u0000",
            "x".repeat(10_000),
            -1,
            new BigInteger("99999999999999999999"),
            1.5,
            true,
            List.of(),
            List.of(List.of()),
            Map.of(),
            Map.of("a", 1),
            NullNode.getInstance());

    private static final List<String> JSON_BODIES =
            List.of("", "{}", "[]", "\"x\"", "null", "1", "{\"a\":", "{\"\u0000\":1}", "[" + "[".repeat(2000));

    /** Field names every form route gets too: those of forms the test cannot see from annotations. */
    private static final List<String> EXTRA_FORM_FIELDS =
            List.of("ticket", "watched", "position", "lang", "back", "next", "reason", "size", "q", "answer");

    /** Form fields a route gets while another field carries the hostile value: valid, so the rules run on. */
    private static final Map<String, String> FORM_DEFAULTS = Map.of(
            "fullName", "Nguy%E1%BB%85n V%C4%83n A",
            "phone", "0912345678",
            "unitId", "1",
            "targetGroup", "citizen",
            "position", "x",
            "lang", "vi",
            "back", "%2F",
            "reason", "x",
            "size", "1000");

    private static final String COURSE = "ky-nang-so-co-ban";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Router router;

    @Inject
    CourseImporter importer;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            // as browsers speak to a plain-HTTP server (the client would otherwise try an h2c upgrade)
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    @BeforeEach
    void demoCourses() {
        DemoCourses.ensureImported(importer);
    }

    @Test
    void noRouteAnswersHostileInputWithA5xxToAnAnonymousVisitor() {
        assertNo5xx(Map.of());
    }

    @Test
    @TestSecurity(user = "hostile-learner", roles = "learner")
    @OidcSecurity(claims = @Claim(key = "sub", value = "hostile-learner"))
    void noRouteAnswersHostileInputWithA5xxToALearner() {
        Forms.post("/courses/" + COURSE, "/courses/" + COURSE + "/enrol").then().statusCode(303);
        String attempt = Forms.post(
                        "/courses/" + COURSE + "/lessons/kiem-tra-cuoi-khoa/quiz",
                        "/courses/" + COURSE + "/lessons/kiem-tra-cuoi-khoa/quiz/attempts")
                .then()
                .extract()
                .header("Location");
        Map<String, String> known = new LinkedHashMap<>();
        if (attempt != null) {
            Matcher m = Pattern.compile("/quiz/attempts/(\\d+)").matcher(attempt);
            if (m.find()) {
                known.put("id", m.group(1));
            }
        }
        assertNo5xx(known);
    }

    @Test
    @TestSecurity(
            user = "hostile-staff",
            roles = {"learner", "trainer", "admin"})
    @OidcSecurity(claims = @Claim(key = "sub", value = "hostile-staff"))
    void noRouteAnswersHostileInputWithA5xxToStaff() {
        assertNo5xx(Map.of());
    }

    /** One route: its method, path template, parameters and body. */
    record Endpoint(String method, String template, List<Param> params, List<String> consumes, String origin) {}

    enum Kind {
        PATH,
        QUERY,
        FORM,
        FILE,
        FORM_MAP,
        JSON
    }

    record Param(Kind kind, String name, Type type) {}

    /** One request sent: enough to repeat it by hand. */
    record Sent(String method, String uri, String contentType, String body) {
        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 160 ? body.substring(0, 160) + "…" : body;
            String where = uri.length() > 200 ? uri.substring(0, 200) + "…" : uri;
            return method + " " + where + (contentType == null ? "" : " [" + contentType + "] " + shown);
        }
    }

    private void assertNo5xx(Map<String, String> known) {
        List<Endpoint> endpoints = endpoints();
        assertTrue(
                endpoints.stream().anyMatch(e -> e.template().contains("/heartbeat")),
                "the Vert.x heartbeat route is enumerated: " + endpoints);
        assertTrue(endpoints.size() > 30, "every route is enumerated: " + endpoints);
        Forms.Csrf csrf = Forms.csrfFrom("/courses");
        List<Sent> requests = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            requests.addAll(requests(endpoint, known));
        }
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Semaphore inFlight = new Semaphore(4);
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (Sent sent : requests) {
            inFlight.acquireUninterruptibly();
            all.add(http.sendAsync(build(sent, csrf), HttpResponse.BodyHandlers.discarding())
                    // the server closes a connection whose request body it did not read (a refusal before the body):
                    // a request the client had already queued on it gets no answer, and is sent again on a new one
                    .handle((response, error) -> error == null
                            ? CompletableFuture.completedFuture(response)
                            : http.sendAsync(build(sent, csrf), HttpResponse.BodyHandlers.discarding()))
                    .thenCompose(again -> again)
                    .whenComplete((response, error) -> {
                        inFlight.release();
                        if (error != null) {
                            failures.add("no answer (" + error + "): " + sent);
                        } else if (response.statusCode() >= 500) {
                            failures.add(response.statusCode() + ": " + sent);
                        }
                    }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                .exceptionally(e -> null)
                .join();
        assertTrue(
                failures.isEmpty(),
                failures.size() + " of " + requests.size() + " hostile requests failed:\n"
                        + String.join("\n", new TreeSet<>(failures)));
    }

    private HttpRequest build(Sent sent, Forms.Csrf csrf) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + RestAssured.port + sent.uri()))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "text/html,application/json;q=0.9,*/*;q=0.8")
                .header("Cookie", "csrf-token=" + csrf.cookie())
                .header("X-CSRF-TOKEN", csrf.field());
        byte[] body = sent.body() == null
                ? new byte[0]
                : sent.contentType() != null && sent.contentType().startsWith("multipart/")
                        ? sent.body().getBytes(StandardCharsets.ISO_8859_1)
                        : sent.body().replace("{csrf}", csrf.field()).getBytes(StandardCharsets.UTF_8);
        if (sent.contentType() != null) {
            request.header("Content-Type", sent.contentType());
        }
        return request.method(
                        sent.method(),
                        sent.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    // ---- enumerating the routes of the running application

    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        var deployment = ResteasyReactiveRecorder.getCurrentDeployment();
        String prefix = deployment.getPrefix() == null ? "" : deployment.getPrefix();
        for (RequestMapper.RequestPath<?> classPath : deployment.getClassMappers()) {
            var match = (org.jboss.resteasy.reactive.server.handlers.RestInitialHandler.InitialMatch) classPath.value;
            for (ServerRestHandler handler : match.handlers) {
                if (!(handler instanceof ClassRoutingHandler routing)) {
                    continue;
                }
                for (Map.Entry<String, RequestMapper<RuntimeResource>> byMethod :
                        routing.getMappers().entrySet()) {
                    for (RequestMapper.RequestPath<RuntimeResource> path :
                            byMethod.getValue().getTemplates()) {
                        RuntimeResource resource = path.value;
                        String template = join(prefix, join(classPath.template.template, path.template.template));
                        endpoints.add(new Endpoint(
                                byMethod.getKey() == null ? "GET" : byMethod.getKey(),
                                template,
                                params(resource.getLazyMethod().getMethod()),
                                resource.getConsumes().stream()
                                        .map(Object::toString)
                                        .toList(),
                                resource.getResourceClass().getSimpleName() + "." + resource.getJavaMethodName()));
                    }
                }
            }
        }
        for (Route route : router.getRoutes()) {
            String path = route.getPath();
            if (path == null || !path.contains("/:") || route.methods() == null) {
                continue;
            }
            List<Param> params = new ArrayList<>();
            Matcher m = Pattern.compile(":(\\w+)").matcher(path);
            while (m.find()) {
                params.add(new Param(Kind.PATH, m.group(1), String.class));
            }
            params.add(new Param(Kind.FORM_MAP, "form", String.class));
            for (var method : route.methods()) {
                endpoints.add(new Endpoint(
                        method.name(),
                        path.replaceAll(":(\\w+)", "{$1}"),
                        params,
                        List.of("application/x-www-form-urlencoded"),
                        "vert.x route"));
            }
        }
        return endpoints;
    }

    private static String join(String a, String b) {
        String joined = (a + "/" + b).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static List<Param> params(Method method) {
        List<Param> params = new ArrayList<>();
        Annotation[][] annotations = method.getParameterAnnotations();
        Type[] types = method.getGenericParameterTypes();
        for (int i = 0; i < types.length; i++) {
            Param param = null;
            boolean context = false;
            for (Annotation a : annotations[i]) {
                if (a instanceof PathParam p) {
                    param = new Param(Kind.PATH, p.value(), types[i]);
                } else if (a instanceof RestPath p) {
                    param = new Param(Kind.PATH, p.value(), types[i]);
                } else if (a instanceof QueryParam q) {
                    param = new Param(Kind.QUERY, q.value(), types[i]);
                } else if (a instanceof RestQuery q) {
                    param = new Param(Kind.QUERY, q.value(), types[i]);
                } else if (a instanceof FormParam f) {
                    param = new Param(Kind.FORM, f.value(), types[i]);
                } else if (a instanceof RestForm f) {
                    String name = f.value().isEmpty() ? method.getParameters()[i].getName() : f.value();
                    param = new Param(types[i] == FileUpload.class ? Kind.FILE : Kind.FORM, name, types[i]);
                } else if (a instanceof Context) {
                    context = true;
                } else if (a instanceof BeanParam) {
                    context = true;
                    params.addAll(beanParams(raw(types[i])));
                }
            }
            if (param == null && !context) {
                Class<?> raw = raw(types[i]);
                param = MultivaluedMap.class.isAssignableFrom(raw)
                        ? new Param(Kind.FORM_MAP, "form", types[i])
                        : new Param(Kind.JSON, "body", types[i]);
            }
            if (param != null) {
                params.add(param);
            }
        }
        return params;
    }

    /** The fields of a {@code @BeanParam} class that come from the request. */
    private static List<Param> beanParams(Class<?> bean) {
        List<Param> params = new ArrayList<>();
        for (Field field : bean.getDeclaredFields()) {
            if (field.getAnnotation(FormParam.class) != null) {
                params.add(new Param(
                        Kind.FORM, field.getAnnotation(FormParam.class).value(), field.getType()));
            } else if (field.getAnnotation(RestForm.class) != null) {
                String name = field.getAnnotation(RestForm.class).value();
                params.add(new Param(Kind.FORM, name.isEmpty() ? field.getName() : name, field.getType()));
            } else if (field.getAnnotation(QueryParam.class) != null) {
                params.add(new Param(
                        Kind.QUERY, field.getAnnotation(QueryParam.class).value(), field.getType()));
            } else if (field.getAnnotation(RestQuery.class) != null) {
                String name = field.getAnnotation(RestQuery.class).value();
                params.add(new Param(Kind.QUERY, name.isEmpty() ? field.getName() : name, field.getType()));
            }
        }
        return params;
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    // ---- the requests for one route

    private List<Sent> requests(Endpoint endpoint, Map<String, String> known) {
        List<Param> path =
                endpoint.params().stream().filter(p -> p.kind() == Kind.PATH).toList();
        Map<String, String> defaults = new LinkedHashMap<>();
        for (String name : pathNames(endpoint.template())) {
            defaults.put(name, known.getOrDefault(name, plausible(name, endpoint.template())));
        }
        List<Sent> sent = new ArrayList<>();
        String method = endpoint.method();
        boolean hasBody = !method.equals("GET") && !method.equals("HEAD") && !method.equals("DELETE");
        Body body = body(endpoint);
        // as it is, with plausible values: the baseline of every variation
        sent.add(body.send(method, uri(endpoint.template(), defaults, Map.of()), null));
        for (String name : defaults.keySet()) {
            for (String value : ENCODED) {
                Map<String, String> values = new LinkedHashMap<>(defaults);
                values.put(name, value);
                sent.add(body.send(method, uri(endpoint.template(), values, Map.of()), null));
            }
        }
        for (Param query : endpoint.params()) {
            if (query.kind() != Kind.QUERY) {
                continue;
            }
            for (String value : ENCODED) {
                sent.add(body.send(method, uri(endpoint.template(), defaults, Map.of(query.name(), value)), null));
            }
        }
        String at = uri(endpoint.template(), defaults, Map.of());
        if (hasBody) {
            sent.addAll(body.variations(method, at));
            sent.add(new Sent(method, at, "text/plain", "x"));
            sent.add(new Sent(method, at, null, null));
        }
        if (path.isEmpty() && endpoint.params().stream().noneMatch(p -> p.kind() == Kind.QUERY)) {
            sent.add(body.send(method, at + "?q=%00&x=%C3%28", null));
        }
        return sent;
    }

    private static List<String> pathNames(String template) {
        List<String> names = new ArrayList<>();
        int depth = 0;
        StringBuilder name = null;
        for (char c : template.toCharArray()) {
            if (c == '{') {
                if (depth++ == 0) {
                    name = new StringBuilder();
                    continue;
                }
            } else if (c == '}') {
                if (--depth == 0) {
                    names.add(name.toString().split(":")[0].strip());
                    name = null;
                    continue;
                }
            }
            if (depth > 0 && name != null) {
                name.append(c);
            }
        }
        return names;
    }

    private static String uri(String template, Map<String, String> values, Map<String, String> query) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        StringBuilder name = new StringBuilder();
        for (char c : template.toCharArray()) {
            if (c == '{' && depth++ == 0) {
                name.setLength(0);
                continue;
            }
            if (c == '}' && --depth == 0) {
                out.append(values.get(name.toString().split(":")[0].strip()));
                continue;
            }
            (depth > 0 ? name : out).append(c);
        }
        StringBuilder q = new StringBuilder();
        query.forEach((k, v) ->
                q.append(q.length() == 0 ? "?" : "&").append(k).append('=').append(v));
        return out + q.toString();
    }

    /** A value that reaches past the first lookup: a real course, lesson, or a number. */
    private static String plausible(String name, String template) {
        return switch (name) {
            case "slug" -> COURSE;
            case "key" ->
                template.contains("/quiz")
                        ? "kiem-tra-cuoi-khoa"
                        : template.contains("/video") ? "video-gioi-thieu" : "bat-dau-su-dung";
            case "rendition" -> "360p";
            case "code" -> "HS-ABCD-EFGH";
            default -> "1";
        };
    }

    /** How a route's body is written, and its hostile variations. */
    private interface Body {
        Sent send(String method, String uri, Map<String, String> encodedFields);

        List<Sent> variations(String method, String uri);
    }

    private Body body(Endpoint endpoint) {
        List<Param> form = endpoint.params().stream()
                .filter(p -> p.kind() == Kind.FORM || p.kind() == Kind.FILE || p.kind() == Kind.FORM_MAP)
                .toList();
        Optional<Param> json =
                endpoint.params().stream().filter(p -> p.kind() == Kind.JSON).findFirst();
        boolean multipart = endpoint.params().stream().anyMatch(p -> p.kind() == Kind.FILE)
                || endpoint.consumes().stream().anyMatch(c -> c.startsWith("multipart/"));
        if (json.isPresent()) {
            return new JsonBody(json.get().type());
        }
        Set<String> names = new LinkedHashSet<>();
        Set<String> files = new LinkedHashSet<>();
        for (Param p : form) {
            if (p.kind() == Kind.FORM) {
                names.add(p.name());
            } else if (p.kind() == Kind.FILE) {
                files.add(p.name());
            } else {
                names.addAll(EXTRA_FORM_FIELDS);
            }
        }
        if (form.isEmpty()) {
            names.addAll(List.of("x"));
        }
        return multipart ? new MultipartBody(names, files) : new FormBody(names);
    }

    private record FormBody(Collection<String> names) implements Body {
        @Override
        public Sent send(String method, String uri, Map<String, String> fields) {
            StringBuilder body = new StringBuilder("csrf-token={csrf}");
            Map<String, String> all = new LinkedHashMap<>();
            for (String name : names) {
                if (FORM_DEFAULTS.containsKey(name)) {
                    all.put(name, FORM_DEFAULTS.get(name));
                }
            }
            if (fields != null) {
                all.putAll(fields);
            }
            all.forEach((k, v) -> body.append('&').append(k).append('=').append(v));
            return new Sent(method, uri, "application/x-www-form-urlencoded", body.toString());
        }

        @Override
        public List<Sent> variations(String method, String uri) {
            List<Sent> sent = new ArrayList<>();
            for (String name : names) {
                for (String value : ENCODED) {
                    sent.add(send(method, uri, Map.of(name, value)));
                }
            }
            sent.add(send(method, uri, Map.of("%00", "1")));
            sent.add(new Sent(method, uri, "application/x-www-form-urlencoded", "csrf-token={csrf}&%zz=%"));
            return sent;
        }
    }

    private record MultipartBody(Collection<String> names, Collection<String> files) implements Body {
        private static final String BOUNDARY = "hostileBoundary7MA4YWxk";
        private static final byte[] VTT = "WEBVTT\n\n00:00.000 --> 00:01.000\nx\n".getBytes(StandardCharsets.UTF_8);

        @Override
        public Sent send(String method, String uri, Map<String, String> fields) {
            Map<String, byte[]> parts = new LinkedHashMap<>();
            for (String name : names) {
                if (FORM_DEFAULTS.containsKey(name)) {
                    parts.put(name, decode(FORM_DEFAULTS.get(name)));
                }
            }
            if (fields != null) {
                fields.forEach((k, v) -> parts.put(k, decode(v)));
            }
            return multipart(method, uri, parts, VTT);
        }

        @Override
        public List<Sent> variations(String method, String uri) {
            List<Sent> sent = new ArrayList<>();
            for (String name : names) {
                for (String value : ENCODED) {
                    sent.add(send(method, uri, Map.of(name, value)));
                }
            }
            sent.add(multipart(method, uri, Map.of(), new byte[0]));
            sent.add(multipart(method, uri, Map.of(), new byte[] {0, (byte) 0xff, (byte) 0xc3, 0x28}));
            sent.add(new Sent(method, uri, "multipart/form-data; boundary=" + BOUNDARY, "--" + BOUNDARY + "\r\nx"));
            sent.add(new Sent(method, uri, "multipart/form-data", ""));
            return sent;
        }

        private Sent multipart(String method, String uri, Map<String, byte[]> fields, byte[] file) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writePart(out, "csrf-token", null, "{csrf}".getBytes(StandardCharsets.UTF_8));
            fields.forEach((name, value) -> writePart(out, name, null, value));
            for (String name : files) {
                writePart(out, name, "a.vtt", file);
            }
            out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
            return new Sent(
                    method,
                    uri,
                    "multipart/form-data; boundary=" + BOUNDARY,
                    out.toString(StandardCharsets.ISO_8859_1));
        }

        private static void writePart(ByteArrayOutputStream out, String name, String fileName, byte[] value) {
            String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                    + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: text/vtt")
                    + "\r\n\r\n";
            out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            out.writeBytes(value);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }

        /** Percent-decoded to raw bytes, without any charset check: %FF stays the byte 0xFF. */
        private static byte[] decode(String encoded) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = 0; i < encoded.length(); i++) {
                char c = encoded.charAt(i);
                if (c == '%' && i + 2 < encoded.length()) {
                    out.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                    i += 2;
                } else {
                    out.write(c);
                }
            }
            return out.toByteArray();
        }
    }

    private record JsonBody(Type type) implements Body {
        @Override
        public Sent send(String method, String uri, Map<String, String> fields) {
            return new Sent(method, uri, "application/json", write(sample(type, 0)));
        }

        @Override
        public List<Sent> variations(String method, String uri) {
            List<Sent> sent = new ArrayList<>();
            for (Object variant : mutations(type, 0)) {
                sent.add(new Sent(method, uri, "application/json", write(variant)));
            }
            for (String body : JSON_BODIES) {
                sent.add(new Sent(method, uri, "application/json", body));
            }
            return sent;
        }

        private static String write(Object tree) {
            try {
                return JSON.writeValueAsString(tree);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** A well-formed value of the type: records as objects, lists of one, strings and numbers. */
        private static Object sample(Type type, int depth) {
            Class<?> raw = raw(type);
            if (raw == String.class) {
                return "a";
            }
            if (Number.class.isAssignableFrom(raw) || raw.isPrimitive() && raw != boolean.class) {
                return 1;
            }
            if (raw == Boolean.class || raw == boolean.class) {
                return true;
            }
            if (Collection.class.isAssignableFrom(raw) && type instanceof ParameterizedType p) {
                return depth > 4 ? List.of() : List.of(sample(p.getActualTypeArguments()[0], depth + 1));
            }
            if (raw.isRecord() && depth <= 4) {
                Map<String, Object> fields = new LinkedHashMap<>();
                for (RecordComponent c : raw.getRecordComponents()) {
                    fields.put(c.getName(), sample(c.getGenericType(), depth + 1));
                }
                return fields;
            }
            return Map.of();
        }

        /** The sample with one value at a time replaced by each hostile JSON value. */
        @SuppressWarnings("unchecked")
        private static List<Object> mutations(Type type, int depth) {
            List<Object> variants = new ArrayList<>(JSON_VALUES);
            Class<?> raw = raw(type);
            if (depth > 4) {
                return variants;
            }
            if (Collection.class.isAssignableFrom(raw) && type instanceof ParameterizedType p) {
                for (Object inner : mutations(p.getActualTypeArguments()[0], depth + 1)) {
                    variants.add(List.of(inner == null ? Map.of() : inner));
                }
            } else if (raw.isRecord()) {
                Map<String, Object> sample = (Map<String, Object>) sample(type, depth);
                for (RecordComponent c : raw.getRecordComponents()) {
                    for (Object inner : mutations(c.getGenericType(), depth + 1)) {
                        Map<String, Object> variant = new LinkedHashMap<>(sample);
                        variant.put(c.getName(), inner);
                        variants.add(variant);
                    }
                }
            }
            return variants;
        }
    }
}
