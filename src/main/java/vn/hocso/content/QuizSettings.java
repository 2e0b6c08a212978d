package vn.hocso.content;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import vn.hocso.codes.Coded;
import vn.hocso.quiz.Counting;
import vn.hocso.quiz.QuizDefinition;
import vn.hocso.quiz.QuizDefinition.QuestionDefinition;
import vn.hocso.quiz.QuizDefinition.Settings;
import vn.hocso.quiz.ReviewPolicy;

/** The {@code settings} of a quiz file: how attempts are drawn, timed, limited and counted; every field optional. */
final class QuizSettings {

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

    private final YamlReader yaml;
    private final Fields check;
    private final ContentMessages msg;

    QuizSettings(YamlReader yaml, ContentMessages msg) {
        this.yaml = yaml;
        this.check = yaml.check();
        this.msg = msg;
    }

    /** Read after the questions: a draw is checked against the questions there are. */
    Settings read(NodeTuple tuple, List<QuestionDefinition> questions) {
        Map<String, NodeTuple> s = tuple == null
                ? Map.of()
                : yaml.mapping(tuple.getValueNode(), "settings")
                        .map(m -> yaml.fields(m, SETTINGS_FIELDS))
                        .orElse(Map.of());
        Integer drawCount = null;
        Map<String, Integer> drawByTag = new LinkedHashMap<>();
        if (s.containsKey("draw")) {
            Node draw = s.get("draw").getValueNode();
            if (draw instanceof MappingNode byTag) {
                for (NodeTuple t : byTag.getValue()) {
                    Optional<String> tag = yaml.text(t.getKeyNode(), "draw");
                    Integer count = integer(t.getValueNode(), "draw", 1, Limits.MAX_QUESTIONS, null);
                    if (tag.isPresent() && count != null) {
                        long available = questions.stream()
                                .filter(q -> q.tags().contains(tag.get()))
                                .count();
                        if (count > available) {
                            yaml.problem(
                                    yaml.line(t.getValueNode()), msg.quiz_draw_tag(tag.get(), count, (int) available));
                        }
                        drawByTag.put(tag.get(), count);
                    }
                }
            } else {
                drawCount = integer(draw, "draw", 1, Limits.MAX_QUESTIONS, null);
                if (drawCount != null && drawCount > questions.size() && !questions.isEmpty()) {
                    yaml.problem(yaml.line(draw), msg.quiz_draw_too_many(drawCount, questions.size()));
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
                Coded.fromCode(Counting.class, oneOf(s, "counting", QuizDefinition.COUNTING, "highest"))
                        .orElseThrow(),
                Coded.fromCode(ReviewPolicy.class, oneOf(s, "review", QuizDefinition.REVIEW, "mistakes"))
                        .orElseThrow());
    }

    private Integer integer(Map<String, NodeTuple> fields, String field, int min, int max, Integer absent) {
        NodeTuple tuple = fields.get(field);
        return tuple == null ? absent : integer(tuple.getValueNode(), field, min, max, absent);
    }

    /** Unlike a lesson's minutes, a list or mapping here is reported as out of range, not as "not text". */
    private Integer integer(Node node, String field, int min, int max, Integer fallback) {
        String value = node instanceof ScalarNode s ? s.getValue() : null;
        return check.integer(value, field, min, max, yaml.at(node)).orElse(fallback);
    }

    private boolean flag(Map<String, NodeTuple> fields, String field) {
        return !fields.containsKey(field) || yaml.bool(fields.get(field).getValueNode(), field);
    }

    private String oneOf(Map<String, NodeTuple> fields, String field, Set<String> allowed, String absent) {
        if (!fields.containsKey(field)) {
            return absent;
        }
        Node node = fields.get(field).getValueNode();
        return yaml.text(node, field)
                .filter(v -> check.oneOf(v, allowed, field, yaml.at(node)))
                .orElse(absent);
    }
}
