package vn.hocso.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.hocso.course.Course;

/**
 * Courses back to files (CAT-3 round trip): each course as its folder in the courses/ format, exactly the files it
 * was last imported or published from, so that importing the export changes nothing (same content hash). Video files
 * are not copied: course.yaml names them, and the object store keeps them.
 */
@ApplicationScoped
class CourseExport {

    /** A course folder's files by path; empty for a course never imported nor published. */
    Map<String, String> files(Course course) {
        return CourseFile.filesOf(course.id);
    }

    /** Every course that has files, by slug (the folder name). */
    Map<String, Map<String, String>> all() {
        Map<String, Map<String, String>> courses = new LinkedHashMap<>();
        Course.<Course>list("order by slug").forEach(c -> {
            Map<String, String> files = files(c);
            if (!files.isEmpty()) {
                courses.put(c.slug, files);
            }
        });
        return courses;
    }

    interface Body {
        void write(OutputStream out) throws IOException;
    }

    /** A download of {@code name}, written by {@code body} as the answer streams. */
    static Response download(String name, Body body) {
        StreamingOutput stream = body::write;
        return Response.ok(stream, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }
}
