package vn.hocso;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.i18n.MessageBundle;
import jakarta.inject.Named;
import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code: feature packages ({@code vn.hocso.<feature>}) depend on each other without cycles, counting
 * Java, templates and SQL; every table has one owning feature, the only one whose SQL names it (others read the views
 * it publishes); a page or API resource is reached by nobody and renders only its own feature's templates.
 */
class ArchitectureTest {

    private static final String ROOT = "vn.hocso";
    private static final java.nio.file.Path TEMPLATES = java.nio.file.Path.of("src/main/resources/templates");

    /**
     * The owner of every table and view the migrations create. A new table needs a line here: who owns it is a
     * decision, not an accident.
     */
    static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("org_unit", "org"),
            Map.entry("org_unit_change", "org"),
            Map.entry("unit_tree", "org"),
            Map.entry("person", "account"),
            Map.entry("person_in_unit", "account"),
            Map.entry("unit_admin_grant", "unitadmin"),
            Map.entry("roster_import", "unitadmin"),
            Map.entry("category", "course"),
            Map.entry("course", "course"),
            Map.entry("catalogue_version", "course"),
            Map.entry("course_module", "course"),
            Map.entry("lesson", "course"),
            Map.entry("course_author", "course"),
            Map.entry("lesson_in_course", "course"),
            Map.entry("enrolment", "enrolment"),
            Map.entry("wave", "enrolment"),
            Map.entry("wave_course", "enrolment"),
            Map.entry("wave_target", "enrolment"),
            Map.entry("assignment_due", "enrolment"),
            Map.entry("reminder_sent", "reminder"),
            Map.entry("course_enrolment", "enrolment"),
            Map.entry("lesson_progress", "progress"),
            Map.entry("completed_lesson", "progress"),
            Map.entry("content_import", "content"),
            Map.entry("course_file", "content"),
            Map.entry("course_draft", "content"),
            Map.entry("draft_file", "content"),
            Map.entry("course_change", "content"),
            Map.entry("job", "job"),
            Map.entry("video", "video"),
            Map.entry("lesson_video", "video"),
            Map.entry("video_caption", "video"),
            Map.entry("video_watch", "video"),
            Map.entry("video_watcher", "video"),
            Map.entry("heartbeat_bucket", "video"),
            Map.entry("ended_session", "account"),
            Map.entry("quiz", "quiz"),
            Map.entry("quiz_question", "quiz"),
            Map.entry("quiz_option", "quiz"),
            Map.entry("quiz_attempt", "quiz"),
            Map.entry("quiz_attempt_question", "quiz"),
            Map.entry("quiz_bank_version", "quiz"),
            Map.entry("certificate", "certificate"),
            Map.entry("certificate_signature", "certificate"),
            Map.entry("audit_log", "audit"),
            Map.entry("rate_limit", "web"),
            Map.entry("enrolment_status", "enrolment"),
            Map.entry("issued_certificate", "certificate"),
            Map.entry("live_certificate", "certificate"),
            Map.entry("course_title", "course"),
            Map.entry("catalogue_version_now", "course"),
            Map.entry("report_export", "report"),
            Map.entry("report_rollup", "report"),
            Map.entry("report_rollup_people", "report"),
            Map.entry("report_rollup_horizon", "report"),
            Map.entry("course_search", "course"),
            Map.entry("lesson_search", "course"),
            Map.entry("search_word", "course"));

    private static final Set<String> VIEWS = Set.of(
            "lesson_in_course",
            "course_enrolment",
            "completed_lesson",
            "unit_tree",
            "person_in_unit",
            "enrolment_status",
            "issued_certificate",
            "live_certificate",
            "course_title",
            "catalogue_version_now",
            "assignment_due");

    static JavaClasses app;
    static Set<String> relations;
    static List<FeatureGraph.SqlUse> sql;

    @BeforeAll
    static void importTheApp() {
        app = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        relations = FeatureGraph.relations(java.nio.file.Path.of("migrations"));
        sql = FeatureGraph.sqlUses(java.nio.file.Path.of("src/main/java"), ROOT, relations);
    }

    static FeatureGraph graphOfTheApp() {
        FeatureGraph graph = new FeatureGraph(ROOT).addJava(app);
        Map<String, String> beans = new TreeMap<>();
        Map<String, String> bundles = new TreeMap<>();
        for (JavaClass c : app) {
            c.tryGetAnnotationOfType(Named.class)
                    .ifPresent(named -> beans.put(named.value(), graph.featureOf(c.getName())));
            c.tryGetAnnotationOfType(MessageBundle.class)
                    .ifPresent(bundle -> bundles.put(bundle.value(), graph.featureOf(c.getName())));
        }
        graph.addTemplates(TEMPLATES, "web", beans, bundles);
        for (FeatureGraph.SqlUse use : sql) {
            graph.add(use.feature(), OWNERS.get(use.relation()), use.file() + " reads " + use.relation());
        }
        return graph;
    }

    @Test
    void featurePackagesDependOnEachOtherWithoutCyclesInJavaTemplatesOrSql() {
        FeatureGraph graph = graphOfTheApp();
        Optional<List<String>> cycle = graph.findCycle();
        assertTrue(cycle.isEmpty(), () -> "cycle between feature packages: " + graph.explain(cycle.get()));
    }

    @Test
    void aCycleInJavaIsFound() {
        FeatureGraph graph =
                new FeatureGraph("fixture.cyclic").addJava(new ClassFileImporter().importPackages("fixture.cyclic"));
        Optional<List<String>> cycle = graph.findCycle();
        assertEquals(Optional.of(List.of("a", "b", "a")), cycle);
        assertTrue(graph.explain(cycle.get()).contains("Gamma"), graph.explain(cycle.get()));
    }

    @Test
    void aCycleClosedByATagOfATemplateIsFound() {
        // b → a in Java only (Gamma); a → b only through a tag whose text uses b's message bundle
        FeatureGraph graph = new FeatureGraph("fixture.cyclic")
                .addJava(new ClassFileImporter().importClasses(fixture.cyclic.b.Gamma.class))
                .addTemplates(
                        java.nio.file.Path.of("src/test/resources/fixture/cyclic/templates"),
                        "a",
                        Map.of(),
                        Map.of("bmsg", "b"));
        Optional<List<String>> cycle = graph.findCycle();
        assertTrue(cycle.isPresent(), "no cycle found in " + graph.edges());
        assertTrue(graph.explain(cycle.get()).contains("tag widget"), graph.explain(cycle.get()));
    }

    @Test
    void everyTableAndViewHasAnOwner() {
        Set<String> unowned = new TreeSet<>(relations);
        unowned.removeAll(OWNERS.keySet());
        unowned.remove("flyway_schema_history");
        assertEquals(Set.of(), unowned, "add the owner of each new table or view to ArchitectureTest.OWNERS");
        assertTrue(relations.containsAll(VIEWS), "views named here exist in migrations/");
    }

    @Test
    void sqlNamesOnlyItsOwnFeaturesTablesAndReadsOthersOnlyThroughTheirViews() {
        List<String> violations = new ArrayList<>();
        for (FeatureGraph.SqlUse use : sql) {
            String owner = OWNERS.get(use.relation());
            if (owner.equals(use.feature())) {
                continue;
            }
            if (use.write()) {
                violations.add(use.file() + " writes " + use.relation() + ", owned by " + owner);
            } else if (!VIEWS.contains(use.relation())) {
                violations.add(
                        use.file() + " reads table " + use.relation() + " of " + owner + " (read a view it publishes)");
            }
        }
        assertEquals(List.of(), violations);
        assertTrue(
                sql.stream().anyMatch(u -> u.relation().equals("video_watch") && u.write()),
                "the SQL scanner still sees statements (the heartbeat writes video_watch)");
    }

    @Test
    void resourcesAreReachedOnlyOverHttp() {
        classes()
                .should(notReachResourcesOfAnotherFeature())
                .because("a page or API resource is an entry point; another feature asks its services or entities")
                .check(app);
        classes()
                .that()
                .areAnnotatedWith(Path.class)
                .should()
                .notBePublic()
                .because("resources are package-private: nothing outside their feature calls them")
                .check(app);
    }

    @Test
    void aFeatureRendersOnlyItsOwnTemplates() {
        classes()
                .that()
                .areAnnotatedWith(CheckedTemplate.class)
                .should(renderTemplatesOfTheirOwnFeature())
                .check(app);
    }

    private static ArchCondition<JavaClass> notReachResourcesOfAnotherFeature() {
        FeatureGraph graph = new FeatureGraph(ROOT);
        return new ArchCondition<>("not reach resources (@Path) of another feature") {
            @Override
            public void check(JavaClass source, ConditionEvents events) {
                String feature = graph.featureOf(source.getName());
                for (Dependency d : source.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass();
                    String other = graph.featureOf(target.getName());
                    if (other != null && !other.equals(feature) && target.isAnnotatedWith(Path.class)) {
                        events.add(SimpleConditionEvent.violated(source, d.getDescription()));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> renderTemplatesOfTheirOwnFeature() {
        FeatureGraph graph = new FeatureGraph(ROOT);
        return new ArchCondition<>("render templates of their own feature") {
            @Override
            public void check(JavaClass templates, ConditionEvents events) {
                String basePath =
                        templates.getAnnotationOfType(CheckedTemplate.class).basePath();
                String feature = graph.featureOf(templates.getName());
                boolean own = basePath.equals(feature);
                events.add(new SimpleConditionEvent(
                        templates,
                        own,
                        templates.getName() + " renders templates/" + basePath + " in feature " + feature));
            }
        };
    }
}
