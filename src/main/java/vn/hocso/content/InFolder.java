package vn.hocso.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a file named by a course folder may be: inside that folder, reached without a symbolic link. A link (to a
 * file or a folder) could lead anywhere on the server, and "../" or an absolute path would too; such files are not
 * the course's and are never read.
 */
public final class InFolder {

    private InFolder() {}

    /** What {@link #check} found. */
    public enum Verdict {
        /** A regular file inside the folder, no link on the way. */
        INSIDE,
        /** Absolute, or "../" leads out of the folder. */
        OUTSIDE,
        /** A symbolic link on the way (the file itself or a folder above it). */
        SYMLINK,
        /** Nothing there, or not a regular file. */
        MISSING
    }

    public static Verdict check(Path dir, String relative) {
        Path path;
        try {
            path = Path.of(relative);
        } catch (RuntimeException e) {
            return Verdict.OUTSIDE;
        }
        Path base = dir.toAbsolutePath().normalize();
        Path target = base.resolve(path).normalize();
        if (path.isAbsolute() || !target.startsWith(base) || target.equals(base)) {
            return Verdict.OUTSIDE;
        }
        Path step = base;
        for (Path name : base.relativize(target)) {
            step = step.resolve(name);
            if (Files.isSymbolicLink(step)) {
                return Verdict.SYMLINK;
            }
        }
        if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            return Verdict.MISSING;
        }
        try {
            // the folder itself may be reached through a link (a deployment's choice); what is in it may not leave it
            if (!target.toRealPath().startsWith(base.toRealPath())) {
                return Verdict.OUTSIDE;
            }
        } catch (IOException e) {
            return Verdict.MISSING;
        }
        return Verdict.INSIDE;
    }

    /** The file, when {@link #check} says it is {@link Verdict#INSIDE}. */
    public static Optional<Path> regularFile(Path dir, String relative) {
        return check(dir, relative) == Verdict.INSIDE
                ? Optional.of(dir.resolve(relative).normalize())
                : Optional.empty();
    }
}
