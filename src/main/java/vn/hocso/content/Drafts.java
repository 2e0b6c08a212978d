package vn.hocso.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import vn.hocso.course.Category;
import vn.hocso.course.Course;
import vn.hocso.course.CourseAuthor;
import vn.hocso.course.CourseStatus;

/**
 * The rules of authoring in the browser. A course is edited as a draft — a copy of its files in the courses/ format —
 * so the editor and the importer share one model and one set of checks: a draft is checked by {@link CourseFolder}
 * exactly as a folder would be, and published by {@link CourseImporter#write}, which keeps lesson ids (and so every
 * learner's progress). Learners see the published course until a reviewer approves the draft.
 */
@ApplicationScoped
class Drafts {

    static final String COURSE_FILE = CourseFiles.COURSE_FILE;

    /** A save named a version of a file that someone else has changed since: nothing was written. */
    static final class Conflict extends RuntimeException {
        final String theirs;
        final int version;
        final String by;

        Conflict(DraftFile current) {
            super("changed by someone else");
            this.theirs = current.body;
            this.version = current.version;
            this.by = current.updatedBy;
        }
    }

    /** The draft cannot be submitted or published: the importer's problems, file and line. */
    static final class Invalid extends RuntimeException {
        final List<ImportProblem> problems;

        Invalid(List<ImportProblem> problems) {
            super("the draft has problems");
            this.problems = problems;
        }
    }

    @Inject
    CourseImporter importer;

    /** What the editor shows: the draft's files when there is a draft, otherwise the published files. */
    Map<String, String> files(Course course) {
        return CourseDraft.findOfCourse(course.id)
                .map(d -> DraftFile.filesOf(d.id))
                .orElseGet(() -> CourseFile.filesOf(course.id));
    }

    /** The version of each file a form must name when it saves (0 before the draft exists). */
    Map<String, Integer> versions(Course course) {
        Map<String, Integer> versions = new LinkedHashMap<>();
        CourseDraft.findOfCourse(course.id)
                .ifPresent(d -> DraftFile.listOfDraft(d.id).forEach(f -> versions.put(f.path, f.version)));
        return versions;
    }

    Optional<CourseDraft> draft(Course course) {
        return CourseDraft.findOfCourse(course.id);
    }

    /** A new course, not yet published: its row (hidden from learners), its author, and a draft course.yaml. */
    @Transactional
    Course create(String slug, String titleVi, String by, String login) {
        Course course = new Course();
        course.slug = slug;
        course.titleVi = titleVi;
        course.summaryVi = "";
        course.categoryCode = Category.<Category>listAll().stream()
                .min((a, b) -> Integer.compare(a.position, b.position))
                .map(c -> c.code)
                .orElseThrow();
        course.targetGroups = new String[0];
        course.level = "basic";
        course.status = CourseStatus.DRAFT;
        course.updatedAt = OffsetDateTime.now();
        course.persistAndFlush();
        CourseAuthor.add(course.id, login, by);
        CourseYaml yaml = new CourseYaml();
        yaml.titleVi = titleVi;
        yaml.summaryVi = "";
        yaml.category = course.categoryCode;
        yaml.level = course.level;
        yaml.status = "draft";
        yaml.authors.add(CourseAuthor.fold(login));
        CourseDraft draft = newDraft(course, by, Map.of());
        put(draft, COURSE_FILE, yaml.write(), by);
        CourseChange.record(course.id, by, "created", slug);
        return course;
    }

    /**
     * Saves {@code body} as the file at {@code path}, if the file is still at {@code expectedVersion} (what the author
     * opened); otherwise throws {@link Conflict} and writes nothing. A new file is expected at version 0.
     */
    @Transactional
    void save(Course course, String path, int expectedVersion, String body, String by, String what) {
        CourseDraft draft = ensure(course, by);
        Optional<DraftFile> file = DraftFile.find("draftId = ?1 and path = ?2", draft.id, path)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
        if (file.isPresent() && file.get().version != expectedVersion) {
            throw new Conflict(file.get());
        }
        if (file.isEmpty() && expectedVersion != 0) {
            throw new Conflict(new DraftFile());
        }
        if (file.isPresent() && file.get().body.equals(body)) {
            return;
        }
        put(draft, path, body, by);
        edited(draft);
        CourseChange.record(course.id, by, what, path);
    }

    /**
     * Changes course.yaml by {@code change}, on its newest version: outline actions (add, move, retire) say what to do,
     * not what the whole file should become, so they apply to whatever the file is now, one at a time.
     */
    @Transactional
    void change(Course course, String by, String what, String detail, Consumer<CourseYaml> change) {
        CourseDraft draft = ensure(course, by);
        DraftFile file = DraftFile.find("draftId = ?1 and path = ?2", draft.id, COURSE_FILE)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .<DraftFile>firstResultOptional()
                .orElseThrow();
        CourseYaml yaml = CourseYaml.parse(file.body);
        change.accept(yaml);
        String body = yaml.write();
        if (!body.equals(file.body)) {
            file.body = body;
            file.updatedBy = by;
            file.updatedAt = OffsetDateTime.now();
            edited(draft);
            CourseChange.record(course.id, by, what, detail);
        }
    }

    /** Adds a file to the draft (a new lesson's Markdown, a new quiz) unless one is there already. */
    @Transactional
    void addFile(Course course, String path, String body, String by) {
        CourseDraft draft = ensure(course, by);
        if (DraftFile.findOf(draft.id, path).isEmpty()) {
            put(draft, path, body, by);
        }
    }

    /** The draft checked by the importer's rules, as the folder it would be. */
    CourseFolder.Result check(Course course, Map<String, String> files, ContentMessages msg) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((p, text) -> bytes.put(p, text.getBytes(StandardCharsets.UTF_8)));
        Set<String> categories =
                Category.<Category>listAll().stream().map(c -> c.code).collect(Collectors.toSet());
        Path root = Path.of("draft");
        return CourseFolder.read(root, root.resolve(course.slug), CourseTree.of(bytes), categories, msg);
    }

    /** Asks for review; a draft with problems cannot be submitted. */
    @Transactional
    void submit(Course course, String by, ContentMessages msg) {
        CourseDraft draft = CourseDraft.findOfCourse(course.id).orElseThrow(() -> new Invalid(List.of()));
        CourseFolder.Result result = check(course, DraftFile.filesOf(draft.id), msg);
        if (!result.problems().isEmpty() || result.definition().isEmpty()) {
            throw new Invalid(result.problems());
        }
        draft.state = DraftState.REVIEW;
        draft.submittedBy = by;
        draft.submittedAt = OffsetDateTime.now();
        CourseChange.record(course.id, by, "submitted", null);
    }

    /** Sends the draft back to its authors. */
    @Transactional
    void sendBack(Course course, String by) {
        CourseDraft draft = CourseDraft.findOfCourse(course.id).orElseThrow();
        draft.state = DraftState.EDITING;
        CourseChange.record(course.id, by, "returned", null);
    }

    /**
     * Publishes the draft through the importer: the course, its modules, lessons (matched by id, so learners keep
     * their progress; a lesson no longer in the outline is retired, never deleted) and quizzes; its files become the
     * course's published files; the draft is gone. Returns what the video feature is told once this commits (the
     * captions of its video lessons).
     */
    @Transactional
    CourseImported publish(Course course, String by, ContentMessages msg) {
        CourseDraft draft = CourseDraft.findOfCourse(course.id).orElseThrow(() -> new Invalid(List.of()));
        if (!draft.inReview()) {
            throw new Invalid(List.of());
        }
        Map<String, String> files = DraftFile.filesOf(draft.id);
        CourseYaml yaml = CourseYaml.parse(files.get(COURSE_FILE));
        yaml.status = "published";
        files.put(COURSE_FILE, yaml.write());
        CourseFolder.Result result = check(course, files, msg);
        if (!result.problems().isEmpty() || result.definition().isEmpty()) {
            throw new Invalid(result.problems());
        }
        importer.write(result.definition().get());
        draft.delete();
        CourseChange.record(course.id, by, "published", null);
        return CourseImported.of(result.definition().get(), Optional.empty());
    }

    /** An admin adds a co-author. */
    @Transactional
    void addAuthor(Course course, String login, String by) {
        if (CourseAuthor.add(course.id, login, by)) {
            CourseChange.record(course.id, by, "author_added", CourseAuthor.fold(login));
        }
    }

    private CourseDraft ensure(Course course, String by) {
        // two first edits at once: the second waits for the first one's draft instead of colliding on it
        Course.getEntityManager().find(Course.class, course.id, LockModeType.PESSIMISTIC_WRITE);
        return CourseDraft.findOfCourse(course.id).orElseGet(() -> newDraft(course, by, CourseFile.filesOf(course.id)));
    }

    private static CourseDraft newDraft(Course course, String by, Map<String, String> files) {
        CourseDraft draft = new CourseDraft();
        draft.courseId = course.id;
        draft.state = DraftState.EDITING;
        draft.createdBy = by;
        draft.createdAt = OffsetDateTime.now();
        draft.persistAndFlush();
        files.forEach((path, body) -> put(draft, path, body, null));
        return draft;
    }

    private static void put(CourseDraft draft, String path, String body, String by) {
        DraftFile file = DraftFile.findOf(draft.id, path).orElseGet(() -> {
            DraftFile created = new DraftFile();
            created.draftId = draft.id;
            created.path = path;
            created.position = (int) DraftFile.count("draftId", draft.id);
            return created;
        });
        file.body = body;
        file.updatedBy = by;
        file.updatedAt = OffsetDateTime.now();
        file.persistAndFlush();
    }

    /** Any change to a draft in review sends it back to editing: a reviewer approves what they saw. */
    private static void edited(CourseDraft draft) {
        draft.state = DraftState.EDITING;
    }
}
