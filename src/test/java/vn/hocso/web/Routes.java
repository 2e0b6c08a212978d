package vn.hocso.web;

import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every route of the application, found in the application itself rather than kept by hand: the JAX-RS resource
 * methods of the compiled classes (as the running app loaded them) and the plain Vert.x routes the running app registered (captured when the router
 * is built), each as a method and a concrete path whose parameters are filled by {@code values} (given the template and the parameter's name).
 */
@ApplicationScoped
public class Routes {

    public record Endpoint(String method, String template, String path) {}

    private static final Pattern PARAM = Pattern.compile("\\{(\\w+)(?::[^}]*(?:\\{[^}]*}[^}]*)*)?}|:(\\w+)");
    private static final java.nio.file.Path CLASSES = java.nio.file.Path.of("target/classes");
    private static final Map<Class<? extends Annotation>, String> METHODS = Map.of(
            GET.class, "GET", POST.class, "POST", PUT.class, "PUT", PATCH.class, "PATCH", DELETE.class, "DELETE");

    private static volatile Router router;

    void capture(@Observes Router built) {
        // its routes are read when a test asks, after every observer has added its own
        router = built;
    }

    /** JAX-RS resource methods and Vert.x routes with a path of their own (not the catch-all filters). */
    public static List<Endpoint> all(BiFunction<String, String, String> values) {
        Set<String> seen = new TreeSet<>();
        List<Endpoint> endpoints = new ArrayList<>();
        for (Class<?> type : compiledClasses()) {
            Path base = type.getAnnotation(Path.class);
            if (base == null) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                for (Map.Entry<Class<? extends Annotation>, String> verb : METHODS.entrySet()) {
                    if (method.isAnnotationPresent(verb.getKey())) {
                        Path sub = method.getAnnotation(Path.class);
                        add(
                                endpoints,
                                seen,
                                verb.getValue(),
                                join(base.value(), sub == null ? "" : sub.value()),
                                values);
                    }
                }
            }
        }
        for (Route route : router == null ? List.<Route>of() : router.getRoutes()) {
            String path = route.getPath();
            if (path == null || path.equals("/") || path.endsWith("*") || route.methods() == null) {
                continue;
            }
            for (var method : route.methods()) {
                add(endpoints, seen, method.name(), path, values);
            }
        }
        return endpoints;
    }

    private static void add(
            List<Endpoint> endpoints,
            Set<String> seen,
            String method,
            String template,
            BiFunction<String, String, String> values) {
        if (seen.add(method + " " + template)) {
            Matcher m = PARAM.matcher(template);
            StringBuilder path = new StringBuilder();
            while (m.find()) {
                String name = m.group(1) != null ? m.group(1) : m.group(2);
                m.appendReplacement(path, Matcher.quoteReplacement(values.apply(template, name)));
            }
            m.appendTail(path);
            endpoints.add(new Endpoint(method, template, path.toString()));
        }
    }

    /** The application's classes, as the running app loaded them. */
    private static List<Class<?>> compiledClasses() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (Stream<java.nio.file.Path> files = Files.walk(CLASSES)) {
            List<Class<?>> classes = new ArrayList<>();
            for (java.nio.file.Path file :
                    files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name =
                        CLASSES.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                classes.add(Class.forName(name, false, loader));
            }
            return classes;
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot read the application's classes", e);
        }
    }

    private static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
