package vn.hocso.content;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The files of one course folder: each as a {@link Source} reporting into the folder's problems, read as UTF-8,
 * kept inside the folder, and hashed in the order they are read so that an unchanged folder is recognised.
 */
final class CourseFiles {

    static final String COURSE_FILE = "course.yaml";
    /** Bumped when rendering changes, so unchanged folders are rendered again once. */
    private static final String FORMAT_VERSION = "2";

    private final Path root;
    private final Path dir;
    private final ContentMessages msg;
    private final List<ImportProblem> problems = new ArrayList<>();
    private final MessageDigest digest;
    private final CourseTree tree;
    /** The text of every file read, by its path in the folder, in the order read: what export writes back. */
    private final Map<String, String> texts = new LinkedHashMap<>();

    CourseFiles(Path root, Path dir, ContentMessages msg) {
        this(root, dir, CourseTree.folder(dir), msg);
    }

    /** {@code dir} names the folder in problems and bounds its paths; its files are read from {@code tree}. */
    CourseFiles(Path root, Path dir, CourseTree tree, ContentMessages msg) {
        this.root = root;
        this.dir = dir;
        this.tree = tree;
        this.msg = msg;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        digest.update(FORMAT_VERSION.getBytes(StandardCharsets.UTF_8));
    }

    Path dir() {
        return dir;
    }

    List<ImportProblem> problems() {
        return problems;
    }

    /** {@code file}, a path inside the folder, as problems name it. */
    Source source(String file) {
        return new Source(root.relativize(dir.resolve(file)).toString().replace('\\', '/'), problems);
    }

    /**
     * The text of {@code source}'s file; a file that cannot be read is reported in it at {@code referencedAt}, the
     * line of the file that names it.
     */
    Optional<String> read(String file, Source source, int referencedAt) {
        Path path = dir.resolve(file);
        InFolder.Verdict verdict = tree.locate(file);
        if (verdict == InFolder.Verdict.SYMLINK) {
            source.problem(referencedAt, msg.file_symlink(source.path()));
            return Optional.empty();
        }
        if (verdict == InFolder.Verdict.OUTSIDE) {
            source.problem(referencedAt, msg.file_outside(source.path()));
            return Optional.empty();
        }
        try {
            byte[] bytes = tree.read(file).orElseThrow(() -> new IOException("no such file"));
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            // any file named course.yaml is hashed as it is read, as it always was: hashes of imported courses stay
            if (path.getFileName().toString().equals(COURSE_FILE)) {
                hash(text);
            }
            texts.put(file, text);
            return Optional.of(text);
        } catch (CharacterCodingException e) {
            source.problem(1, msg.yaml_invalid("not UTF-8"));
        } catch (IOException e) {
            source.problem(referencedAt, msg.file_missing(source.path()));
        }
        return Optional.empty();
    }

    /** A path inside the course folder; "../" or an absolute path would read files that are not the course's. */
    Optional<String> relativePath(YamlReader yaml, Node node, String field) {
        Optional<String> path = yaml.text(node, field);
        if (path.isEmpty()) {
            return path;
        }
        Path resolved = dir.resolve(path.get()).normalize();
        if (Path.of(path.get()).isAbsolute() || !resolved.startsWith(dir.normalize())) {
            yaml.problem(yaml.line(node), msg.file_outside(path.get()));
            return Optional.empty();
        }
        return path;
    }

    /** A regular file inside the course folder, reached without a symbolic link. */
    Optional<String> existingFile(YamlReader yaml, Node node, String field) {
        Optional<String> path = relativePath(yaml, node, field);
        if (path.isEmpty()) {
            return path;
        }
        switch (tree.locate(path.get())) {
            case INSIDE -> {
                return path;
            }
            case SYMLINK -> yaml.problem(yaml.line(node), msg.file_symlink(path.get()));
            case OUTSIDE -> yaml.problem(yaml.line(node), msg.file_outside(path.get()));
            case MISSING -> yaml.problem(yaml.line(node), msg.file_missing(path.get()));
        }
        return Optional.empty();
    }

    /**
     * The text of an optional file (a caption file, which may arrive later): read and hashed when it is there and
     * is UTF-8, silently absent otherwise.
     */
    void optional(String file) {
        try {
            Optional<byte[]> bytes = tree.read(file);
            if (bytes.isPresent()) {
                String text = StandardCharsets.UTF_8
                        .newDecoder()
                        .decode(ByteBuffer.wrap(bytes.get()))
                        .toString();
                hash(file);
                hash(text);
                texts.put(file, text);
            }
        } catch (IOException e) {
            // not there (yet), or not text: the lesson waits for its captions, as before
        }
    }

    /**
     * The text of a file that may be absent (a text lesson's English body): when it is there it is read, hashed and
     * kept for export like any file of the course, and a link, a path outside or a file that is not UTF-8 is a
     * problem; when it is not, nothing is hashed, so the folders of courses without one keep their hash.
     */
    Optional<String> ifPresent(String file) {
        if (tree.locate(file) == InFolder.Verdict.MISSING) {
            return Optional.empty();
        }
        Optional<String> text = read(file, source(file), 1);
        text.ifPresent(t -> {
            hash(file);
            hash(t);
        });
        return text;
    }

    Map<String, String> texts() {
        return texts;
    }

    void hash(String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    /** The hash of everything read; call once, at the end. */
    String sourceHash() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
