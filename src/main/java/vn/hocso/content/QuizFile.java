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
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import vn.hocso.quiz.QuizDefinition;
import vn.hocso.quiz.QuizDefinition.OptionDefinition;
import vn.hocso.quiz.QuizDefinition.QuestionDefinition;
import vn.hocso.quiz.QuizDefinition.Settings;

/**
 * Reads the file a quiz lesson names: its settings and its question bank (format in courses/README.md). It is
 * checked with the rest of the course folder, through the folder's YAML helpers, so its problems carry the quiz
 * file's name and line and stop the whole course like any other problem.
 */
final class QuizFile {

    private static final Set<String> TOP_FIELDS = Set.of("settings", "questions");
    private static final Set<String> SETTINGS_FIELDS = Set.of(
            "draw",
            "shuffleQuestions",
            "shuffleOptions",
            "timeLimitMinutes",
            "maxAttempts",
            "delayMinutes",
            "passPercent",
            "counting",
            "review");
    private static final Set<String> QUESTION_FIELDS =
            Set.of("id", "type", "stem", "options", "answer", "answers", "feedback", "weight", "tags");
    private static final Set<String> OPTION_FIELDS = Set.of("id", "text", "correct");

    private final CourseFolder folder;
    private final ContentMessages msg;

    QuizFile(CourseFolder folder, ContentMessages msg) {
        this.folder = folder;
        this.msg = msg;
    }

    /**
     * The quiz declared in {@code yaml}. Problems go to the folder, which then writes nothing; what is returned
     * alongside problems is never used.
     */
    Optional<QuizDefinition> read(String yaml) {
        Optional<MappingNode> top = folder.parseYaml(yaml, 0).flatMap(n -> folder.mapping(n, "quiz"));
        if (top.isEmpty()) {
            return Optional.empty();
        }
        Map<String, NodeTuple> fields = folder.fields(top.get(), TOP_FIELDS);
        List<QuestionDefinition> questions = questions(fields, folder.line(top.get()));
        Settings settings = settings(fields.get("settings"), questions);
        return Optional.of(new QuizDefinition(settings, questions));
    }

    private Settings settings(NodeTuple tuple, List<QuestionDefinition> questions) {
        Map<String, NodeTuple> s = tuple == null
                ? Map.of()
                : folder.mapping(tuple.getValueNode(), "settings")
                        .map(m -> folder.fields(m, SETTINGS_FIELDS))
                        .orElse(Map.of());
        Integer drawCount = null;
        Map<String, Integer> drawByTag = new LinkedHashMap<>();
        if (s.containsKey("draw")) {
            Node draw = s.get("draw").getValueNode();
            if (draw instanceof MappingNode byTag) {
                for (NodeTuple t : byTag.getValue()) {
                    Optional<String> tag = folder.text(t.getKeyNode(), "draw");
                    Integer count = integer(t.getValueNode(), "draw", 1, Limits.MAX_QUESTIONS, null);
                    if (tag.isPresent() && count != null) {
                        long available = questions.stream()
                                .filter(q -> q.tags().contains(tag.get()))
                                .count();
                        if (count > available) {
                            folder.problem(folder.line(t.getValueNode()), msg.quiz_draw_tag(tag.get(), count, (int)
                                    available));
                        }
                        drawByTag.put(tag.get(), count);
                    }
                }
            } else {
                drawCount = integer(draw, "draw", 1, Limits.MAX_QUESTIONS, null);
                if (drawCount != null && drawCount > questions.size() && !questions.isEmpty()) {
                    folder.problem(folder.line(draw), msg.quiz_draw_too_many(drawCount, questions.size()));
                }
            }
        }
        return new Settings(
                drawCount,
                drawByTag,
                flag(s, "shuffleQuestions"),
                flag(s, "shuffleOptions"),
                integer(s, "timeLimitMinutes", 1, Limits.MAX_TIME_LIMIT_MINUTES, null),
                integer(s, "maxAttempts", 1, Limits.MAX_ATTEMPTS, null),
                integer(s, "delayMinutes", 0, Limits.MAX_DELAY_MINUTES, 0),
                integer(s, "passPercent", 0, 100, Limits.DEFAULT_PASS_PERCENT),
                oneOf(s, "counting", QuizDefinition.COUNTING, "highest"),
                oneOf(s, "review", QuizDefinition.REVIEW, "mistakes"));
    }

    private List<QuestionDefinition> questions(Map<String, NodeTuple> fields, int top) {
        List<QuestionDefinition> questions = new ArrayList<>();
        Optional<SequenceNode> list =
                folder.required(fields, "questions", top).flatMap(n -> folder.sequence(n, "questions"));
        if (list.isEmpty()) {
            return questions;
        }
        if (list.get().getValue().isEmpty()) {
            folder.problem(folder.line(list.get()), msg.missing_field("questions"));
        }
        if (list.get().getValue().size() > Limits.MAX_QUESTIONS) {
            folder.problem(folder.line(list.get()), msg.bad_value("questions", "1–" + Limits.MAX_QUESTIONS));
        }
        Set<String> ids = new HashSet<>();
        for (Node item : list.get().getValue()) {
            folder.mapping(item, "questions").flatMap(q -> question(q, ids)).ifPresent(questions::add);
        }
        return questions;
    }

    private Optional<QuestionDefinition> question(MappingNode node, Set<String> ids) {
        Map<String, NodeTuple> q = folder.fields(node, QUESTION_FIELDS);
        int at = folder.line(node);
        String id = id(q, at, ids, "id");
        String type = folder.required(q, "type", at)
                .flatMap(n -> folder.text(n, "type"))
                .orElse(null);
        if (type != null && !QuizDefinition.TYPES.contains(type)) {
            folder.problem(
                    folder.line(q.get("type").getValueNode()),
                    msg.bad_value(
                            "type",
                            String.join(
                                    ", ", QuizDefinition.TYPES.stream().sorted().toList())));
            type = null;
        }
        CourseFolder.Bilingual stem = folder.bilingual(q, "stem", at, Limits.MAX_STEM_LENGTH);
        CourseFolder.Bilingual feedback = q.containsKey("feedback")
                ? folder.bilingual(q, "feedback", at, Limits.MAX_STEM_LENGTH)
                : new CourseFolder.Bilingual(null, null);
        double weight = q.containsKey("weight") ? weight(q.get("weight").getValueNode()) : 1;
        List<String> tags = tags(q.get("tags"));
        if (type == null || id == null) {
            return Optional.empty();
        }
        for (String field : List.of("options", "answer", "answers")) {
            if (q.containsKey(field) && !expects(type, field)) {
                folder.problem(folder.line(q.get(field).getKeyNode()), msg.quiz_not_for_type(field, type));
            }
        }
        List<OptionDefinition> options = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        switch (type) {
            case QuizDefinition.SINGLE, QuizDefinition.MULTIPLE -> options = options(q, at, type);
            case QuizDefinition.TRUE_FALSE -> {
                boolean answer = folder.required(q, "answer", at)
                        .map(n -> folder.bool(n, "answer"))
                        .orElse(true);
                options = List.of(
                        new OptionDefinition("true", null, null, answer),
                        new OptionDefinition("false", null, null, !answer));
            }
            default -> accepted = accepted(q, at);
        }
        return Optional.of(new QuestionDefinition(
                id,
                type,
                html(stem.vi()),
                html(stem.en()),
                html(feedback.vi()),
                html(feedback.en()),
                weight,
                tags,
                accepted,
                options));
    }

    private static boolean expects(String type, String field) {
        return switch (field) {
            case "options" -> type.equals(QuizDefinition.SINGLE) || type.equals(QuizDefinition.MULTIPLE);
            case "answer" -> type.equals(QuizDefinition.TRUE_FALSE);
            default -> type.equals(QuizDefinition.TEXT);
        };
    }

    private List<OptionDefinition> options(Map<String, NodeTuple> q, int at, String type) {
        List<OptionDefinition> options = new ArrayList<>();
        Optional<SequenceNode> list = folder.required(q, "options", at).flatMap(n -> folder.sequence(n, "options"));
        if (list.isEmpty()) {
            return options;
        }
        int listLine = folder.line(list.get());
        if (list.get().getValue().size() < Limits.MIN_OPTIONS
                || list.get().getValue().size() > Limits.MAX_OPTIONS) {
            folder.problem(listLine, msg.quiz_options_count(Limits.MIN_OPTIONS, Limits.MAX_OPTIONS));
        }
        Set<String> ids = new HashSet<>();
        for (Node item : list.get().getValue()) {
            Optional<MappingNode> option = folder.mapping(item, "options");
            if (option.isEmpty()) {
                continue;
            }
            Map<String, NodeTuple> o = folder.fields(option.get(), OPTION_FIELDS);
            int oat = folder.line(option.get());
            String id = id(o, oat, ids, "options.id");
            CourseFolder.Bilingual text = folder.bilingual(o, "text", oat, Limits.MAX_OPTION_LENGTH);
            boolean correct =
                    o.containsKey("correct") && folder.bool(o.get("correct").getValueNode(), "correct");
            options.add(new OptionDefinition(id, text.vi(), text.en(), correct));
        }
        long correct = options.stream().filter(OptionDefinition::correct).count();
        if (type.equals(QuizDefinition.SINGLE) && correct != 1) {
            folder.problem(listLine, msg.quiz_single_correct());
        } else if (type.equals(QuizDefinition.MULTIPLE) && correct < 1) {
            folder.problem(listLine, msg.quiz_multiple_correct());
        }
        return options;
    }

    private List<String> accepted(Map<String, NodeTuple> q, int at) {
        List<String> accepted = new ArrayList<>();
        Optional<SequenceNode> list = folder.required(q, "answers", at).flatMap(n -> folder.sequence(n, "answers"));
        if (list.isEmpty()) {
            return accepted;
        }
        if (list.get().getValue().isEmpty() || list.get().getValue().size() > Limits.MAX_ACCEPTED_ANSWERS) {
            folder.problem(folder.line(list.get()), msg.bad_value("answers", "1–" + Limits.MAX_ACCEPTED_ANSWERS));
        }
        for (Node item : list.get().getValue()) {
            folder.text(item, "answers").ifPresent(answer -> {
                if (answer.isBlank()) {
                    folder.problem(folder.line(item), msg.missing_field("answers"));
                } else if (answer.length() > Limits.MAX_ANSWER_LENGTH) {
                    folder.problem(folder.line(item), msg.too_long("answers", Limits.MAX_ANSWER_LENGTH));
                } else {
                    accepted.add(answer.strip());
                }
            });
        }
        return accepted;
    }

    private List<String> tags(NodeTuple tuple) {
        List<String> tags = new ArrayList<>();
        if (tuple == null) {
            return tags;
        }
        for (Node item : folder.sequence(tuple.getValueNode(), "tags")
                .map(SequenceNode::getValue)
                .orElse(List.of())) {
            folder.text(item, "tags").ifPresent(tag -> {
                if (tag.isBlank() || tag.length() > Limits.MAX_TAG_LENGTH) {
                    folder.problem(folder.line(item), msg.too_long("tags", Limits.MAX_TAG_LENGTH));
                } else if (!tags.contains(tag.strip())) {
                    tags.add(tag.strip());
                }
            });
        }
        return tags;
    }

    private String id(Map<String, NodeTuple> fields, int at, Set<String> seen, String field) {
        Optional<String> id = folder.required(fields, "id", at).flatMap(n -> folder.text(n, field));
        if (id.isEmpty()) {
            return null;
        }
        int idLine = folder.line(fields.get("id").getValueNode());
        if (!CourseFolder.ID.matcher(id.get()).matches() || id.get().length() > Limits.MAX_ID_LENGTH) {
            folder.problem(idLine, msg.bad_id(id.get()));
        } else if (!seen.add(id.get())) {
            folder.problem(idLine, msg.quiz_duplicate_id(id.get()));
        }
        return id.get();
    }

    private double weight(Node node) {
        Optional<String> value = folder.text(node, "weight");
        if (value.isPresent()) {
            try {
                double weight = Double.parseDouble(value.get());
                if (weight > 0 && weight <= Limits.MAX_WEIGHT) {
                    return weight;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            folder.problem(folder.line(node), msg.bad_value("weight", "0–" + Limits.MAX_WEIGHT));
        }
        return 1;
    }

    private Integer integer(Map<String, NodeTuple> fields, String field, int min, int max, Integer absent) {
        NodeTuple tuple = fields.get(field);
        return tuple == null ? absent : integer(tuple.getValueNode(), field, min, max, absent);
    }

    private Integer integer(Node node, String field, int min, int max, Integer fallback) {
        Optional<String> value = node instanceof ScalarNode ? folder.text(node, field) : Optional.empty();
        if (value.isPresent()) {
            try {
                int number = Integer.parseInt(value.get());
                if (number >= min && number <= max) {
                    return number;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        folder.problem(folder.line(node), msg.bad_value(field, min + "–" + max));
        return fallback;
    }

    private boolean flag(Map<String, NodeTuple> fields, String field) {
        return !fields.containsKey(field) || folder.bool(fields.get(field).getValueNode(), field);
    }

    private String oneOf(Map<String, NodeTuple> fields, String field, Set<String> allowed, String absent) {
        if (!fields.containsKey(field)) {
            return absent;
        }
        Node node = fields.get(field).getValueNode();
        Optional<String> value = folder.text(node, field);
        if (value.isPresent() && allowed.contains(value.get())) {
            return value.get();
        }
        value.ifPresent(v -> folder.problem(
                folder.line(node),
                msg.bad_value(field, String.join(", ", allowed.stream().sorted().toList()))));
        return absent;
    }

    private static String html(String markdown) {
        return markdown == null ? null : MarkdownRenderer.toSafeHtml(markdown);
    }
}
