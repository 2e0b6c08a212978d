package vn.hocso.content;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
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

/**
 * Reads the YAML of one {@link Source} as nodes that keep their lines, and checks its shape (mappings, lists, text,
 * known fields); a problem is reported at the node's line of that file. Values are checked by {@link Fields}.
 */
final class YamlReader {

    private final Source source;
    private final ContentMessages msg;
    private final Fields check;

    YamlReader(Source source, ContentMessages msg) {
        this.source = source;
        this.msg = msg;
        this.check = new Fields(msg);
    }

    Source source() {
        return source;
    }

    Fields check() {
        return check;
    }

    int line(Node node) {
        return source.line(node);
    }

    ProblemSink at(Node node) {
        return source.at(node);
    }

    void problem(int line, String message) {
        source.problem(line, message);
    }

    /** The document in {@code text}, which starts at the source's YAML offset. */
    Optional<Node> parse(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(Limits.MAX_YAML_ALIASES);
        options.setCodePointLimit(Limits.MAX_YAML_CODE_POINTS);
        int offset = source.yamlOffset();
        try {
            Node node = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
            if (node == null) {
                problem(offset + 1, msg.yaml_invalid("empty"));
                return Optional.empty();
            }
            return Optional.of(node);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 1;
            problem(offset + line, msg.yaml_invalid(e.getProblem()));
        } catch (YAMLException e) {
            problem(offset + 1, msg.yaml_invalid(e.getMessage()));
        }
        return Optional.empty();
    }

    /** The fields of {@code node} by name; any name not in {@code known} is reported (a typo is not ignored). */
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

    /** The value of {@code field}, reported at {@code parentLine} when it is absent. */
    Optional<Node> required(Map<String, NodeTuple> fields, String field, int parentLine) {
        NodeTuple tuple = fields.get(field);
        if (tuple == null) {
            problem(parentLine, msg.missing_field(field));
            return Optional.empty();
        }
        return Optional.of(tuple.getValueNode());
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

    /** true or false; anything else is reported and read as true, the default of every flag. */
    boolean bool(Node node, String field) {
        return text(node, field).flatMap(v -> check.bool(v, field, at(node))).orElse(true);
    }

    /**
     * The required {@code id} of a module, lesson, question or option, checked against the ids {@code seen} so far;
     * returned even when it is wrong (the folder is rejected anyway). {@code field} names it in a not-text problem.
     */
    String id(
            Map<String, NodeTuple> fields,
            int parentLine,
            Set<String> seen,
            String field,
            Function<String, String> duplicate) {
        Optional<String> id = required(fields, "id", parentLine).flatMap(n -> text(n, field));
        id.ifPresent(
                value -> check.id(value, seen, duplicate, at(fields.get("id").getValueNode())));
        return id.orElse(null);
    }

    /** A required {vi, en} text; vi must not be blank, and neither may be longer than {@code max}. */
    Bilingual bilingual(Map<String, NodeTuple> fields, String field, int parentLine, int max) {
        Optional<MappingNode> map = required(fields, field, parentLine).flatMap(n -> mapping(n, field));
        if (map.isEmpty()) {
            return Bilingual.NONE;
        }
        Map<String, NodeTuple> langs = fields(map.get(), Set.of("vi", "en"));
        String vi = required(langs, "vi", line(map.get()))
                .flatMap(n -> text(n, field + ".vi"))
                .orElse(null);
        String en = Optional.ofNullable(langs.get("en"))
                .flatMap(t -> text(t.getValueNode(), field + ".en"))
                .orElse(null);
        if (vi != null) {
            ProblemSink at = at(langs.get("vi").getValueNode());
            // both are reported for a long blank text, as they always were
            check.notBlank(vi, field + ".vi", at);
            check.atMost(vi, max, field + ".vi", at);
        }
        if (en != null) {
            check.atMost(en, max, field + ".en", at(langs.get("en").getValueNode()));
        }
        return new Bilingual(vi == null ? null : vi.strip(), en == null || en.isBlank() ? null : en.strip());
    }
}
