package vn.hocso.content;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import vn.hocso.account.TargetGroup;
import vn.hocso.content.CourseDefinition.LessonDefinition;
import vn.hocso.content.CourseDefinition.ModuleDefinition;
import vn.hocso.content.ImportReport.CourseOutcome;
import vn.hocso.content.ImportReport.Outcome;
import vn.hocso.course.Category;
import vn.hocso.course.Course;
import vn.hocso.course.CourseAuthor;
import vn.hocso.course.CourseModule;
import vn.hocso.course.CourseSearchIndex;
import vn.hocso.course.Lesson;
import vn.hocso.quiz.QuizImport;

/**
 * Imports the courses folder. Every folder is read and checked completely before anything is written; each
 * valid course is then written in its own transaction, so a broken course leaves no trace and does not stop
 * the others. Importing is idempotent: an unchanged folder is skipped by its content hash, a changed one is
 * updated in place, matching modules and lessons by their stable ids.
 */
@ApplicationScoped
public class CourseImporter {

    private static final Logger LOG = Logger.getLogger(CourseImporter.class);

    @Inject
    MeterRegistry registry;

    /** The import counters exist from the start, at zero. */
    void onStart(@Observes StartupEvent event) {
        for (Outcome outcome : Outcome.values()) {
            registry.counter("hocso.course.imports", "outcome", outcome.name().toLowerCase(Locale.ROOT));
        }
    }

    @Inject
    EntityManager em;

    @Inject
    CourseSearchIndex searchIndex;

    @Inject
    Event<CourseImported> imported;

    @Inject
    QuizImport quizImport;

    public ImportReport importAll(Path root, ContentMessages msg) {
        if (!Files.isDirectory(root)) {
            return new ImportReport(List.of(new CourseOutcome(
                    root.toString(),
                    null,
                    Outcome.REJECTED,
                    List.of(new ImportProblem(root.toString(), 0, msg.folder_missing(root.toString()))))));
        }
        List<Candidate> candidates = courseFolders(root).stream()
                .map(dir -> new Candidate(dir, CourseTree.folder(dir)))
                .toList();
        return run(root, candidates, true, true, msg);
    }

    /**
     * The courses of an uploaded zip (folder name → its files by path), checked by the same rules as a folder on disk;
     * written only when {@code write} is true, otherwise the report says what an import would do (the dry run).
     */
    public ImportReport importFiles(Map<String, Map<String, byte[]>> folders, boolean write, ContentMessages msg) {
        Path root = Path.of("zip");
        List<Candidate> candidates = folders.entrySet().stream()
                .map(e -> new Candidate(root.resolve(e.getKey()), CourseTree.of(e.getValue())))
                .toList();
        return run(root, candidates, write, false, msg);
    }

    /** A course folder to import: its name under the root, and where its files are read from. */
    private record Candidate(Path dir, CourseTree tree) {}

    /** {@code onDisk}: the candidates are folders on disk (else a zip's files, held in memory). */
    private ImportReport run(
            Path root, List<Candidate> candidates, boolean write, boolean onDisk, ContentMessages msg) {
        Set<String> categories = QuarkusTransaction.requiringNew()
                .call(() ->
                        Category.<Category>listAll().stream().map(c -> c.code).collect(Collectors.toSet()));
        List<CourseFolder.Result> results = candidates.stream()
                .map(c -> CourseFolder.read(root, c.dir(), c.tree(), categories, msg))
                .toList();
        List<CourseOutcome> outcomes = new ArrayList<>();
        for (CourseFolder.Result result : results) {
            List<ImportProblem> problems = new ArrayList<>(result.problems());
            duplicates(result, results, root, msg).forEach(problems::add);
            String folder = root.relativize(result.folder()).toString();
            if (!problems.isEmpty() || result.definition().isEmpty()) {
                outcomes.add(new CourseOutcome(folder, result.slug(), Outcome.REJECTED, problems));
                continue;
            }
            if (!write) {
                outcomes.add(new CourseOutcome(
                        folder, result.slug(), wouldBe(result.definition().get()), List.of()));
                continue;
            }
            try {
                String origin = onDisk ? CourseChange.FROM_FOLDER : CourseChange.FROM_ZIP;
                Outcome outcome = QuarkusTransaction.requiringNew()
                        .call(() -> write(result.definition().get(), origin));
                if (outcome == Outcome.KEPT) {
                    String file = folder + "/" + CourseFolder.COURSE_FILE;
                    outcomes.add(new CourseOutcome(
                            folder,
                            result.slug(),
                            outcome,
                            List.of(new ImportProblem(file, 0, msg.kept_edited(file)))));
                    continue;
                }
                outcomes.add(new CourseOutcome(folder, result.slug(), outcome, List.of()));
                // even when unchanged: a video file may have appeared since (it is not part of the hash)
                imported.fire(CourseImported.of(
                        result.definition().get(), onDisk ? Optional.of(result.folder()) : Optional.empty()));
            } catch (RuntimeException e) {
                LOG.errorf(e, "Importing course %s failed; it was rolled back", result.slug());
                outcomes.add(new CourseOutcome(
                        folder,
                        result.slug(),
                        Outcome.REJECTED,
                        List.of(new ImportProblem(
                                folder + "/" + CourseFolder.COURSE_FILE,
                                1,
                                msg.write_failed(String.valueOf(e.getMessage()))))));
            }
        }
        if (write) {
            for (CourseOutcome o : outcomes) {
                registry.counter(
                                "hocso.course.imports",
                                "outcome",
                                o.outcome().name().toLowerCase(Locale.ROOT))
                        .increment();
            }
        }
        return new ImportReport(outcomes);
    }

    /** What writing {@code def} would do, judged by its content hash as {@link #write} does. */
    private static Outcome wouldBe(CourseDefinition def) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Course.findBySlug(def.slug())
                        .map(c -> def.sourceHash().equals(c.sourceHash) ? Outcome.UNCHANGED : Outcome.UPDATED)
                        .orElse(Outcome.CREATED));
    }

    private static List<Path> courseFolders(Path root) {
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(p -> Files.isRegularFile(p.resolve(CourseFolder.COURSE_FILE)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list " + root, e);
        }
    }

    /** Two folders claiming the same slug are both refused: which one is meant cannot be guessed. */
    private static Stream<ImportProblem> duplicates(
            CourseFolder.Result result, List<CourseFolder.Result> all, Path root, ContentMessages msg) {
        return all.stream()
                .filter(other -> other != result && other.slug().equals(result.slug()))
                .map(other -> new ImportProblem(
                        root.relativize(result.folder().resolve(CourseFolder.COURSE_FILE))
                                .toString(),
                        result.slugLine(),
                        msg.duplicate_slug(
                                result.slug(),
                                root.relativize(other.folder().resolve(CourseFolder.COURSE_FILE))
                                        .toString())));
    }

    /** Writes a draft being published (the editor records the publication itself). */
    Outcome write(CourseDefinition def) {
        return write(def, null);
    }

    /**
     * Writes the course; {@code origin}: {@link CourseChange#FROM_FOLDER} or {@link CourseChange#FROM_ZIP} for an
     * import (recorded in the change log), null for a draft being published. The courses folder never writes over a
     * course whose current version was made in the browser or came from a zip ({@link Outcome#KEPT}): restarting the
     * app must not undo a trainer's published work; an admin who wants the folder's version imports it as a zip.
     */
    Outcome write(CourseDefinition def, String origin) {
        // instances importing at the same start-up take turns per course instead of colliding on unique keys
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "course:" + def.slug())
                .getSingleResult();
        Course course = Course.findBySlug(def.slug()).orElse(null);
        if (course != null && def.sourceHash().equals(course.sourceHash)) {
            // a course imported before its files were kept gets them now, so that it can be exported
            if (!CourseFile.hasFiles(course.id)) {
                CourseFile.replace(course.id, def.files());
            }
            return Outcome.UNCHANGED;
        }
        if (course != null && CourseChange.FROM_FOLDER.equals(origin) && !CourseChange.isFromFolder(course.id)) {
            return Outcome.KEPT;
        }
        Outcome outcome = course == null ? Outcome.CREATED : Outcome.UPDATED;
        OffsetDateTime now = OffsetDateTime.now();
        if (course == null) {
            course = new Course();
            course.slug = def.slug();
        }
        course.titleVi = def.titleVi();
        course.titleEn = def.titleEn();
        course.summaryVi = def.summaryVi();
        course.summaryEn = def.summaryEn();
        course.categoryCode = def.category();
        course.targetGroups = def.targetGroups().stream().map(TargetGroup::code).toArray(String[]::new);
        course.level = def.level();
        course.status = def.status();
        course.finalQuizKey = def.finalQuizKey();
        course.minutes = def.totalMinutes();
        course.sourceHash = def.sourceHash();
        course.updatedAt = now;
        if (course.isPublished() && course.publishedAt == null) {
            course.publishedAt = now;
        }
        course.persistAndFlush();
        long courseId = course.id;
        // authors named in the file are added; ones an admin added are kept (the file seeds them, never removes)
        def.authors().forEach(login -> CourseAuthor.add(courseId, login, "course.yaml"));
        CourseFile.replace(courseId, def.files());
        writeOutline(course.id, def.modules());
        quizImport.write(course.id, def.quizzes());
        if (origin != null) {
            CourseChange.record(
                    course.id,
                    CourseChange.FROM_FOLDER.equals(origin) ? "courses/" : "zip",
                    CourseChange.IMPORTED,
                    origin);
        }
        searchIndex.refresh(course.id);
        return outcome;
    }

    private void writeOutline(long courseId, List<ModuleDefinition> modules) {
        Map<String, CourseModule> existingModules = byKey(CourseModule.listAllOfCourse(courseId), m -> m.key);
        Map<String, Lesson> existingLessons = byKey(Lesson.listAllOfCourse(courseId), l -> l.key);
        existingModules.values().forEach(m -> m.retired = true);
        existingLessons.values().forEach(l -> l.retired = true);
        int modulePosition = 0;
        for (ModuleDefinition moduleDef : modules) {
            CourseModule module = existingModules.computeIfAbsent(moduleDef.key(), key -> {
                CourseModule created = new CourseModule();
                created.courseId = courseId;
                created.key = key;
                return created;
            });
            module.titleVi = moduleDef.titleVi();
            module.titleEn = moduleDef.titleEn();
            module.position = modulePosition++;
            module.retired = false;
            module.persistAndFlush();
            int lessonPosition = 0;
            for (LessonDefinition lessonDef : moduleDef.lessons()) {
                Lesson lesson = existingLessons.computeIfAbsent(lessonDef.key(), key -> {
                    Lesson created = new Lesson();
                    created.courseId = courseId;
                    created.key = key;
                    return created;
                });
                lesson.moduleId = module.id;
                lesson.kind = lessonDef.kind();
                lesson.titleVi = lessonDef.titleVi();
                lesson.titleEn = lessonDef.titleEn();
                lesson.minutes = lessonDef.minutes();
                lesson.position = lessonPosition++;
                lesson.required = lessonDef.required();
                lesson.sourcePath = lessonDef.sourcePath();
                lesson.bodyHtml = lessonDef.bodyHtml();
                lesson.bodyHtmlEn = lessonDef.bodyHtmlEn();
                lesson.retired = false;
                lesson.persist();
            }
        }
    }

    private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
        Map<String, T> map = new HashMap<>();
        items.forEach(item -> map.put(key.apply(item), item));
        return map;
    }
}
