package vn.hocso.content;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import vn.hocso.account.TargetGroup;
import vn.hocso.codes.Coded;
import vn.hocso.course.CourseStatus;

/**
 * Reads one course folder ({@code courses/<slug>/}) and checks all of it before anything is written: every
 * problem is reported with its file and line, and a folder with any problem yields no definition at all.
 * The format is documented in courses/README.md. This class reads course.yaml's course fields and assembles the
 * definition; {@link Outline} reads its modules and lessons, and through them the lesson and quiz files.
 */
final class CourseFolder {

    static final String COURSE_FILE = CourseFiles.COURSE_FILE;
    static final Set<String> LEVELS = Set.of("basic", "intermediate", "advanced");
    static final Set<String> STATUSES = Set.copyOf(Coded.codes(CourseStatus.class));
    static final List<String> GROUPS = Coded.codes(TargetGroup.class);

    private static final Set<String> COURSE_FIELDS = Set.of(
            "slug",
            "title",
            "summary",
            "category",
            "targetGroups",
            "level",
            "status",
            "completion",
            "authors",
            "modules");

    /** What reading a folder gave: a definition, or the problems that stop it. */
    record Result(
            Path folder,
            String slug,
            int slugLine,
            Optional<CourseDefinition> definition,
            List<ImportProblem> problems) {}

    private final CourseFiles files;
    private final Set<String> categories;
    private final ContentMessages msg;
    private final YamlReader yaml;

    private CourseFolder(Path root, Path dir, CourseTree tree, Set<String> categories, ContentMessages msg) {
        this.files = new CourseFiles(root, dir, tree, msg);
        this.categories = categories;
        this.msg = msg;
        this.yaml = new YamlReader(files.source(COURSE_FILE), msg);
    }

    /** Reads {@code dir}, a folder under {@code root} holding a course.yaml. */
    static Result read(Path root, Path dir, Set<String> categories, ContentMessages msg) {
        return read(root, dir, CourseTree.folder(dir), categories, msg);
    }

    /** The course whose files are in {@code tree}, checked as if they were the folder {@code dir} under {@code root}. */
    static Result read(Path root, Path dir, CourseTree tree, Set<String> categories, ContentMessages msg) {
        return new CourseFolder(root, dir, tree, categories, msg).read();
    }

    private Result read() {
        Path dir = files.dir();
        String folderName = dir.getFileName().toString();
        Optional<MappingNode> course = files.read(COURSE_FILE, yaml.source(), 1)
                .flatMap(yaml::parse)
                .flatMap(n -> yaml.mapping(n, "course.yaml"));
        if (course.isEmpty()) {
            return new Result(dir, folderName, 1, Optional.empty(), files.problems());
        }
        Map<String, NodeTuple> fields = yaml.fields(course.get(), COURSE_FIELDS);

        String slug = folderName;
        int slugLine = 1;
        if (fields.containsKey("slug")) {
            Node slugNode = fields.get("slug").getValueNode();
            slugLine = yaml.line(fields.get("slug").getKeyNode());
            slug = yaml.text(slugNode, "slug").orElse(folderName);
        }
        yaml.check().slug(slug, yaml.source().at(slugLine));
        int top = yaml.line(course.get());
        Bilingual title = yaml.bilingual(fields, "title", top, Limits.MAX_TITLE_LENGTH);
        Bilingual summary = yaml.bilingual(fields, "summary", top, Limits.MAX_SUMMARY_LENGTH);
        String category = oneOf(fields, "category", categories, top);
        String level = oneOf(fields, "level", LEVELS, top);
        CourseStatus status = Optional.ofNullable(fields.get("status"))
                .flatMap(t -> yaml.text(t.getValueNode(), "status"))
                .filter(s -> yaml.check()
                        .oneOf(
                                s,
                                STATUSES,
                                "status",
                                yaml.at(fields.get("status").getValueNode())))
                .flatMap(s -> Coded.fromCode(CourseStatus.class, s))
                .orElse(CourseStatus.DRAFT);
        List<TargetGroup> groups = targetGroups(fields, top);
        String finalQuiz = finalQuiz(fields);
        List<String> authors = authors(fields);
        Outline outline = Outline.read(fields, top, yaml, files, msg);

        if (finalQuiz != null && !outline.hasQuizLesson(finalQuiz)) {
            yaml.problem(yaml.line(fields.get("completion").getValueNode()), msg.final_quiz_unknown(finalQuiz));
        }
        if (!files.problems().isEmpty()) {
            return new Result(dir, slug, slugLine, Optional.empty(), files.problems());
        }
        CourseDefinition definition = new CourseDefinition(
                slug,
                title.vi(),
                title.en(),
                summary.vi(),
                summary.en(),
                category,
                groups,
                level,
                status,
                finalQuiz,
                outline.modules(),
                files.sourceHash(),
                outline.quizzes(),
                authors,
                Collections.unmodifiableMap(new LinkedHashMap<>(files.texts())));
        return new Result(dir, slug, slugLine, Optional.of(definition), files.problems());
    }

    /** A required field whose value is one of {@code allowed}; null when it is not. */
    private String oneOf(Map<String, NodeTuple> fields, String field, Set<String> allowed, int top) {
        return yaml.required(fields, field, top)
                .flatMap(n -> yaml.text(n, field))
                .filter(v -> yaml.check()
                        .oneOf(v, allowed, field, yaml.at(fields.get(field).getValueNode())))
                .orElse(null);
    }

    private List<TargetGroup> targetGroups(Map<String, NodeTuple> fields, int top) {
        List<TargetGroup> groups = new ArrayList<>();
        Optional<Node> node = yaml.required(fields, "targetGroups", top);
        if (node.isEmpty()) {
            return groups;
        }
        Optional<SequenceNode> list = yaml.sequence(node.get(), "targetGroups");
        if (list.isEmpty()) {
            return groups;
        }
        if (list.get().getValue().isEmpty()) {
            yaml.problem(yaml.line(node.get()), msg.missing_field("targetGroups"));
        }
        for (Node item : list.get().getValue()) {
            yaml.text(item, "targetGroups").ifPresent(code -> {
                Optional<TargetGroup> g = TargetGroup.fromCode(code);
                if (g.isEmpty()) {
                    // listed in the programme's own order (TargetGroup), not sorted like other fields' values
                    yaml.problem(yaml.line(item), msg.bad_value("targetGroups", String.join(", ", GROUPS)));
                } else if (!groups.contains(g.get())) {
                    groups.add(g.get());
                }
            });
        }
        return groups;
    }

    /** Sign-in names or e-mails of the people who may edit the course; optional, each 1–320 characters. */
    private List<String> authors(Map<String, NodeTuple> fields) {
        List<String> authors = new ArrayList<>();
        Optional.ofNullable(fields.get("authors"))
                .flatMap(t -> yaml.sequence(t.getValueNode(), "authors"))
                .ifPresent(list -> list.getValue()
                        .forEach(item -> yaml.text(item, "authors")
                                .filter(a -> yaml.check().notBlank(a, "authors", yaml.at(item))
                                        && yaml.check().atMost(a, Limits.MAX_AUTHOR_LENGTH, "authors", yaml.at(item)))
                                .map(a -> a.strip().toLowerCase(Locale.ROOT))
                                .filter(a -> !authors.contains(a))
                                .ifPresent(authors::add)));
        return authors;
    }

    private String finalQuiz(Map<String, NodeTuple> fields) {
        NodeTuple completion = fields.get("completion");
        if (completion == null) {
            return null;
        }
        Optional<MappingNode> map = yaml.mapping(completion.getValueNode(), "completion");
        if (map.isEmpty()) {
            return null;
        }
        Map<String, NodeTuple> rule = yaml.fields(map.get(), Set.of("finalQuiz"));
        return Optional.ofNullable(rule.get("finalQuiz"))
                .flatMap(t -> yaml.text(t.getValueNode(), "finalQuiz"))
                .orElse(null);
    }
}
