package vn.hocso.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12: a zip of courses is refused, before anything is kept, when it could escape, link, or explode. */
class CourseZipTest {

    @TempDir
    Path dir;

    private Path zip(Entry... entries) throws IOException {
        Path file = dir.resolve("courses-" + System.nanoTime() + ".zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(file)) {
            for (Entry e : entries) {
                ZipArchiveEntry entry = new ZipArchiveEntry(e.name);
                if (e.link) {
                    entry.setUnixMode(0120777);
                }
                out.putArchiveEntry(entry);
                e.body.write(out);
                out.closeArchiveEntry();
            }
        }
        return file;
    }

    interface Body {
        void write(OutputStream out) throws IOException;
    }

    record Entry(String name, boolean link, Body body) {
        static Entry of(String name, String text) {
            return new Entry(name, false, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private String refusal(Path zip) {
        return assertThrows(CourseZip.Refused.class, () -> CourseZip.read(zip)).reason;
    }

    @Test
    void coursesAreReadAsFoldersOfTheZip() throws Exception {
        Map<String, Map<String, byte[]>> folders = CourseZip.read(zip(
                Entry.of("mot/course.yaml", "title: 1"),
                Entry.of("mot/lessons/01.md", "x"),
                Entry.of("hai/course.yaml", "title: 2")));
        assertEquals(List.of("mot", "hai"), List.copyOf(folders.keySet()));
        assertArrayEquals(
                "x".getBytes(StandardCharsets.UTF_8), folders.get("mot").get("lessons/01.md"));
    }

    @Test
    void aNameThatClimbsOutOfItsFolderIsRefused() throws IOException {
        assertEquals("zip_outside", refusal(zip(Entry.of("mot/../../etc/cron.d/x", "x"))));
        assertEquals("zip_outside", refusal(zip(Entry.of("../x/course.yaml", "x"))));
    }

    @Test
    void anAbsoluteNameIsRefused() throws IOException {
        assertEquals("zip_outside", refusal(zip(Entry.of("/etc/passwd", "x"))));
        assertEquals("zip_outside", refusal(zip(Entry.of("C:/Windows/x", "x"))));
        assertEquals("zip_outside", refusal(zip(Entry.of("mot\\..\\..\\x", "x"))));
    }

    @Test
    void aSymlinkEntryIsRefused() throws IOException {
        assertEquals(
                "zip_link",
                refusal(zip(
                        Entry.of("mot/course.yaml", "title: 1"),
                        new Entry("mot/lessons/01.md", true, out -> out.write("/etc/passwd".getBytes())))));
    }

    @Test
    void aFileOutsideAnyCourseFolderIsRefused() throws IOException {
        assertEquals("zip_not_in_folder", refusal(zip(Entry.of("course.yaml", "title: 1"))));
    }

    @Test
    void tooManyEntriesAreRefusedBeforeAnyIsRead() throws IOException {
        Entry[] many = new Entry[CourseZip.MAX_ENTRIES + 1];
        for (int i = 0; i < many.length; i++) {
            many[i] = Entry.of("mot/f" + i + ".md", "");
        }
        assertEquals("zip_too_many", refusal(zip(many)));
    }

    @Test
    void aZipBombIsRefusedByTheBytesItInflatesTo() throws IOException {
        // 6 MB of zeros compress to a few kilobytes
        Body zeros = out -> {
            byte[] block = new byte[1024 * 1024];
            for (int i = 0; i < 6; i++) {
                out.write(block);
            }
        };
        Path bomb = zip(new Entry("mot/course.yaml", false, zeros));
        assertEquals(true, Files.size(bomb) < 100_000);
        assertEquals("zip_file_too_large", refusal(bomb));
        // many files each under the limit, together over it
        Entry[] parts = new Entry[12];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = new Entry("mot/part" + i + ".md", false, out -> {
                byte[] block = new byte[1024 * 1024];
                for (int k = 0; k < 4; k++) {
                    out.write(block);
                }
                out.write(new byte[1024 * 1024 - 1]);
            });
        }
        assertEquals("zip_too_large", refusal(zip(parts)));
    }

    @Test
    void theSameNameTwiceIsRefused() throws IOException {
        assertEquals("zip_duplicate", refusal(zip(Entry.of("mot/course.yaml", "a"), Entry.of("mot/course.yaml", "b"))));
        assertEquals("zip_outside", refusal(zip(Entry.of("mot/./course.yaml", "a"))));
    }
}
