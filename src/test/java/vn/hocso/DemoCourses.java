package vn.hocso;

import io.quarkus.qute.i18n.MessageBundles;
import java.nio.file.Path;
import vn.hocso.content.ContentMessages;
import vn.hocso.content.CourseImporter;
import vn.hocso.content.ImportReport;

/** The real demo courses of courses/, imported into the test database (idempotent: cheap after the first). */
public final class DemoCourses {

    public static final Path FOLDER = Path.of("courses");

    private DemoCourses() {}

    public static ImportReport ensureImported(CourseImporter importer) {
        ImportReport report = importer.importAll(FOLDER, MessageBundles.get(ContentMessages.class));
        if (!report.problems().isEmpty()) {
            throw new IllegalStateException("demo courses do not import: " + report.problems());
        }
        return report;
    }
}
