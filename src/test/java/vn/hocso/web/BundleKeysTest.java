package vn.hocso.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BundleKeysTest {

    private static final Path MESSAGES = Path.of("src/main/resources/messages");

    @Test
    void everyVietnameseBundleHasAnEnglishTwinWithTheSameKeys() throws IOException {
        List<Path> vietnamese;
        try (Stream<Path> files = Files.list(MESSAGES)) {
            vietnamese = files.filter(p -> p.getFileName().toString().endsWith("_vi.properties"))
                    .sorted()
                    .toList();
        }
        assertFalse(vietnamese.isEmpty(), "no message bundles found in " + MESSAGES);
        for (Path vi : vietnamese) {
            Path en = vi.resolveSibling(vi.getFileName().toString().replace("_vi.properties", "_en.properties"));
            assertTrue(Files.exists(en), vi + " has no English twin");
            assertEquals(keys(vi), keys(en), "keys differ between " + vi.getFileName() + " and " + en.getFileName());
        }
    }

    @Test
    void noBundleHasAnEmptyMessage() throws IOException {
        try (Stream<Path> files = Files.list(MESSAGES)) {
            for (Path file : files.toList()) {
                Properties p = load(file);
                p.forEach((k, v) -> assertFalse(v.toString().isBlank(), file.getFileName() + ": " + k + " is empty"));
            }
        }
    }

    private static Set<String> keys(Path file) throws IOException {
        return new TreeSet<>(load(file).stringPropertyNames());
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }
}
