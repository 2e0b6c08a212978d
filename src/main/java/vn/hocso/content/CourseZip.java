package vn.hocso.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Courses as a zip: each course is a folder of the zip in the courses/ format. Reading refuses, before anything is
 * kept, a zip with more entries or more bytes than the limits allow, an entry that is a link, or a name that is
 * absolute or climbs out of its folder ("../"), so a zip cannot write or read anywhere else nor fill the memory.
 * Sizes are counted while inflating, never taken from the zip's own headers.
 */
final class CourseZip {

    /** Entries of one zip: three demo courses have about 40 files. */
    static final int MAX_ENTRIES = 1000;
    /** All files of the zip once inflated: text and captions, not videos (uploaded on the lesson's video page). */
    static final long MAX_TOTAL_BYTES = 50L * 1024 * 1024;
    /** One file once inflated. */
    static final long MAX_FILE_BYTES = 5L * 1024 * 1024;

    /** Why a zip was refused: a message key of {@link ContentMessages} and the entry it is about. */
    static final class Refused extends Exception {
        final String reason;
        final String entry;

        Refused(String reason, String entry) {
            super(reason + ": " + entry);
            this.reason = reason;
            this.entry = entry;
        }
    }

    private CourseZip() {}

    /** The course folders of the zip at {@code file}: folder name → (path in the folder → bytes), in zip order. */
    static Map<String, Map<String, byte[]>> read(Path file) throws Refused, IOException {
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
            if (entries.size() > MAX_ENTRIES) {
                throw new Refused("zip_too_many", String.valueOf(MAX_ENTRIES));
            }
            // every name is checked before any entry is inflated
            for (ZipArchiveEntry entry : entries) {
                checkName(entry);
            }
            Map<String, Map<String, byte[]>> folders = new LinkedHashMap<>();
            long total = 0;
            for (ZipArchiveEntry entry : entries) {
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName();
                int slash = name.indexOf('/');
                byte[] bytes = inflate(zip, entry, MAX_TOTAL_BYTES - total);
                total += bytes.length;
                if (folders.computeIfAbsent(name.substring(0, slash), k -> new LinkedHashMap<>())
                                .put(name.substring(slash + 1), bytes)
                        != null) {
                    throw new Refused("zip_duplicate", name);
                }
            }
            if (folders.isEmpty()) {
                throw new Refused("zip_empty", file.getFileName().toString());
            }
            return folders;
        } catch (IOException e) {
            if (e.getCause() instanceof Refused r) {
                throw r;
            }
            throw e;
        }
    }

    private static void checkName(ZipArchiveEntry entry) throws Refused {
        String name = entry.getName();
        if (entry.isUnixSymlink()) {
            throw new Refused("zip_link", name);
        }
        if (name.isEmpty()
                || name.startsWith("/")
                || name.contains("\\")
                || name.indexOf('\0') >= 0
                || name.matches("^[A-Za-z]:.*")) {
            throw new Refused("zip_outside", name);
        }
        for (String part : name.split("/")) {
            if (part.equals("..") || part.equals(".")) {
                throw new Refused("zip_outside", name);
            }
        }
        if (!entry.isDirectory() && name.indexOf('/') <= 0) {
            throw new Refused("zip_not_in_folder", name);
        }
    }

    /** The entry's bytes, refusing as soon as they pass the file limit or what is left of the total. */
    private static byte[] inflate(ZipFile zip, ZipArchiveEntry entry, long left) throws IOException, Refused {
        long max = Math.min(MAX_FILE_BYTES, left);
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE));
            if (bytes.length > max) {
                throw new Refused(left < MAX_FILE_BYTES ? "zip_too_large" : "zip_file_too_large", entry.getName());
            }
            return bytes;
        }
    }

    /** Writes the courses (folder name → path → text) as a zip to {@code out}. */
    static void write(Map<String, Map<String, String>> courses, OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, Map<String, String>> course : courses.entrySet()) {
                for (Map.Entry<String, String> file : course.getValue().entrySet()) {
                    ZipEntry entry = new ZipEntry(course.getKey() + "/" + file.getKey());
                    zip.putNextEntry(entry);
                    zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
        }
    }
}
