package vn.hocso.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deploy/README.md documents every setting of {@link HocsoConfig} from the same source: the property names come
 * from the mapping (as SmallRye Config names them), the meaning from its javadoc, the environment variable and
 * default from application.properties or the mapping. On a difference the failure prints the rows to paste.
 */
class ConfigDocumentedTest {

    private static final Pattern MAPPED_ENV = Pattern.compile("\\$\\{([A-Z0-9_]+):(.*)}");

    record Setting(String property, String env, String defaultCell, String meaning) {

        String row() {
            return "| `" + property + "` | `" + env + "` | " + defaultCell + " | " + meaning + " |";
        }
    }

    @Test
    void everySettingIsInTheDeploymentGuideWithItsVariableDefaultAndMeaning() throws IOException {
        Map<String, String> readme = readmeRows(Files.readString(Path.of("deploy/README.md"), StandardCharsets.UTF_8));
        List<Setting> settings = settings();
        List<String> wrong = new ArrayList<>();
        for (Setting s : settings) {
            String[] cells = cells(readme.getOrDefault(s.property(), ""));
            boolean documented = cells.length == 4
                    && cells[1].equals("`" + s.env() + "`")
                    // a development default may be described instead of spelled out
                    && (cells[2].startsWith(s.defaultCell()) || cells[2].contains("**dev**"))
                    && cells[3].equals(s.meaning());
            if (!documented) {
                wrong.add(s.row());
            }
        }
        List<String> unknown = readme.keySet().stream()
                .filter(p -> settings.stream().noneMatch(s -> s.property().equals(p)))
                .toList();
        assertTrue(
                wrong.isEmpty() && unknown.isEmpty(),
                "deploy/README.md, settings table: expected rows\n" + String.join("\n", wrong)
                        + "\nrows of settings that do not exist: " + unknown);
    }

    /** Every leaf of the mapping, by name, with what application.properties and the javadoc say of it. */
    static List<Setting> settings() throws IOException {
        Properties shipped = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            shipped.load(in);
        }
        Map<String, String> javadoc =
                javadoc(Files.readString(Path.of("src/main/java/vn/hocso/config/HocsoConfig.java")));
        List<Setting> settings = new ArrayList<>();
        walk(HocsoConfig.class, "hocso.", shipped, javadoc, settings);
        settings.sort(Comparator.comparing(Setting::property));
        return settings;
    }

    private static void walk(
            Class<?> group, String prefix, Properties shipped, Map<String, String> javadoc, List<Setting> out) {
        for (Method m : group.getDeclaredMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.isDefault() || m.isSynthetic()) {
                continue;
            }
            WithName named = m.getAnnotation(WithName.class);
            String name = prefix + (named != null ? named.value() : kebab(m.getName()));
            if (m.getReturnType().getDeclaringClass() == HocsoConfig.class) {
                walk(m.getReturnType(), name + ".", shipped, javadoc, out);
                continue;
            }
            String meaning = javadoc.get(group.getSimpleName() + "." + m.getName());
            assertTrue(meaning != null, name + " has no javadoc in HocsoConfig: it is the setting's documentation");
            String value = shipped.getProperty(name);
            Matcher mapped = value == null ? null : MAPPED_ENV.matcher(value);
            boolean viaEnv = mapped != null && mapped.matches();
            // SmallRye Config reads any property from its environment name too: hocso.video.upload-ttl from
            // HOCSO_VIDEO_UPLOAD_TTL
            String env = viaEnv ? mapped.group(1) : name.toUpperCase().replaceAll("[^A-Z0-9]", "_");
            WithDefault withDefault = m.getAnnotation(WithDefault.class);
            String defaultValue = withDefault != null ? withDefault.value() : viaEnv ? mapped.group(2) : value;
            String defaultCell =
                    defaultValue == null ? "none" : defaultValue.isEmpty() ? "empty" : "`" + defaultValue + "`";
            out.add(new Setting(name, env, defaultCell, meaning));
        }
    }

    /** SmallRye Config's default naming: {@code transcodeConcurrency} is {@code transcode-concurrency}. */
    static String kebab(String method) {
        return method.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    /** The javadoc of each method of the mapping's source, as markdown, by "Interface.method". */
    static Map<String, String> javadoc(String source) {
        // where each interface's body starts and ends, to tell the dir() of courses from the dir() of video
        Map<Integer, int[]> bodies = new TreeMap<>();
        Map<Integer, String> names = new HashMap<>();
        Matcher declared = Pattern.compile("\\binterface\\s+(\\w+)\\s*\\{").matcher(source);
        while (declared.find()) {
            int depth = 0;
            int end = declared.end() - 1;
            do {
                char c = source.charAt(end++);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            } while (depth > 0);
            bodies.put(declared.start(), new int[] {declared.end(), end});
            names.put(declared.start(), declared.group(1));
        }
        Map<String, String> docs = new HashMap<>();
        Matcher method = Pattern.compile(
                        "/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*[\\w<>.]+\\s+(\\w+)\\(\\)\\s*;",
                        Pattern.DOTALL)
                .matcher(source);
        while (method.find()) {
            int at = method.start();
            String owner = null;
            for (Map.Entry<Integer, int[]> body : bodies.entrySet()) {
                if (body.getValue()[0] <= at && at < body.getValue()[1]) {
                    owner = names.get(body.getKey()); // the last match is the innermost: bodies are by start
                }
            }
            String text = method.group(1)
                    .replaceAll("(?m)^\\s*\\*", " ")
                    .replaceAll("\\s+", " ")
                    .strip()
                    .replaceAll("\\{@code ([^}]*)}", "`$1`")
                    .replaceAll("\\{@link ([^}]*)}", "$1");
            docs.put(owner + "." + method.group(2), text);
        }
        return docs;
    }

    /** The settings table's rows, by property. */
    private static Map<String, String> readmeRows(String readme) {
        Map<String, String> rows = new HashMap<>();
        readme.lines().filter(l -> l.startsWith("| `hocso.")).forEach(l -> rows.put(cells(l)[0].replace("`", ""), l));
        return rows;
    }

    private static String[] cells(String row) {
        if (row.isEmpty()) {
            return new String[0];
        }
        String[] cells = row.substring(1, row.length() - 1).split("\\|");
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cells[i].strip();
        }
        return cells;
    }
}
