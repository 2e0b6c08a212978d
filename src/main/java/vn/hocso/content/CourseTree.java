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

    boolean isFile(String path);

    /** The course folder on disk. */
    static CourseTree folder(Path dir) {
        return new CourseTree() {
            @Override
            public Optional<byte[]> read(String path) throws IOException {
                Path file = dir.resolve(path);
                return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
            }

            @Override
            public boolean isFile(String path) {
                return Files.isRegularFile(dir.resolve(path));
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
            public boolean isFile(String path) {
                return copy.containsKey(normal(path));
            }
        };
    }

    /** "lessons/./01.md" and "lessons/01.md" name the same file; the importer has already refused "../". */
    private static String normal(String path) {
        return Path.of(path).normalize().toString().replace('\\', '/');
    }
}
