package vn.hocso.content;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import vn.hocso.content.CourseDefinition.LessonDefinition;
import vn.hocso.content.CourseDefinition.ModuleDefinition;
import vn.hocso.quiz.QuizDefinition;

/**
 * Reads one course folder ({@code courses/<slug>/}) and checks all of it before anything is written: every
 * problem is reported with its file and line, and a folder with any problem yields no definition at all.
 * The format is documented in courses/README.md.
 */
final class CourseFolder {

    static final String COURSE_FILE = "course.yaml";
    static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final Set<String> LEVELS = Set.of("basic", "intermediate", "advanced");
    static final Set<String> STATUSES = Set.of("draft", "published", "archived");
    static final Set<String> GROUPS = Set.of("civil-servant", "community-team", "citizen");
    static final Set<String> KINDS = Set.of("text", "video", "quiz");
    /** Bumped when rendering changes, so unchanged folders are rendered again once. */
    private static final String FORMAT_VERSION = "2";

    private static final Set<String> COURSE_FIELDS =
            Set.of("slug", "title", "summary", "category", "targetGroups", "level", "status", "completion", "modules");
    private static final Set<String> MODULE_FIELDS = Set.of("id", "title", "lessons");
    private static final Set<String> LESSON_FIELDS =
            Set.of("id", "kind", "file", "title", "minutes", "required", "video", "captions");
    private static final Set<String> FRONT_MATTER_FIELDS = Set.of("title", "minutes");

    /** What reading a folder gave: a definition, or the problems that stop it. */
    record Result(
            Path folder,
            String slug,
            int slugLine,
            Optional<CourseDefinition> definition,
            List<ImportProblem> problems) {}

    private final Path root;
    private final Path dir;
    private final Set<String> categories;
    private final ContentMessages msg;
    private final List<ImportProblem> problems = new ArrayList<>();
    private final MessageDigest digest;
    /** Lines of YAML that does not start at the top of its file (front matter) are shifted by this much. */
    private final Map<Node, Integer> lineShift = new IdentityHashMap<>();

    private String currentFile;
    /** The quiz of each quiz lesson, by lesson key. */
    private final Map<String, QuizDefinition> quizzes = new LinkedHashMap<>();

    private CourseFolder(Path root, Path dir, Set<String> categories, ContentMessages msg) {
        this.root = root;
        this.dir = dir;
        this.categories = categories;
        this.msg = msg;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        digest.update(FORMAT_VERSION.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads {@code dir}, a folder under {@code root} holding a course.yaml. */
    static Result read(Path root, Path dir, Set<String> categories, ContentMessages msg) {
        return new CourseFolder(root, dir, categories, msg).read();
    }

    private Result read() {
        String folderName = dir.getFileName().toString();
        currentFile = relative(dir.resolve(COURSE_FILE));
        Optional<String> yaml = readText(dir.resolve(COURSE_FILE), 1);
        if (yaml.isEmpty()) {
            return new Result(dir, folderName, 1, Optional.empty(), problems);
        }
        Optional<Node> parsed = parseYaml(yaml.get(), 0);
        if (parsed.isEmpty()) {
            return new Result(dir, folderName, 1, Optional.empty(), problems);
        }
        Optional<MappingNode> course = mapping(parsed.get(), "course.yaml");
        if (course.isEmpty()) {
            return new Result(dir, folderName, 1, Optional.empty(), problems);
        }
        Map<String, NodeTuple> fields = fields(course.get(), COURSE_FIELDS);

        String slug = folderName;
        int slugLine = 1;
        if (fields.containsKey("slug")) {
            Node slugNode = fields.get("slug").getValueNode();
            slugLine = line(fields.get("slug").getKeyNode());
            slug = text(slugNode, "slug").orElse(folderName);
        }
        if (!ID.matcher(slug).matches() || slug.length() > Limits.MAX_SLUG_LENGTH) {
            problem(slugLine, msg.bad_slug(slug));
        }
        int top = line(course.get());
        Bilingual title = bilingual(fields, "title", top, Limits.MAX_TITLE_LENGTH);
        Bilingual summary = bilingual(fields, "summary", top, Limits.MAX_SUMMARY_LENGTH);
        String category = required(fields, "category", top)
                .flatMap(n -> text(n, "category"))
                .filter(c -> oneOf(c, categories, fields.get("category"), "category"))
                .orElse(null);
        String level = required(fields, "level", top)
                .flatMap(n -> text(n, "level"))
                .filter(l -> oneOf(l, LEVELS, fields.get("level"), "level"))
                .orElse(null);
        String status = Optional.ofNullable(fields.get("status"))
                .flatMap(t -> text(t.getValueNode(), "status"))
                .filter(s -> oneOf(s, STATUSES, fields.get("status"), "status"))
                .orElse("draft");
        List<String> groups = targetGroups(fields, top);
        String finalQuiz = finalQuiz(fields);
        List<ModuleDefinition> modules = modules(fields, top);

        if (finalQuiz != null
                && modules.stream()
                        .flatMap(m -> m.lessons().stream())
                        .noneMatch(l -> l.key().equals(finalQuiz) && "quiz".equals(l.kind()))) {
            currentFile = relative(dir.resolve(COURSE_FILE));
            problem(line(fields.get("completion").getValueNode()), msg.final_quiz_unknown(finalQuiz));
        }
        if (!problems.isEmpty()) {
            return new Result(dir, slug, slugLine, Optional.empty(), problems);
        }
        CourseDefinition definition = new CourseDefinition(
                slug,
                title.vi,
                title.en,
                summary.vi,
                summary.en,
                category,
                groups,
                level,
                status,
                finalQuiz,
                modules,
                HexFormat.of().formatHex(digest.digest()),
                quizzes);
        return new Result(dir, slug, slugLine, Optional.of(definition), problems);
    }

    private List<String> targetGroups(Map<String, NodeTuple> fields, int top) {
        List<String> groups = new ArrayList<>();
        Optional<Node> node = required(fields, "targetGroups", top);
        if (node.isEmpty()) {
            return groups;
        }
        Optional<SequenceNode> list = sequence(node.get(), "targetGroups");
        if (list.isEmpty()) {
            return groups;
        }
        if (list.get().getValue().isEmpty()) {
            problem(line(node.get()), msg.missing_field("targetGroups"));
        }
        for (Node item : list.get().getValue()) {
            text(item, "targetGroups").ifPresent(g -> {
                if (!GROUPS.contains(g)) {
                    problem(line(item), msg.bad_value("targetGroups", String.join(", ", GROUPS)));
                } else if (!groups.contains(g)) {
                    groups.add(g);
                }
            });
        }
        return groups;
    }

    private String finalQuiz(Map<String, NodeTuple> fields) {
        NodeTuple completion = fields.get("completion");
        if (completion == null) {
            return null;
        }
        Optional<MappingNode> map = mapping(completion.getValueNode(), "completion");
        if (map.isEmpty()) {
            return null;
        }
        Map<String, NodeTuple> rule = fields(map.get(), Set.of("finalQuiz"));
        return Optional.ofNullable(rule.get("finalQuiz"))
                .flatMap(t -> text(t.getValueNode(), "finalQuiz"))
                .orElse(null);
    }

    private List<ModuleDefinition> modules(Map<String, NodeTuple> fields, int top) {
        List<ModuleDefinition> modules = new ArrayList<>();
        Optional<SequenceNode> list = required(fields, "modules", top).flatMap(n -> sequence(n, "modules"));
        if (list.isEmpty()) {
            return modules;
        }
        if (list.get().getValue().isEmpty()) {
            problem(line(list.get()), msg.missing_field("modules"));
        }
        Set<String> moduleIds = new HashSet<>();
        Set<String> lessonIds = new HashSet<>();
        for (Node item : list.get().getValue()) {
            currentFile = relative(dir.resolve(COURSE_FILE));
            Optional<MappingNode> module = mapping(item, "modules");
            if (module.isEmpty()) {
                continue;
            }
            Map<String, NodeTuple> m = fields(module.get(), MODULE_FIELDS);
            int at = line(module.get());
            String id = id(m, at, moduleIds);
            Bilingual title = bilingual(m, "title", at, Limits.MAX_TITLE_LENGTH);
            List<LessonDefinition> lessons = new ArrayList<>();
            Optional<SequenceNode> lessonList = required(m, "lessons", at).flatMap(n -> sequence(n, "lessons"));
            if (lessonList.isPresent() && lessonList.get().getValue().isEmpty()) {
                problem(line(lessonList.get()), msg.missing_field("lessons"));
            }
            for (Node lessonNode : lessonList.map(SequenceNode::getValue).orElse(List.of())) {
                currentFile = relative(dir.resolve(COURSE_FILE));
                mapping(lessonNode, "lessons")
                        .flatMap(l -> lesson(l, lessonIds))
                        .ifPresent(lessons::add);
            }
            modules.add(new ModuleDefinition(id, title.vi, title.en, lessons));
        }
        return modules;
    }

    private Optional<LessonDefinition> lesson(MappingNode node, Set<String> lessonIds) {
        Map<String, NodeTuple> l = fields(node, LESSON_FIELDS);
        int at = line(node);
        String id = id(l, at, lessonIds);
        String kind = required(l, "kind", at)
                .flatMap(n -> text(n, "kind"))
                .filter(k -> oneOf(k, KINDS, l.get("kind"), "kind"))
                .orElse(null);
        boolean required = Optional.ofNullable(l.get("required"))
                .map(t -> bool(t.getValueNode(), "required"))
                .orElse(true);
        Integer minutes = Optional.ofNullable(l.get("minutes"))
                .map(t -> minutes(t.getValueNode()))
                .orElse(0);
        if (kind == null) {
            return Optional.empty();
        }
        return switch (kind) {
            case "text" -> textLesson(l, at, id, required);
            case "video" -> {
                Bilingual title = bilingual(l, "title", at, Limits.MAX_TITLE_LENGTH);
                String video = required(l, "video", at)
                        .flatMap(n -> relativePath(n, "video"))
                        .orElse(null);
                // captions: {vi: path, en: path}; like the video, the files may be absent (the lesson waits for them)
                Map<String, String> captions = new LinkedHashMap<>();
                Optional.ofNullable(l.get("captions"))
                        .flatMap(c -> mapping(c.getValueNode(), "captions"))
                        .ifPresent(m -> fields(m, Set.of("vi", "en"))
                                .forEach((lang, t) -> relativePath(t.getValueNode(), "captions." + lang)
                                        .ifPresent(p -> captions.put(lang, p))));
                yield Optional.of(
                        new LessonDefinition(id, kind, title.vi, title.en, minutes, required, video, null, captions));
            }
            default -> {
                Bilingual title = bilingual(l, "title", at, Limits.MAX_TITLE_LENGTH);
                String file = required(l, "file", at)
                        .flatMap(n -> existingFile(n, "file"))
                        .orElse(null);
                if (file != null) {
                    quiz(id, file, line(l.get("file").getValueNode()));
                }
                yield Optional.of(new LessonDefinition(id, kind, title.vi, title.en, minutes, required, file, null));
            }
        };
    }

    private Optional<LessonDefinition> textLesson(Map<String, NodeTuple> l, int at, String id, boolean required) {
        if (l.containsKey("title")) {
            problem(line(l.get("title").getKeyNode()), msg.unknown_field("title"));
        }
        Optional<String> file = required(l, "file", at).flatMap(n -> existingFile(n, "file"));
        if (file.isEmpty()) {
            return Optional.empty();
        }
        String courseFile = currentFile;
        Path path = dir.resolve(file.get());
        currentFile = relative(path);
        try {
            Optional<String> markdown = readText(path, line(l.get("file").getValueNode()));
            if (markdown.isEmpty()) {
                return Optional.empty();
            }
            hash(file.get());
            hash(markdown.get());
            String text = markdown.get().replace("\r\n", "\n");
            if (!text.startsWith("---\n")) {
                problem(1, msg.front_matter_missing());
                return Optional.empty();
            }
            int end = text.indexOf("\n---", 3);
            if (end < 0) {
                problem(1, msg.front_matter_missing());
                return Optional.empty();
            }
            String front = text.substring(4, end + 1);
            int bodyStart = text.indexOf('\n', end + 1);
            String body = bodyStart < 0 ? "" : text.substring(bodyStart + 1);
            // the front matter starts on line 2 of the file
            Optional<MappingNode> meta = parseYaml(front, 1).flatMap(n -> mapping(n, "front matter"));
            if (meta.isEmpty()) {
                return Optional.empty();
            }
            Map<String, NodeTuple> fm = fields(meta.get(), FRONT_MATTER_FIELDS);
            Bilingual title = bilingual(fm, "title", 1, Limits.MAX_TITLE_LENGTH);
            int minutes = Optional.ofNullable(fm.get("minutes"))
                    .map(t -> minutes(t.getValueNode()))
                    .orElse(0);
            return Optional.of(new LessonDefinition(
                    id, "text", title.vi, title.en, minutes, required, file.get(), MarkdownRenderer.toSafeHtml(body)));
        } finally {
            currentFile = courseFile;
        }
    }

    /** A quiz lesson's file: its settings and question bank, checked here like the rest of the folder. */
    private void quiz(String lessonKey, String file, int referencedAt) {
        String courseFile = currentFile;
        Path path = dir.resolve(file);
        currentFile = relative(path);
        try {
            readText(path, referencedAt).ifPresent(yaml -> {
                hash(file);
                hash(yaml);
                new QuizFile(this, msg)
                        .read(yaml)
                        .filter(q -> lessonKey != null)
                        .ifPresent(q -> quizzes.put(lessonKey, q));
            });
        } finally {
            currentFile = courseFile;
        }
    }

    private String id(Map<String, NodeTuple> fields, int at, Set<String> seen) {
        Optional<String> id = required(fields, "id", at).flatMap(n -> text(n, "id"));
        if (id.isEmpty()) {
            return null;
        }
        int idLine = line(fields.get("id").getValueNode());
        if (!ID.matcher(id.get()).matches() || id.get().length() > Limits.MAX_ID_LENGTH) {
            problem(idLine, msg.bad_id(id.get()));
        } else if (!seen.add(id.get())) {
            problem(idLine, msg.duplicate_id(id.get()));
        }
        return id.get();
    }

    private Integer minutes(Node node) {
        Optional<String> value = text(node, "minutes");
        if (value.isEmpty()) {
            return 0;
        }
        try {
            int minutes = Integer.parseInt(value.get());
            if (minutes >= 0 && minutes <= Limits.MAX_LESSON_MINUTES) {
                return minutes;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problem(line(node), msg.bad_value("minutes", "0–" + Limits.MAX_LESSON_MINUTES));
        return 0;
    }

    boolean bool(Node node, String field) {
        Optional<String> value = text(node, field);
        if (value.isPresent() && (value.get().equals("true") || value.get().equals("false"))) {
            return Boolean.parseBoolean(value.get());
        }
        value.ifPresent(v -> problem(line(node), msg.bad_value(field, "true, false")));
        return true;
    }

    record Bilingual(String vi, String en) {}

    Bilingual bilingual(Map<String, NodeTuple> fields, String field, int parentLine, int max) {
        Optional<MappingNode> map = required(fields, field, parentLine).flatMap(n -> mapping(n, field));
        if (map.isEmpty()) {
            return new Bilingual(null, null);
        }
        Map<String, NodeTuple> langs = fields(map.get(), Set.of("vi", "en"));
        String vi = required(langs, "vi", line(map.get()))
                .flatMap(n -> text(n, field + ".vi"))
                .orElse(null);
        String en = Optional.ofNullable(langs.get("en"))
                .flatMap(t -> text(t.getValueNode(), field + ".en"))
                .orElse(null);
        if (vi != null && vi.isBlank()) {
            problem(line(langs.get("vi").getValueNode()), msg.missing_field(field + ".vi"));
        }
        if (vi != null && vi.length() > max) {
            problem(line(langs.get("vi").getValueNode()), msg.too_long(field + ".vi", max));
        }
        if (en != null && en.length() > max) {
            problem(line(langs.get("en").getValueNode()), msg.too_long(field + ".en", max));
        }
        return new Bilingual(vi == null ? null : vi.strip(), en == null || en.isBlank() ? null : en.strip());
    }

    private Optional<String> existingFile(Node node, String field) {
        Optional<String> path = relativePath(node, field);
        if (path.isPresent() && !Files.isRegularFile(dir.resolve(path.get()))) {
            problem(line(node), msg.file_missing(path.get()));
            return Optional.empty();
        }
        return path;
    }

    /** A path inside the course folder; "../" or an absolute path would read files that are not the course's. */
    private Optional<String> relativePath(Node node, String field) {
        Optional<String> path = text(node, field);
        if (path.isEmpty()) {
            return path;
        }
        Path resolved = dir.resolve(path.get()).normalize();
        if (Path.of(path.get()).isAbsolute() || !resolved.startsWith(dir.normalize())) {
            problem(line(node), msg.file_outside(path.get()));
            return Optional.empty();
        }
        return path;
    }

    Optional<Node> required(Map<String, NodeTuple> fields, String field, int parentLine) {
        NodeTuple tuple = fields.get(field);
        if (tuple == null) {
            problem(parentLine, msg.missing_field(field));
            return Optional.empty();
        }
        return Optional.of(tuple.getValueNode());
    }

    private boolean oneOf(String value, Set<String> allowed, NodeTuple at, String field) {
        if (allowed.contains(value)) {
            return true;
        }
        problem(
                line(at.getValueNode()),
                msg.bad_value(field, String.join(", ", allowed.stream().sorted().toList())));
        return false;
    }

    Map<String, NodeTuple> fields(MappingNode node, Set<String> known) {
        Map<String, NodeTuple> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                problem(line(tuple.getKeyNode()), msg.unknown_field("?"));
                continue;
            }
            if (!known.contains(key.getValue())) {
                problem(line(key), msg.unknown_field(key.getValue()));
                continue;
            }
            fields.put(key.getValue(), tuple);
        }
        return fields;
    }

    Optional<MappingNode> mapping(Node node, String field) {
        if (node instanceof MappingNode m) {
            return Optional.of(m);
        }
        problem(line(node), msg.not_a_mapping(field));
        return Optional.empty();
    }

    Optional<SequenceNode> sequence(Node node, String field) {
        if (node instanceof SequenceNode s) {
            return Optional.of(s);
        }
        problem(line(node), msg.not_a_list(field));
        return Optional.empty();
    }

    Optional<String> text(Node node, String field) {
        if (node instanceof ScalarNode s) {
            return Optional.of(s.getValue());
        }
        problem(line(node), msg.not_text(field));
        return Optional.empty();
    }

    /** Parses YAML into nodes that remember their lines; offset is the file line where the YAML starts, 0-based. */
    Optional<Node> parseYaml(String text, int offset) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(Limits.MAX_YAML_ALIASES);
        options.setCodePointLimit(Limits.MAX_YAML_CODE_POINTS);
        try {
            Node node = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
            if (node == null) {
                problem(offset + 1, msg.yaml_invalid("empty"));
                return Optional.empty();
            }
            shift(node, offset);
            return Optional.of(node);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 1;
            problem(offset + line, msg.yaml_invalid(e.getProblem()));
        } catch (YAMLException e) {
            problem(offset + 1, msg.yaml_invalid(e.getMessage()));
        }
        return Optional.empty();
    }

    private void shift(Node node, int offset) {
        if (offset == 0) {
            return;
        }
        lineShift.put(node, offset);
        if (node instanceof MappingNode m) {
            m.getValue().forEach(t -> {
                shift(t.getKeyNode(), offset);
                shift(t.getValueNode(), offset);
            });
        } else if (node instanceof SequenceNode s) {
            s.getValue().forEach(n -> shift(n, offset));
        }
    }

    int line(Node node) {
        return node.getStartMark().getLine() + 1 + lineShift.getOrDefault(node, 0);
    }

    private Optional<String> readText(Path path, int referencedAt) {
        try {
            byte[] bytes = Files.readAllBytes(path);
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            if (path.getFileName().toString().equals(COURSE_FILE)) {
                hash(text);
            }
            return Optional.of(text);
        } catch (CharacterCodingException e) {
            problem(1, msg.yaml_invalid("not UTF-8"));
        } catch (IOException e) {
            problem(referencedAt, msg.file_missing(relative(path)));
        }
        return Optional.empty();
    }

    private void hash(String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    void problem(int line, String message) {
        problems.add(new ImportProblem(currentFile, line, message));
    }

    private String relative(Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }
}
