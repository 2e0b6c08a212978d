package vn.hocso.content;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import vn.hocso.content.CourseDefinition.LessonDefinition;
import vn.hocso.course.LessonKind;

/**
 * A text lesson's Markdown file: front matter (title, minutes) between two "---" lines, then the body, rendered to
 * safe HTML here, once. Its title lives in the front matter, so a title in course.yaml is an error. Its English body,
 * when the trainer wrote one, is the Markdown file of the same name ending in ".en.md" beside it (body only).
 */
final class TextLessonFile {

    private static final Set<String> FRONT_MATTER_FIELDS = Set.of("title", "minutes");

    private TextLessonFile() {}

    /** The lesson declared by {@code l}, a lesson of course.yaml read with {@code courseYaml}. */
    static Optional<LessonDefinition> read(
            Map<String, NodeTuple> l,
            int at,
            String id,
            boolean required,
            YamlReader courseYaml,
            CourseFiles files,
            ContentMessages msg) {
        if (l.containsKey("title")) {
            courseYaml.problem(courseYaml.line(l.get("title").getKeyNode()), msg.unknown_field("title"));
        }
        Optional<String> file =
                courseYaml.required(l, "file", at).flatMap(n -> files.existingFile(courseYaml, n, "file"));
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Source source = files.source(file.get());
        Optional<String> markdown =
                files.read(file.get(), source, courseYaml.line(l.get("file").getValueNode()));
        if (markdown.isEmpty()) {
            return Optional.empty();
        }
        files.hash(file.get());
        files.hash(markdown.get());
        String text = markdown.get().replace("\r\n", "\n");
        int end = text.startsWith("---\n") ? text.indexOf("\n---", 3) : -1;
        if (end < 0) {
            source.problem(1, msg.front_matter_missing());
            return Optional.empty();
        }
        String front = text.substring(4, end + 1);
        int bodyStart = text.indexOf('\n', end + 1);
        String body = bodyStart < 0 ? "" : text.substring(bodyStart + 1);
        // the front matter starts on line 2 of the file
        YamlReader yaml = new YamlReader(source.yamlBelow(1), msg);
        Optional<MappingNode> meta = yaml.parse(front).flatMap(n -> yaml.mapping(n, "front matter"));
        if (meta.isEmpty()) {
            return Optional.empty();
        }
        Map<String, NodeTuple> fm = yaml.fields(meta.get(), FRONT_MATTER_FIELDS);
        courseYaml.check().atMost(body, Limits.MAX_LESSON_BODY_LENGTH, "body", source.at(1));
        Bilingual title = yaml.bilingual(fm, "title", 1, Limits.MAX_TITLE_LENGTH);
        String englishFile = englishFile(file.get());
        Optional<String> english = files.ifPresent(englishFile).map(t -> t.replace("\r\n", "\n"));
        english.ifPresent(t -> courseYaml
                .check()
                .atMost(
                        t,
                        Limits.MAX_LESSON_BODY_LENGTH,
                        "body.en",
                        files.source(englishFile).at(1)));
        int minutes = Optional.ofNullable(fm.get("minutes"))
                .map(t -> Outline.minutes(yaml, t.getValueNode()))
                .orElse(0);
        return Optional.of(new LessonDefinition(
                id,
                LessonKind.TEXT,
                title.vi(),
                title.en(),
                minutes,
                required,
                file.get(),
                MarkdownRenderer.toSafeHtml(body),
                english.filter(t -> !t.isBlank())
                        .map(MarkdownRenderer::toSafeHtml)
                        .orElse(null),
                Map.of()));
    }

    /** "lessons/01-bat-dau.md" → "lessons/01-bat-dau.en.md". */
    static String englishFile(String file) {
        return (file.endsWith(".md") ? file.substring(0, file.length() - 3) : file) + ".en.md";
    }
}
