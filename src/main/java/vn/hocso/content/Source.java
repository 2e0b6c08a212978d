package vn.hocso.content;

import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/**
 * One file of a course folder, as problems name it: its path relative to the courses folder, and where its YAML
 * starts, so that a node's line is the line an author sees in the file. Problems go to the list of the whole
 * folder, which writes nothing when it is not empty.
 */
final class Source {

    private final String path;
    /** Lines above the YAML: 0 for a YAML file, 1 for front matter below the Markdown file's first "---". */
    private final int yamlOffset;

    private final List<ImportProblem> problems;

    Source(String path, List<ImportProblem> problems) {
        this(path, 0, problems);
    }

    private Source(String path, int yamlOffset, List<ImportProblem> problems) {
        this.path = path;
        this.yamlOffset = yamlOffset;
        this.problems = problems;
    }

    /** The same file, for YAML that starts {@code lines} lines below its top (the front matter of a lesson). */
    Source yamlBelow(int lines) {
        return new Source(path, lines, problems);
    }

    String path() {
        return path;
    }

    int yamlOffset() {
        return yamlOffset;
    }

    /** The 1-based line of the file where {@code node} starts. */
    int line(Node node) {
        return node.getStartMark().getLine() + 1 + yamlOffset;
    }

    /** Reports at a line of the file (1-based, counted from the top of the file). */
    void problem(int line, String message) {
        problems.add(new ImportProblem(path, line, message));
    }

    ProblemSink at(int line) {
        return message -> problem(line, message);
    }

    ProblemSink at(Node node) {
        return at(line(node));
    }
}
