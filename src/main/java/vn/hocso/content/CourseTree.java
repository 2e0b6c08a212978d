package vn.hocso.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the files of one course come from: a folder on disk (courses/), or files held in memory (a zip being
 * imported, a draft being checked). The importer reads both the same way, so a course is checked by one set of rules
 * whatever it comes from. Paths are relative to the course folder, with '/' between names.
 */
interface CourseTree {

    /** The bytes of the file at {@code path}; empty when there is no such file. */
    Optional<byte[]> read(String path) throws IOException;

    /** Where the file at {@code path} is: inside the course, outside it, behind a symbolic link, or missing. */
    InFolder.Verdict locate(String path);

    default boolean isFile(String path) {
        return locate(path) == InFolder.Verdict.INSIDE;
    }

    /** The course folder on disk. */
    static CourseTree folder(Path dir) {
        return new CourseTree() {
            @Override
            public Optional<byte[]> read(String path) throws IOException {
                Optional<Path> file = InFolder.regularFile(dir, path);
                return file.isPresent() ? Optional.of(Files.readAllBytes(file.get())) : Optional.empty();
            }

            @Override
            public InFolder.Verdict locate(String path) {
                return InFolder.check(dir, path);
            }
        };
    }

    /** Files in memory by path (a zip's entries under one course folder, a draft's files). */
    static CourseTree of(Map<String, byte[]> files) {
        Map<String, byte[]> copy = new LinkedHashMap<>(files);
        return new CourseTree() {
            @Override
            public Optional<byte[]> read(String path) {
                return Optional.ofNullable(copy.get(normal(path)));
            }

            @Override
            public InFolder.Verdict locate(String path) {
                String normal;
                try {
                    normal = normal(path);
                    if (Path.of(path).isAbsolute() || normal.equals("..") || normal.startsWith("../")) {
                        return InFolder.Verdict.OUTSIDE;
                    }
                } catch (RuntimeException e) { // a name no path can have (a NUL byte)
                    return InFolder.Verdict.OUTSIDE;
                }
                return copy.containsKey(normal) ? InFolder.Verdict.INSIDE : InFolder.Verdict.MISSING;
            }
        };
    }

    /** "lessons/./01.md" and "lessons/01.md" name the same file; the importer has already refused "../". */
    private static String normal(String path) {
        return Path.of(path).normalize().toString().replace('\\', '/');
    }
}
