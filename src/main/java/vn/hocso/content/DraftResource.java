package vn.hocso.content;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestForm;
import vn.hocso.account.CurrentUser;
import vn.hocso.course.Authorship;
import vn.hocso.course.Category;
import vn.hocso.course.Course;
import vn.hocso.course.CourseAuthor;
import vn.hocso.course.Lesson;
import vn.hocso.web.Flash;
import vn.hocso.web.FormErrors;
import vn.hocso.web.Links;
import vn.hocso.web.Locales;
import vn.hocso.web.Refusal;
import vn.hocso.web.Roles;

/**
 * Authoring a course in the browser: its details, its outline (modules and lessons: add, reorder with buttons,
 * required or optional, retire), its text lessons with a preview, submitting for review, and — for a reviewer (an
 * admin) — what changed, then publish or send back. Every action is checked against the course: its authors and
 * admins only. Forms that fail the importer's checks are shown again with what was typed.
 */
@Path("/trainer/courses")
@RolesAllowed({Roles.TRAINER, Roles.ADMIN})
class DraftResource {

    @CheckedTemplate(basePath = "content")
    static class Templates {
        static native TemplateInstance draft(
                Course course,
                CourseYaml yaml,
                Map<String, Integer> versions,
                CourseDraft draft,
                List<ImportProblem> problems,
                DraftDiff diff,
                List<CourseChange> changes,
                List<CourseAuthor> authors,
                List<Category> categories,
                List<String> groups,
                List<String> levels,
                FormErrors errors,
                boolean reviewer);

        static native TemplateInstance lesson(
                Course course,
                String key,
                LessonText text,
                int version,
                String preview,
                FormErrors errors,
                String theirs,
                String theirsBy);

        static native TemplateInstance create(String slug, String title, FormErrors errors);
    }

    @Inject
    Drafts drafts;

    @Inject
    Event<CourseImported> published;

    @Inject
    Authorship authorship;

    @Inject
    CurrentUser currentUser;

    @Inject
    Locales locales;

    @Inject
    Flash flash;

    private ContentMessages msg() {
        return locales.messages(ContentMessages.class);
    }

    private String by() {
        return currentUser.person().fullName + " (" + authorship.login() + ")";
    }

    private Course editable(String slug) {
        Course course = Course.findBySlug(slug).orElseThrow(NotFoundException::new);
        authorship.check(course);
        return course;
    }

    private static Response back(Course course) {
        return Response.seeOther(URI.create(Links.trainerCourse(course.slug))).build();
    }

    // --- a new course

    @GET
    @Path("new")
    public TemplateInstance newCourse() {
        return Templates.create("", "", new FormErrors());
    }

    @POST
    @Path("new")
    public Response create(@RestForm String slug, @RestForm String title) {
        String s = slug == null ? "" : slug.strip();
        String t = title == null ? "" : title.strip();
        FormErrors errors = new FormErrors();
        Fields check = new Fields(msg());
        check.slug(s, m -> errors.add("slug", m));
        if (check.notBlank(t, "title.vi", m -> errors.add("title", m))) {
            check.atMost(t, Limits.MAX_TITLE_LENGTH, "title.vi", m -> errors.add("title", m));
        }
        if (!errors.has("slug") && Course.findBySlug(s).isPresent()) {
            errors.add("slug", msg().author_slug_taken(s));
        }
        if (!errors.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.create(s, t, errors))
                    .build();
        }
        Course course = drafts.create(s, t, by(), authorship.login());
        return back(course);
    }

    // --- the draft page

    @GET
    @Path("{slug}")
    public TemplateInstance show(@PathParam("slug") String slug) {
        return page(editable(slug), null, new FormErrors());
    }

    private TemplateInstance page(Course course, CourseYaml typed, FormErrors errors) {
        Map<String, String> files = drafts.files(course);
        CourseDraft draft = drafts.draft(course).orElse(null);
        List<ImportProblem> problems =
                files.isEmpty() ? List.of() : drafts.check(course, files, msg()).problems();
        DraftDiff diff = draft == null ? null : DraftDiff.of(CourseFile.filesOf(course.id), files);
        CourseYaml yaml = typed != null ? typed : CourseYaml.parse(files.getOrDefault(Drafts.COURSE_FILE, ""));
        return Templates.draft(
                course,
                yaml,
                drafts.versions(course),
                draft,
                problems,
                diff,
                CourseChange.listOfCourse(course.id, 50),
                CourseAuthor.listOfCourse(course.id),
                Category.listInOrder(),
                CourseFolder.GROUPS,
                List.of("basic", "intermediate", "advanced"),
                errors,
                authorship.isAdmin());
    }

    @POST
    @Path("{slug}/details")
    public Response details(
            @PathParam("slug") String slug,
            @RestForm String titleVi,
            @RestForm String titleEn,
            @RestForm String summaryVi,
            @RestForm String summaryEn,
            @RestForm String category,
            @RestForm List<String> targetGroups,
            @RestForm String level,
            @RestForm String finalQuiz,
            @RestForm int version) {
        Course course = editable(slug);
        CourseYaml typed = CourseYaml.parse(drafts.files(course).getOrDefault(Drafts.COURSE_FILE, ""));
        typed.titleVi = trim(titleVi);
        typed.titleEn = blankToNull(titleEn);
        typed.summaryVi = trim(summaryVi);
        typed.summaryEn = blankToNull(summaryEn);
        typed.category = trim(category);
        typed.targetGroups = targetGroups == null ? List.of() : List.copyOf(new LinkedHashSet<>(targetGroups));
        typed.level = trim(level);
        typed.finalQuiz = blankToNull(finalQuiz);
        FormErrors errors = new FormErrors();
        Fields check = new Fields(msg());
        bilingual(check, errors, "title", typed.titleVi, typed.titleEn, Limits.MAX_TITLE_LENGTH);
        bilingual(check, errors, "summary", typed.summaryVi, typed.summaryEn, Limits.MAX_SUMMARY_LENGTH);
        Set<String> categories =
                Category.<Category>listAll().stream().map(c -> c.code).collect(Collectors.toSet());
        check.oneOf(typed.category, categories, "category", m -> errors.add("category", m));
        check.oneOf(typed.level, CourseFolder.LEVELS, "level", m -> errors.add("level", m));
        if (typed.targetGroups.isEmpty()) {
            errors.add("targetGroups", msg().missing_field("targetGroups"));
        }
        typed.targetGroups.forEach(g ->
                check.oneOf(g, new HashSet<>(CourseFolder.GROUPS), "targetGroups", m -> errors.add("targetGroups", m)));
        if (typed.finalQuiz != null
                && typed.lessons().stream().noneMatch(l -> typed.finalQuiz.equals(l.id) && "quiz".equals(l.kind))) {
            errors.add("finalQuiz", msg().final_quiz_unknown(typed.finalQuiz));
        }
        if (!errors.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(course, typed, errors))
                    .build();
        }
        try {
            drafts.save(course, Drafts.COURSE_FILE, version, typed.write(), by(), "details");
        } catch (Drafts.Conflict e) {
            errors.add("version", msg().author_conflict(e.by == null ? "?" : e.by));
            return Response.status(Response.Status.CONFLICT)
                    .entity(page(course, typed, errors))
                    .build();
        }
        flash.show(msg().author_saved());
        return back(course);
    }

    private static void bilingual(Fields check, FormErrors errors, String field, String vi, String en, int max) {
        if (check.notBlank(vi, field + ".vi", m -> errors.add(field + "Vi", m))) {
            check.atMost(vi, max, field + ".vi", m -> errors.add(field + "Vi", m));
        }
        if (en != null) {
            check.atMost(en, max, field + ".en", m -> errors.add(field + "En", m));
        }
    }

    // --- the outline

    @POST
    @Path("{slug}/modules")
    public Response addModule(
            @PathParam("slug") String slug, @RestForm String id, @RestForm String titleVi, @RestForm String titleEn) {
        Course course = editable(slug);
        String key = trim(id);
        String vi = trim(titleVi);
        CourseYaml current = CourseYaml.parse(drafts.files(course).getOrDefault(Drafts.COURSE_FILE, ""));
        FormErrors errors = new FormErrors();
        Fields check = new Fields(msg());
        Set<String> seen = current.modules.stream().map(m -> m.id).collect(Collectors.toCollection(HashSet::new));
        check.id(key, seen, msg()::duplicate_id, m -> errors.add("moduleId", m));
        bilingual(check, errors, "module", vi, blankToNull(titleEn), Limits.MAX_TITLE_LENGTH);
        if (!errors.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(course, null, errors))
                    .build();
        }
        drafts.change(course, by(), "module_added", key, yaml -> {
            if (yaml.module(key) == null) {
                CourseYaml.ModuleYaml module = new CourseYaml.ModuleYaml();
                module.id = key;
                module.titleVi = vi;
                module.titleEn = blankToNull(titleEn);
                yaml.modules.add(module);
            }
        });
        return back(course);
    }

    @POST
    @Path("{slug}/modules/{id}/move")
    public Response moveModule(@PathParam("slug") String slug, @PathParam("id") String id, @RestForm String dir) {
        Course course = editable(slug);
        drafts.change(course, by(), "moved", id, yaml -> {
            CourseYaml.ModuleYaml module = yaml.module(id);
            if (module != null) {
                move(yaml.modules, module, dir);
            }
        });
        return back(course);
    }

    @POST
    @Path("{slug}/lessons")
    public Response addLesson(
            @PathParam("slug") String slug,
            @RestForm String module,
            @RestForm String id,
            @RestForm String kind,
            @RestForm String titleVi) {
        Course course = editable(slug);
        String key = trim(id);
        String k = trim(kind);
        String vi = trim(titleVi);
        CourseYaml current = CourseYaml.parse(drafts.files(course).getOrDefault(Drafts.COURSE_FILE, ""));
        FormErrors errors = new FormErrors();
        Fields check = new Fields(msg());
        Set<String> seen = current.lessons().stream().map(l -> l.id).collect(Collectors.toCollection(HashSet::new));
        // a retired lesson's id stays taken: reusing it would give its learners' progress to other content
        seen.addAll(retiredKeys(course));
        check.id(key, seen, msg()::duplicate_id, m -> errors.add("lessonId", m));
        check.oneOf(k, Outline.KINDS, "kind", m -> errors.add("kind", m));
        bilingual(check, errors, "lesson", vi, null, Limits.MAX_TITLE_LENGTH);
        if (module == null || current.module(module) == null) {
            errors.add("lessonModule", msg().missing_field("module"));
        }
        if (!errors.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(course, null, errors))
                    .build();
        }
        String by = by();
        CourseYaml.LessonYaml lesson = new CourseYaml.LessonYaml();
        lesson.id = key;
        lesson.kind = k;
        switch (k) {
            case "text" -> {
                lesson.file = "lessons/" + key + ".md";
                LessonText text = new LessonText();
                text.titleVi = vi;
                text.minutes = 5;
                drafts.addFile(course, lesson.file, text.write(), by);
            }
            case "quiz" -> {
                lesson.titleVi = vi;
                lesson.minutes = 10;
                lesson.file = "quiz/" + key + ".yaml";
                drafts.addFile(course, lesson.file, QuizYaml.empty().write(), by);
            }
            default -> {
                lesson.titleVi = vi;
                lesson.minutes = 5;
                lesson.video = "media/" + key + ".mp4";
            }
        }
        drafts.change(course, by, "lesson_added", key, yaml -> {
            CourseYaml.ModuleYaml target = yaml.module(module);
            if (target != null && yaml.lesson(key) == null) {
                target.lessons.add(lesson);
            }
        });
        return back(course);
    }

    @POST
    @Path("{slug}/lessons/{key}/move")
    public Response moveLesson(@PathParam("slug") String slug, @PathParam("key") String key, @RestForm String dir) {
        Course course = editable(slug);
        drafts.change(course, by(), "moved", key, yaml -> {
            CourseYaml.ModuleYaml module = yaml.moduleOf(key);
            if (module != null) {
                move(module.lessons, yaml.lesson(key), dir);
            }
        });
        return back(course);
    }

    @POST
    @Path("{slug}/lessons/{key}/required")
    public Response required(@PathParam("slug") String slug, @PathParam("key") String key, @RestForm boolean required) {
        Course course = editable(slug);
        drafts.change(course, by(), required ? "required" : "optional", key, yaml -> {
            CourseYaml.LessonYaml lesson = yaml.lesson(key);
            if (lesson != null) {
                lesson.required = required;
            }
        });
        return back(course);
    }

    /** Takes the lesson out of the outline: published, it is retired (hidden, never deleted; progress kept). */
    @POST
    @Path("{slug}/lessons/{key}/retire")
    public Response retire(@PathParam("slug") String slug, @PathParam("key") String key) {
        Course course = editable(slug);
        drafts.change(course, by(), "retired", key, yaml -> {
            yaml.modules.forEach(m -> m.lessons.removeIf(l -> key.equals(l.id)));
            if (key.equals(yaml.finalQuiz)) {
                yaml.finalQuiz = null;
            }
        });
        return back(course);
    }

    // --- a text lesson

    @GET
    @Path("{slug}/lessons/{key}/text")
    public TemplateInstance lesson(@PathParam("slug") String slug, @PathParam("key") String key) {
        Course course = editable(slug);
        String path = textFile(course, key);
        LessonText text = LessonText.parse(drafts.files(course).getOrDefault(path, ""));
        return Templates.lesson(
                course,
                key,
                text,
                drafts.versions(course).getOrDefault(path, 0),
                MarkdownRenderer.toSafeHtml(text.body),
                new FormErrors(),
                null,
                null);
    }

    @POST
    @Path("{slug}/lessons/{key}/text")
    public Response saveLesson(
            @PathParam("slug") String slug,
            @PathParam("key") String key,
            @RestForm String titleVi,
            @RestForm String titleEn,
            @RestForm String minutes,
            @RestForm String body,
            @RestForm int version) {
        Course course = editable(slug);
        String path = textFile(course, key);
        LessonText text = new LessonText();
        text.titleVi = trim(titleVi);
        text.titleEn = blankToNull(titleEn);
        text.body = body == null ? "" : body.replace("\r\n", "\n");
        FormErrors errors = new FormErrors();
        Fields check = new Fields(msg());
        bilingual(check, errors, "title", text.titleVi, text.titleEn, Limits.MAX_TITLE_LENGTH);
        text.minutes = check.integer(
                        trim(minutes), "minutes", 0, Limits.MAX_LESSON_MINUTES, m -> errors.add("minutes", m))
                .orElse(null);
        check.atMost(text.body, Limits.MAX_LESSON_BODY_LENGTH, "body", m -> errors.add("body", m));
        if (!errors.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.lesson(
                            course, key, text, version, MarkdownRenderer.toSafeHtml(text.body), errors, null, null))
                    .build();
        }
        try {
            drafts.save(course, path, version, text.write(), by(), "lesson_edited");
        } catch (Drafts.Conflict e) {
            errors.add("version", msg().author_conflict(e.by == null ? "?" : e.by));
            LessonText theirs = LessonText.parse(e.theirs == null ? "" : e.theirs);
            return Response.status(Response.Status.CONFLICT)
                    .entity(Templates.lesson(
                            course,
                            key,
                            text,
                            e.version,
                            MarkdownRenderer.toSafeHtml(text.body),
                            errors,
                            theirs.body,
                            e.by))
                    .build();
        }
        flash.show(msg().author_saved());
        return Response.seeOther(URI.create(Links.trainerLessonText(course.slug, key)))
                .build();
    }

    private String textFile(Course course, String key) {
        CourseYaml yaml = CourseYaml.parse(drafts.files(course).getOrDefault(Drafts.COURSE_FILE, ""));
        CourseYaml.LessonYaml lesson = yaml.lesson(key);
        if (lesson == null || !"text".equals(lesson.kind) || lesson.file == null) {
            throw new NotFoundException();
        }
        return lesson.file;
    }

    // --- review

    @POST
    @Path("{slug}/submit")
    public Response submit(@PathParam("slug") String slug) {
        Course course = editable(slug);
        try {
            drafts.submit(course, by(), msg());
            flash.show(msg().author_submitted());
        } catch (Drafts.Invalid e) {
            throw new Refusal(Response.Status.CONFLICT, msg().author_not_ready());
        }
        return back(course);
    }

    @POST
    @Path("{slug}/publish")
    public Response publish(@PathParam("slug") String slug) {
        Course course = reviewed(slug);
        try {
            // after the commit: the video feature stores the captions of the published lessons
            published.fire(drafts.publish(course, by(), msg()));
            flash.show(msg().author_published());
        } catch (Drafts.Invalid e) {
            throw new Refusal(Response.Status.CONFLICT, msg().author_not_ready());
        }
        return back(course);
    }

    @POST
    @Path("{slug}/return")
    public Response sendBack(@PathParam("slug") String slug) {
        Course course = reviewed(slug);
        drafts.draft(course).orElseThrow(NotFoundException::new);
        drafts.sendBack(course, by());
        return back(course);
    }

    /** Approving is a reviewer's job: an admin. */
    private Course reviewed(String slug) {
        Course course = Course.findBySlug(slug).orElseThrow(NotFoundException::new);
        if (!authorship.isAdmin()) {
            throw new ForbiddenException();
        }
        return course;
    }

    // --- authors

    @POST
    @Path("{slug}/authors")
    public Response addAuthor(@PathParam("slug") String slug, @RestForm String login) {
        Course course = reviewed(slug);
        String l = trim(login);
        FormErrors errors = new FormErrors();
        Fields check = new Fields(msg());
        if (check.notBlank(l, "authors", m -> errors.add("login", m))) {
            check.atMost(l, Limits.MAX_AUTHOR_LENGTH, "authors", m -> errors.add("login", m));
        }
        if (!errors.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(course, null, errors))
                    .build();
        }
        drafts.addAuthor(course, l, by());
        return back(course);
    }

    private static Set<String> retiredKeys(Course course) {
        return Lesson.listAllOfCourse(course.id).stream().map(l -> l.key).collect(Collectors.toSet());
    }

    private static <T> void move(List<T> list, T item, String dir) {
        int i = list.indexOf(item);
        int j = "up".equals(dir) ? i - 1 : i + 1;
        if (i >= 0 && j >= 0 && j < list.size()) {
            Collections.swap(list, i, j);
        }
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
