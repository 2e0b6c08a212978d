package vn.hocso;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The dependencies between feature packages ({@code <root>.<feature>}), whatever carries them: Java code, templates
 * (an {@code inject:} bean, a message bundle namespace, a tag) and SQL (a table or view another feature owns). Each
 * edge keeps one piece of evidence, so that a cycle can be shown with where it comes from.
 */
final class FeatureGraph {

    private static final Pattern INJECT = Pattern.compile("inject:([a-zA-Z]+)");
    private static final Pattern NAMESPACE = Pattern.compile("\\b([a-z]+):[a-zA-Z_]+");
    private static final Pattern TAG = Pattern.compile("\\{#([a-zA-Z]+)");
    private static final Pattern INCLUDE = Pattern.compile("\\{#include ([a-zA-Z/]+)");
    private static final Pattern STRING =
            Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    private static final Pattern TABLE = Pattern.compile(
            "\\b(from|join|into|update|delete\\s+from|exists\\s*\\(\\s*select\\s+1\\s+from)\\s+([a-z_]+)\\b",
            Pattern.CASE_INSENSITIVE);

    /** An SQL statement of {@code feature} that names {@code relation} in {@code file}. */
    record SqlUse(String feature, String relation, boolean write, String file) {}

    private final String root;
    private final Map<String, Map<String, String>> edges = new TreeMap<>();

    FeatureGraph(String root) {
        this.root = root;
    }

    String featureOf(String className) {
        if (!className.startsWith(root + ".")) {
            return null;
        }
        String rest = className.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? null : rest.substring(0, dot);
    }

    void add(String from, String to, String evidence) {
        if (from != null && to != null && !from.equals(to)) {
            edges.computeIfAbsent(from, k -> new TreeMap<>()).putIfAbsent(to, evidence);
        }
    }

    Map<String, Map<String, String>> edges() {
        return edges;
    }

    /** Java: every dependency of a class of one feature on a class of another. */
    FeatureGraph addJava(JavaClasses classes) {
        for (JavaClass c : classes) {
            String from = featureOf(c.getName());
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                add(from, featureOf(d.getTargetClass().getName()), d.getDescription());
            }
        }
        return this;
    }

    /**
     * Templates: {@code templates/<feature>/…} belongs to that feature, {@code layout.html} to {@code layoutFeature};
     * a tag of {@code templates/tags/} counts where it is used.
     *
     * @param beans the feature of each bean name templates reach with {@code inject:}
     * @param bundles the feature of each message bundle namespace
     */
    FeatureGraph addTemplates(
            Path templates, String layoutFeature, Map<String, String> beans, Map<String, String> bundles) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Path tag : list(templates.resolve("tags"))) {
            tags.put(tag.getFileName().toString().replace(".html", ""), read(tag));
        }
        List<Path> pages = new ArrayList<>();
        pages.add(templates.resolve("layout.html"));
        for (Path dir : list(templates)) {
            if (Files.isDirectory(dir) && !dir.getFileName().toString().equals("tags")) {
                pages.addAll(list(dir));
            }
        }
        for (Path page : pages) {
            String feature = page.getParent().equals(templates)
                    ? layoutFeature
                    : page.getParent().getFileName().toString();
            String where = templates.relativize(page).toString();
            scanTemplate(feature, where, read(page), tags, beans, bundles, new TreeSet<>());
        }
        return this;
    }

    private void scanTemplate(
            String feature,
            String where,
            String text,
            Map<String, String> tags,
            Map<String, String> beans,
            Map<String, String> bundles,
            Set<String> expanded) {
        Matcher m = INJECT.matcher(text);
        while (m.find()) {
            add(feature, beans.get(m.group(1)), where + " uses inject:" + m.group(1));
        }
        m = NAMESPACE.matcher(text);
        while (m.find()) {
            add(feature, bundles.get(m.group(1)), where + " uses messages " + m.group());
        }
        m = INCLUDE.matcher(text);
        while (m.find()) {
            if (!m.group(1).equals("layout")) {
                String included = m.group(1).contains("/")
                        ? m.group(1).substring(0, m.group(1).indexOf('/'))
                        : null;
                add(feature, included, where + " includes " + m.group(1));
            }
        }
        m = TAG.matcher(text);
        while (m.find()) {
            String tag = m.group(1);
            if (tags.containsKey(tag) && expanded.add(tag)) {
                scanTemplate(feature, where + " → tag " + tag, tags.get(tag), tags, beans, bundles, expanded);
            }
        }
    }

    /** SQL in the string literals of Java sources under {@code sources}: which relation each feature names. */
    static List<SqlUse> sqlUses(Path sources, String root, Set<String> relations) {
        List<SqlUse> uses = new ArrayList<>();
        Path base = sources.resolve(root.replace('.', '/'));
        try (Stream<Path> files = Files.walk(base)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = base.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue;
                }
                String feature = relative.getName(0).toString();
                Matcher string = STRING.matcher(read(file));
                while (string.find()) {
                    String literal = Optional.ofNullable(string.group(1)).orElse(string.group(2));
                    Matcher table = TABLE.matcher(literal);
                    while (table.find()) {
                        String relation = table.group(2).toLowerCase();
                        if (relations.contains(relation)) {
                            String verb = table.group(1).toLowerCase();
                            boolean write = verb.equals("into") || verb.equals("update") || verb.startsWith("delete");
                            uses.add(new SqlUse(feature, relation, write, relative.toString()));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return uses;
    }

    /** Tables and views the migrations create. */
    static Set<String> relations(Path migrations) {
        Pattern create = Pattern.compile(
                "create\\s+(?:materialized\\s+)?(?:table|view)\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_]+)",
                Pattern.CASE_INSENSITIVE);
        Set<String> names = new TreeSet<>();
        for (Path file : list(migrations)) {
            Matcher m = create.matcher(read(file));
            while (m.find()) {
                names.add(m.group(1).toLowerCase());
            }
        }
        return names;
    }

    /** One cycle of features (first feature repeated at the end), if there is any. */
    Optional<List<String>> findCycle() {
        Map<String, Integer> state = new TreeMap<>();
        for (String start : edges.keySet()) {
            List<String> path = new ArrayList<>();
            Optional<List<String>> cycle = visit(start, state, path);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        return Optional.empty();
    }

    private Optional<List<String>> visit(String feature, Map<String, Integer> state, List<String> path) {
        Integer s = state.get(feature);
        if (s != null && s == 2) {
            return Optional.empty();
        }
        if (s != null && s == 1) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(feature), path.size()));
            cycle.add(feature);
            return Optional.of(cycle);
        }
        state.put(feature, 1);
        path.add(feature);
        for (String next : edges.getOrDefault(feature, Map.of()).keySet()) {
            Optional<List<String>> cycle = visit(next, state, path);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        state.put(feature, 2);
        return Optional.empty();
    }

    /** A cycle written out with the evidence of each of its edges. */
    String explain(List<String> cycle) {
        StringBuilder text = new StringBuilder(String.join(" → ", cycle));
        for (int i = 0; i + 1 < cycle.size(); i++) {
            text.append("\n  ")
                    .append(cycle.get(i))
                    .append(" → ")
                    .append(cycle.get(i + 1))
                    .append(": ")
                    .append(edges.get(cycle.get(i)).get(cycle.get(i + 1)));
        }
        return text.toString();
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
