package vn.hocso.content;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.jboss.logging.Logger;
import vn.hocso.config.HocsoConfig;

/** Runs the importer on the configured courses folder, at start-up and on an admin's request, and records it. */
@ApplicationScoped
class CourseImports {

    private static final Logger LOG = Logger.getLogger(CourseImports.class);

    @Inject
    CourseImporter importer;

    @Inject
    HocsoConfig config;

    void onStart(@Observes StartupEvent event) {
        if (config.courses().importAtStart()) {
            ContentImport run = run("start-up", MessageBundles.get(ContentMessages.class));
            LOG.infof(
                    "Courses imported from %s: %d created, %d updated, %d unchanged (%d of them kept as edited on the"
                            + " web), %d rejected",
                    folder(),
                    run.created,
                    run.updated,
                    run.unchanged,
                    run.report.count(ImportReport.Outcome.KEPT),
                    run.rejected);
            run.report.problems().forEach(p -> LOG.warnf("Course import problem: %s", p));
        }
    }

    ContentImport run(String startedBy, ContentMessages msg) {
        OffsetDateTime started = OffsetDateTime.now();
        ImportReport report = importer.importAll(folder(), msg);
        return QuarkusTransaction.requiringNew().call(() -> ContentImport.record(startedBy, started, report));
    }

    Path folder() {
        return Path.of(config.courses().dir()).toAbsolutePath().normalize();
    }
}
