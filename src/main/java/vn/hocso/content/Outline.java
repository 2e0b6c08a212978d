package vn.hocso.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import vn.hocso.codes.Coded;
import vn.hocso.content.CourseDefinition.LessonDefinition;
import vn.hocso.content.CourseDefinition.ModuleDefinition;
import vn.hocso.course.LessonKind;
import vn.hocso.quiz.QuizDefinition;

/**
 * The modules and lessons course.yaml declares, in order, with the lesson and quiz files they name. Lesson ids are
 * unique in the whole course, not just the module: progress is kept per lesson id.
 */
final class Outline {

    static final Set<String> KINDS = Set.copyOf(Coded.codes(LessonKind.class));
    private static final Set<String> MODULE_FIELDS = Set.of("id", "title", "lessons");
    private static final Set<String> LESSON_FIELDS =
            Set.of("id", "kind", "file", "title", "minutes", "required", "video", "captions");

    private final YamlReader yaml;
    private final CourseFiles files;
    private final ContentMessages msg;
    private final List<ModuleDefinition> modules = new ArrayList<>();
    /** The quiz of each quiz lesson, by lesson key. */
    private final Map<String, QuizDefinition> quizzes = new LinkedHashMap<>();

    private Outline(YamlReader yaml, CourseFiles files, ContentMessages msg) {
        this.yaml = yaml;
        this.files = files;
        this.msg = msg;
    }

    /** The {@code modules} of course.yaml's {@code fields}, read with {@code yaml} (course.yaml's reader). */
    static Outline read(
            Map<String, NodeTuple> fields, int top, YamlReader yaml, CourseFiles files, ContentMessages msg) {
        Outline outline = new Outline(yaml, files, msg);
        outline.modules(fields, top);
        return outline;
    }

    List<ModuleDefinition> modules() {
        return modules;
    }

    Map<String, QuizDefinition> quizzes() {
        return quizzes;
    }

    boolean hasQuizLesson(String key) {
        return modules.stream()
                .flatMap(m -> m.lessons().stream())
                .anyMatch(l -> l.key().equals(key) && l.kind() == LessonKind.QUIZ);
    }

    /** A lesson's estimated minutes, 0 when absent or wrong (a wrong value is reported). */
    static int minutes(YamlReader yaml, Node node) {
        return yaml.text(node, "minutes")
                .map(v -> yaml.check()
                        .integer(v, "minutes", 0, Limits.MAX_LESSON_MINUTES, yaml.at(node))
                        .orElse(0))
                .orElse(0);
    }

    private void modules(Map<String, NodeTuple> fields, int top) {
        Optional<SequenceNode> list = yaml.required(fields, "modules", top).flatMap(n -> yaml.sequence(n, "modules"));
        if (list.isEmpty()) {
            return;
        }
        if (list.get().getValue().isEmpty()) {
            yaml.problem(yaml.line(list.get()), msg.missing_field("modules"));
        }
        Set<String> moduleIds = new HashSet<>();
        Set<String> lessonIds = new HashSet<>();
        for (Node item : list.get().getValue()) {
            Optional<MappingNode> module = yaml.mapping(item, "modules");
            if (module.isEmpty()) {
                continue;
            }
            Map<String, NodeTuple> m = yaml.fields(module.get(), MODULE_FIELDS);
            int at = yaml.line(module.get());
            String id = yaml.id(m, at, moduleIds, "id", msg::duplicate_id);
            Bilingual title = yaml.bilingual(m, "title", at, Limits.MAX_TITLE_LENGTH);
            List<LessonDefinition> lessons = new ArrayList<>();
            Optional<SequenceNode> lessonList =
                    yaml.required(m, "lessons", at).flatMap(n -> yaml.sequence(n, "lessons"));
            if (lessonList.isPresent() && lessonList.get().getValue().isEmpty()) {
                yaml.problem(yaml.line(lessonList.get()), msg.missing_field("lessons"));
            }
            for (Node lessonNode : lessonList.map(SequenceNode::getValue).orElse(List.of())) {
                yaml.mapping(lessonNode, "lessons")
                        .flatMap(l -> lesson(l, lessonIds))
                        .ifPresent(lessons::add);
            }
            modules.add(new ModuleDefinition(id, title.vi(), title.en(), lessons));
        }
    }

    private Optional<LessonDefinition> lesson(MappingNode node, Set<String> lessonIds) {
        Map<String, NodeTuple> l = yaml.fields(node, LESSON_FIELDS);
        int at = yaml.line(node);
        String id = yaml.id(l, at, lessonIds, "id", msg::duplicate_id);
        LessonKind kind = yaml.required(l, "kind", at)
                .flatMap(n -> yaml.text(n, "kind"))
                .filter(k -> yaml.check()
                        .oneOf(k, KINDS, "kind", yaml.at(l.get("kind").getValueNode())))
                .flatMap(k -> Coded.fromCode(LessonKind.class, k))
                .orElse(null);
        boolean required = Optional.ofNullable(l.get("required"))
                .map(t -> yaml.bool(t.getValueNode(), "required"))
                .orElse(true);
        int minutes = Optional.ofNullable(l.get("minutes"))
                .map(t -> minutes(yaml, t.getValueNode()))
                .orElse(0);
        if (kind == null) {
            return Optional.empty();
        }
        return switch (kind) {
            case TEXT -> TextLessonFile.read(l, at, id, required, yaml, files, msg);
            case VIDEO -> {
                Bilingual title = yaml.bilingual(l, "title", at, Limits.MAX_TITLE_LENGTH);
                String video = yaml.required(l, "video", at)
                        .flatMap(n -> files.relativePath(yaml, n, "video"))
                        .orElse(null);
                // captions: {vi: path, en: path}; like the video, the files may be absent (the lesson waits for them)
                Map<String, String> captions = new LinkedHashMap<>();
                Optional.ofNullable(l.get("captions"))
                        .flatMap(c -> yaml.mapping(c.getValueNode(), "captions"))
                        .ifPresent(m -> yaml.fields(m, Set.of("vi", "en"))
                                .forEach((lang, t) -> files.relativePath(yaml, t.getValueNode(), "captions." + lang)
                                        .ifPresent(p -> {
                                            captions.put(lang, p);
                                            files.optional(p);
                                        })));
                yield Optional.of(new LessonDefinition(
                        id, kind, title.vi(), title.en(), minutes, required, video, null, null, captions));
            }
            case QUIZ -> {
                Bilingual title = yaml.bilingual(l, "title", at, Limits.MAX_TITLE_LENGTH);
                String file = yaml.required(l, "file", at)
                        .flatMap(n -> files.existingFile(yaml, n, "file"))
                        .orElse(null);
                if (file != null) {
                    quiz(id, file, yaml.line(l.get("file").getValueNode()));
                }
                yield Optional.of(
                        new LessonDefinition(id, kind, title.vi(), title.en(), minutes, required, file, null));
            }
        };
    }

    /** A quiz lesson's file: its settings and question bank, checked here like the rest of the folder. */
    private void quiz(String lessonKey, String file, int referencedAt) {
        Source source = files.source(file);
        files.read(file, source, referencedAt).ifPresent(text -> {
            files.hash(file);
            files.hash(text);
            new QuizFile(new YamlReader(source, msg), msg)
                    .read(text)
                    .filter(q -> lessonKey != null)
                    .ifPresent(q -> quizzes.put(lessonKey, q));
        });
    }
}
