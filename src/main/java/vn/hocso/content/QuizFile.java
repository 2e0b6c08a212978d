package vn.hocso.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import vn.hocso.codes.Coded;
import vn.hocso.quiz.QuestionType;
import vn.hocso.quiz.QuizDefinition;
import vn.hocso.quiz.QuizDefinition.OptionDefinition;
import vn.hocso.quiz.QuizDefinition.QuestionDefinition;
import vn.hocso.quiz.QuizDefinition.Settings;

/**
 * Reads the file a quiz lesson names: its settings and its question bank (format in courses/README.md). It is
 * checked with the rest of the course folder: its reader reports into the quiz file's {@link Source}, so its
 * problems carry the quiz file's name and line and stop the whole course like any other problem.
 */
final class QuizFile {

    private static final Set<String> TOP_FIELDS = Set.of("settings", "questions");
    private static final Set<String> QUESTION_FIELDS =
            Set.of("id", "type", "stem", "options", "answer", "answers", "feedback", "weight", "tags");
    private static final Set<String> OPTION_FIELDS = Set.of("id", "text", "correct");

    private final YamlReader yaml;
    private final Fields check;
    private final ContentMessages msg;

    QuizFile(YamlReader yaml, ContentMessages msg) {
        this.yaml = yaml;
        this.check = yaml.check();
        this.msg = msg;
    }

    /**
     * The quiz declared in {@code text}. Problems go to the folder, which then writes nothing; what is returned
     * alongside problems is never used.
     */
    Optional<QuizDefinition> read(String text) {
        Optional<MappingNode> top = yaml.parse(text).flatMap(n -> yaml.mapping(n, "quiz"));
        if (top.isEmpty()) {
            return Optional.empty();
        }
        Map<String, NodeTuple> fields = yaml.fields(top.get(), TOP_FIELDS);
        List<QuestionDefinition> questions = questions(fields, yaml.line(top.get()));
        Settings settings = new QuizSettings(yaml, msg).read(fields.get("settings"), questions);
        return Optional.of(new QuizDefinition(settings, questions));
    }

    private List<QuestionDefinition> questions(Map<String, NodeTuple> fields, int top) {
        List<QuestionDefinition> questions = new ArrayList<>();
        Optional<SequenceNode> list =
                yaml.required(fields, "questions", top).flatMap(n -> yaml.sequence(n, "questions"));
        if (list.isEmpty()) {
            return questions;
        }
        if (list.get().getValue().isEmpty()) {
            yaml.problem(yaml.line(list.get()), msg.missing_field("questions"));
        }
        if (list.get().getValue().size() > Limits.MAX_QUESTIONS) {
            yaml.problem(yaml.line(list.get()), msg.bad_value("questions", "1–" + Limits.MAX_QUESTIONS));
        }
        Set<String> ids = new HashSet<>();
        for (Node item : list.get().getValue()) {
            yaml.mapping(item, "questions").flatMap(q -> question(q, ids)).ifPresent(questions::add);
        }
        return questions;
    }

    private Optional<QuestionDefinition> question(MappingNode node, Set<String> ids) {
        Map<String, NodeTuple> q = yaml.fields(node, QUESTION_FIELDS);
        int at = yaml.line(node);
        String id = yaml.id(q, at, ids, "id", msg::quiz_duplicate_id);
        QuestionType type = yaml.required(q, "type", at)
                .flatMap(n -> yaml.text(n, "type"))
                .filter(t -> check.oneOf(
                        t, QuizDefinition.TYPES, "type", yaml.at(q.get("type").getValueNode())))
                .flatMap(t -> Coded.fromCode(QuestionType.class, t))
                .orElse(null);
        Bilingual stem = yaml.bilingual(q, "stem", at, Limits.MAX_STEM_LENGTH);
        Bilingual feedback =
                q.containsKey("feedback") ? yaml.bilingual(q, "feedback", at, Limits.MAX_STEM_LENGTH) : Bilingual.NONE;
        double weight = q.containsKey("weight") ? weight(q.get("weight").getValueNode()) : 1;
        List<String> tags = tags(q.get("tags"));
        if (type == null || id == null) {
            return Optional.empty();
        }
        for (String field : List.of("options", "answer", "answers")) {
            if (q.containsKey(field) && !expects(type, field)) {
                yaml.problem(yaml.line(q.get(field).getKeyNode()), msg.quiz_not_for_type(field, type.code()));
            }
        }
        List<OptionDefinition> options = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        switch (type) {
            case SINGLE, MULTIPLE -> options = options(q, at, type);
            case TRUE_FALSE -> {
                boolean answer = yaml.required(q, "answer", at)
                        .map(n -> yaml.bool(n, "answer"))
                        .orElse(true);
                options = List.of(
                        new OptionDefinition("true", null, null, answer),
                        new OptionDefinition("false", null, null, !answer));
            }
            case TEXT -> accepted = accepted(q, at);
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

    private static boolean expects(QuestionType type, String field) {
        return switch (field) {
            case "options" -> type == QuestionType.SINGLE || type == QuestionType.MULTIPLE;
            case "answer" -> type == QuestionType.TRUE_FALSE;
            default -> type == QuestionType.TEXT;
        };
    }

    private List<OptionDefinition> options(Map<String, NodeTuple> q, int at, QuestionType type) {
        List<OptionDefinition> options = new ArrayList<>();
        Optional<SequenceNode> list = yaml.required(q, "options", at).flatMap(n -> yaml.sequence(n, "options"));
        if (list.isEmpty()) {
            return options;
        }
        int listLine = yaml.line(list.get());
        int count = list.get().getValue().size();
        if (count < Limits.MIN_OPTIONS || count > Limits.MAX_OPTIONS) {
            yaml.problem(listLine, msg.quiz_options_count(Limits.MIN_OPTIONS, Limits.MAX_OPTIONS));
        }
        Set<String> ids = new HashSet<>();
        for (Node item : list.get().getValue()) {
            Optional<MappingNode> option = yaml.mapping(item, "options");
            if (option.isEmpty()) {
                continue;
            }
            Map<String, NodeTuple> o = yaml.fields(option.get(), OPTION_FIELDS);
            int oat = yaml.line(option.get());
            String id = yaml.id(o, oat, ids, "options.id", msg::quiz_duplicate_id);
            Bilingual text = yaml.bilingual(o, "text", oat, Limits.MAX_OPTION_LENGTH);
            boolean correct =
                    o.containsKey("correct") && yaml.bool(o.get("correct").getValueNode(), "correct");
            options.add(new OptionDefinition(id, text.vi(), text.en(), correct));
        }
        long correct = options.stream().filter(OptionDefinition::correct).count();
        if (type == QuestionType.SINGLE && correct != 1) {
            yaml.problem(listLine, msg.quiz_single_correct());
        } else if (type == QuestionType.MULTIPLE && correct < 1) {
            yaml.problem(listLine, msg.quiz_multiple_correct());
        }
        return options;
    }

    private List<String> accepted(Map<String, NodeTuple> q, int at) {
        List<String> accepted = new ArrayList<>();
        Optional<SequenceNode> list = yaml.required(q, "answers", at).flatMap(n -> yaml.sequence(n, "answers"));
        if (list.isEmpty()) {
            return accepted;
        }
        if (list.get().getValue().isEmpty() || list.get().getValue().size() > Limits.MAX_ACCEPTED_ANSWERS) {
            yaml.problem(yaml.line(list.get()), msg.bad_value("answers", "1–" + Limits.MAX_ACCEPTED_ANSWERS));
        }
        for (Node item : list.get().getValue()) {
            yaml.text(item, "answers").ifPresent(answer -> {
                ProblemSink sink = yaml.at(item);
                if (check.notBlank(answer, "answers", sink)
                        && check.atMost(answer, Limits.MAX_ANSWER_LENGTH, "answers", sink)) {
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
        for (Node item : yaml.sequence(tuple.getValueNode(), "tags")
                .map(SequenceNode::getValue)
                .orElse(List.of())) {
            yaml.text(item, "tags").ifPresent(tag -> {
                // a blank tag is reported as too long too: the message names the one rule, 1 to 64 characters
                if (tag.isBlank() || tag.length() > Limits.MAX_TAG_LENGTH) {
                    yaml.problem(yaml.line(item), msg.too_long("tags", Limits.MAX_TAG_LENGTH));
                } else if (!tags.contains(tag.strip())) {
                    tags.add(tag.strip());
                }
            });
        }
        return tags;
    }

    private double weight(Node node) {
        Optional<String> value = yaml.text(node, "weight");
        if (value.isPresent()) {
            try {
                double weight = Double.parseDouble(value.get());
                if (weight > 0 && weight <= Limits.MAX_WEIGHT) {
                    return weight;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            yaml.problem(yaml.line(node), msg.bad_value("weight", "0–" + Limits.MAX_WEIGHT));
        }
        return 1;
    }

    private static String html(String markdown) {
        return markdown == null ? null : MarkdownRenderer.toSafeHtml(markdown);
    }
}
