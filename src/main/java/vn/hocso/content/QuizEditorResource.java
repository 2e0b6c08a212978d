package vn.hocso.content;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.RestForm;
import vn.hocso.account.CurrentUser;
import vn.hocso.course.Authorship;
import vn.hocso.course.Course;
import vn.hocso.quiz.QuizDefinition;
import vn.hocso.web.Flash;
import vn.hocso.web.FormErrors;
import vn.hocso.web.Links;
import vn.hocso.web.Locales;
import vn.hocso.web.Roles;

/**
 * The question bank editor of a quiz lesson in a course's draft: the quiz settings and the questions of the four
 * types, each checked field by field with the importer's limits ({@link Fields}, {@link Limits}), and the whole file
 * by the importer's own {@link QuizFile} before it is saved. Saves name the file's version (optimistic locking).
 */
@Path("/trainer/courses/{slug}/lessons/{key}/quiz")
@RolesAllowed({Roles.TRAINER, Roles.ADMIN})
class QuizEditorResource {

    /** Option rows a question form offers beyond those it has (no JavaScript needed to add one). */
    static final int SPARE_OPTIONS = 2;

    @CheckedTemplate(basePath = "content")
    static class Templates {
        static native TemplateInstance quiz(
                Course course, String key, QuizYaml quiz, int version, FormErrors errors, List<String> problems);

        static native TemplateInstance question(
                Course course,
                String key,
                String original,
                QuizYaml.Question q,
                List<QuizYaml.Option> rows,
                int version,
                FormErrors errors);
    }

    @Inject
    Drafts drafts;

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

    /** The course (its authors and admins only) and the quiz file of its quiz lesson {@code key}. */
    private record Place(Course course, String path, QuizYaml quiz, int version) {}

    private Place place(String slug, String key) {
        Course course = Course.findBySlug(slug).orElseThrow(NotFoundException::new);
        authorship.check(course);
        var files = drafts.files(course);
        CourseYaml.LessonYaml lesson =
                CourseYaml.parse(files.getOrDefault(Drafts.COURSE_FILE, "")).lesson(key);
        if (lesson == null || !"quiz".equals(lesson.kind) || lesson.file == null) {
            throw new NotFoundException();
        }
        return new Place(
                course,
                lesson.file,
                QuizYaml.parse(files.getOrDefault(lesson.file, "")),
                drafts.versions(course).getOrDefault(lesson.file, 0));
    }

    @GET
    public TemplateInstance show(@PathParam("slug") String slug, @PathParam("key") String key) {
        Place p = place(slug, key);
        return Templates.quiz(p.course, key, p.quiz, p.version, new FormErrors(), problems(p.path, p.quiz));
    }

    /** What the importer says of the quiz file as it stands (also when a question is still missing). */
    private List<String> problems(String path, QuizYaml quiz) {
        List<ImportProblem> found = new ArrayList<>();
        Source source = new Source(path, found);
        new QuizFile(new YamlReader(source, msg()), msg()).read(quiz.write());
        return found.stream()
                .map(pr -> pr.file() + ":" + pr.line() + " " + pr.message())
                .toList();
    }

    @POST
    @Path("settings")
    public Response settings(
            @PathParam("slug") String slug,
            @PathParam("key") String key,
            @RestForm String draw,
            @RestForm String drawByTag,
            @RestForm String shuffleQuestions,
            @RestForm String shuffleOptions,
            @RestForm String timeLimitMinutes,
            @RestForm String maxAttempts,
            @RestForm String delayMinutes,
            @RestForm String passPercent,
            @RestForm String counting,
            @RestForm String review,
            @RestForm int version) {
        Place p = place(slug, key);
        QuizYaml quiz = p.quiz;
        FormErrors errors = new FormErrors();
        Fields check = new Fields(msg());
        quiz.draw = optionalNumber(check, errors, "draw", draw, 1, Limits.MAX_QUESTIONS);
        drawByTag(check, errors, quiz, drawByTag);
        quiz.shuffleQuestions = flag(check, errors, "shuffleQuestions", shuffleQuestions);
        quiz.shuffleOptions = flag(check, errors, "shuffleOptions", shuffleOptions);
        quiz.timeLimitMinutes =
                optionalNumber(check, errors, "timeLimitMinutes", timeLimitMinutes, 1, Limits.MAX_TIME_LIMIT_MINUTES);
        quiz.maxAttempts = optionalNumber(check, errors, "maxAttempts", maxAttempts, 1, Limits.MAX_ATTEMPTS);
        quiz.delayMinutes = optionalNumber(check, errors, "delayMinutes", delayMinutes, 0, Limits.MAX_DELAY_MINUTES);
        quiz.passPercent = optionalNumber(check, errors, "passPercent", passPercent, 0, 100);
        quiz.counting = choice(check, errors, "counting", counting, new HashSet<>(QuizDefinition.COUNTING));
        quiz.review = choice(check, errors, "review", review, new HashSet<>(QuizDefinition.REVIEW));
        // a draw refused above keeps what was typed (shown again in the form), which is no number to compare
        if (quiz.draw != null
                && !errors.has("draw")
                && !quiz.questions.isEmpty()
                && Integer.parseInt(quiz.draw) > quiz.questions.size()) {
            errors.add("draw", msg().quiz_draw_too_many(Integer.parseInt(quiz.draw), quiz.questions.size()));
        }
        return save(p, key, quiz, version, errors, "settings");
    }

    @GET
    @Path("questions/{qid}")
    public TemplateInstance question(
            @PathParam("slug") String slug, @PathParam("key") String key, @PathParam("qid") String qid) {
        Place p = place(slug, key);
        QuizYaml.Question q = "new".equals(qid) ? newQuestion() : p.quiz.question(qid);
        if (q == null) {
            throw new NotFoundException();
        }
        return Templates.question(p.course, key, "new".equals(qid) ? "" : qid, q, rows(q), p.version, new FormErrors());
    }

    @POST
    @Path("questions")
    public Response saveQuestion(
            @PathParam("slug") String slug,
            @PathParam("key") String key,
            @RestForm String original,
            @RestForm String id,
            @RestForm String type,
            @RestForm String weight,
            @RestForm String tags,
            @RestForm String stemVi,
            @RestForm String stemEn,
            @RestForm List<String> optId,
            @RestForm List<String> optVi,
            @RestForm List<String> optEn,
            @RestForm List<String> optCorrect,
            @RestForm String answer,
            @RestForm String answers,
            @RestForm String feedbackVi,
            @RestForm String feedbackEn,
            @RestForm int version) {
        Place p = place(slug, key);
        QuizYaml.Question q = new QuizYaml.Question();
        q.id = trim(id);
        q.type = trim(type);
        q.weight = blankToNull(weight);
        q.stemVi = trim(stemVi);
        q.stemEn = blankToNull(stemEn);
        q.feedbackVi = blankToNull(feedbackVi);
        q.feedbackEn = blankToNull(feedbackEn);
        q.answer = "false".equals(answer) ? "false" : "true";
        if (tags != null) {
            for (String tag : tags.split(",")) {
                if (!tag.isBlank() && !q.tags.contains(tag.strip())) {
                    q.tags.add(tag.strip());
                }
            }
        }
        if (answers != null) {
            answers.lines().filter(a -> !a.isBlank()).map(String::strip).forEach(q.answers::add);
        }
        List<String> ids = optId == null ? List.of() : optId;
        Set<String> correct = optCorrect == null ? Set.of() : new HashSet<>(optCorrect);
        for (int i = 0; i < ids.size(); i++) {
            QuizYaml.Option o = new QuizYaml.Option();
            o.id = ids.get(i) == null ? "" : ids.get(i).strip();
            o.textVi = at(optVi, i);
            o.textEn = blankToNull(at(optEn, i));
            o.correct = correct.contains(String.valueOf(i));
            if (!o.id.isEmpty() || !o.textVi.isEmpty()) {
                q.options.add(o);
            }
        }
        FormErrors errors = validate(q, p.quiz, trim(original));
        if (!errors.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.question(p.course, key, trim(original), q, rows(q), version, errors))
                    .build();
        }
        QuizYaml quiz = p.quiz;
        String orig = trim(original);
        int at = orig.isEmpty() ? -1 : quiz.questions.indexOf(quiz.question(orig));
        if (at >= 0) {
            quiz.questions.set(at, q);
        } else {
            quiz.questions.add(q);
        }
        FormErrors saveErrors = new FormErrors();
        Response saved = save(p, key, quiz, version, saveErrors, "question");
        if (!saveErrors.isEmpty()) {
            return Response.status(saved.getStatus())
                    .entity(Templates.question(p.course, key, orig, q, rows(q), version, saveErrors))
                    .build();
        }
        return saved;
    }

    /** Removes a question from the bank; once published it is retired (never drawn again), never deleted. */
    @POST
    @Path("questions/{qid}/remove")
    public Response remove(
            @PathParam("slug") String slug,
            @PathParam("key") String key,
            @PathParam("qid") String qid,
            @RestForm int version) {
        Place p = place(slug, key);
        p.quiz.questions.removeIf(q -> qid.equals(q.id));
        return save(p, key, p.quiz, version, new FormErrors(), "remove");
    }

    /**
     * Moves a question one place up or down in the bank (the order attempts show when questions are not shuffled);
     * plain forms, no JavaScript. At the top or bottom, or for a question the bank does not have, nothing moves.
     */
    @POST
    @Path("questions/{qid}/move")
    public Response move(
            @PathParam("slug") String slug,
            @PathParam("key") String key,
            @PathParam("qid") String qid,
            @RestForm String dir,
            @RestForm int version) {
        Place p = place(slug, key);
        List<QuizYaml.Question> questions = p.quiz.questions;
        int from = -1;
        for (int i = 0; i < questions.size(); i++) {
            if (questions.get(i).id.equals(qid)) {
                from = i;
            }
        }
        int to = "up".equals(dir) ? from - 1 : from + 1;
        if (from >= 0 && to >= 0 && to < questions.size()) {
            questions.add(to, questions.remove(from));
        }
        return save(p, key, p.quiz, version, new FormErrors(), "move");
    }

    /** The per-field checks of one question, in the importer's words and limits. */
    private FormErrors validate(QuizYaml.Question q, QuizYaml quiz, String original) {
        ContentMessages msg = msg();
        Fields check = new Fields(msg);
        FormErrors errors = new FormErrors();
        Set<String> seen = new HashSet<>();
        quiz.questions.stream().filter(other -> !other.id.equals(original)).forEach(other -> seen.add(other.id));
        check.id(q.id, seen, msg::quiz_duplicate_id, m -> errors.add("id", m));
        check.oneOf(q.type, QuizDefinition.TYPES, "type", m -> errors.add("type", m));
        if (check.notBlank(q.stemVi, "stem.vi", m -> errors.add("stemVi", m))) {
            check.atMost(q.stemVi, Limits.MAX_STEM_LENGTH, "stem.vi", m -> errors.add("stemVi", m));
        }
        if (q.stemEn != null) {
            check.atMost(q.stemEn, Limits.MAX_STEM_LENGTH, "stem.en", m -> errors.add("stemEn", m));
        }
        for (String[] f : new String[][] {{"feedbackVi", q.feedbackVi}, {"feedbackEn", q.feedbackEn}}) {
            if (f[1] != null) {
                check.atMost(f[1], Limits.MAX_STEM_LENGTH, "feedback", m -> errors.add(f[0], m));
            }
        }
        if (q.weight != null) {
            try {
                double w = Double.parseDouble(q.weight);
                if (!(w > 0 && w <= Limits.MAX_WEIGHT)) {
                    errors.add("weight", msg.bad_value("weight", "0–" + Limits.MAX_WEIGHT));
                }
            } catch (NumberFormatException e) {
                errors.add("weight", msg.bad_value("weight", "0–" + Limits.MAX_WEIGHT));
            }
        }
        q.tags.forEach(t -> check.atMost(t, Limits.MAX_TAG_LENGTH, "tags", m -> errors.add("tags", m)));
        switch (q.type) {
            case "single", "multiple" -> {
                if (q.options.size() < Limits.MIN_OPTIONS || q.options.size() > Limits.MAX_OPTIONS) {
                    errors.add("options", msg.quiz_options_count(Limits.MIN_OPTIONS, Limits.MAX_OPTIONS));
                }
                Set<String> optionIds = new HashSet<>();
                for (QuizYaml.Option o : q.options) {
                    check.id(o.id, optionIds, msg::quiz_duplicate_id, m -> errors.add("options", m));
                    if (check.notBlank(o.textVi, "options.text.vi", m -> errors.add("options", m))) {
                        check.atMost(
                                o.textVi, Limits.MAX_OPTION_LENGTH, "options.text.vi", m -> errors.add("options", m));
                    }
                    if (o.textEn != null) {
                        check.atMost(
                                o.textEn, Limits.MAX_OPTION_LENGTH, "options.text.en", m -> errors.add("options", m));
                    }
                }
                long right = q.options.stream().filter(o -> o.correct).count();
                if ("single".equals(q.type) && right != 1) {
                    errors.add("options", msg.quiz_single_correct());
                } else if ("multiple".equals(q.type) && right < 1) {
                    errors.add("options", msg.quiz_multiple_correct());
                }
            }
            case "text" -> {
                if (q.answers.isEmpty() || q.answers.size() > Limits.MAX_ACCEPTED_ANSWERS) {
                    errors.add("answers", msg.bad_value("answers", "1–" + Limits.MAX_ACCEPTED_ANSWERS));
                }
                q.answers.forEach(
                        a -> check.atMost(a, Limits.MAX_ANSWER_LENGTH, "answers", m -> errors.add("answers", m)));
            }
            default -> {
                // true/false: the answer is one of two radio buttons
            }
        }
        return errors;
    }

    /** Saves the quiz file if the importer accepts it whole and nobody changed it since {@code version}. */
    private Response save(Place p, String key, QuizYaml quiz, int version, FormErrors errors, String detail) {
        if (errors.isEmpty()) {
            List<String> problems = problems(p.path, quiz);
            // an empty bank is where a new quiz starts: every other problem stops the save
            boolean onlyEmpty = quiz.questions.isEmpty();
            if (!problems.isEmpty() && !onlyEmpty) {
                problems.forEach(pr -> errors.add("file", pr));
            }
        }
        if (errors.isEmpty()) {
            try {
                drafts.save(p.course, p.path, version, quiz.write(), by(), "quiz_edited");
                flash.show(msg().author_saved());
                return Response.seeOther(URI.create(Links.trainerLessonQuiz(p.course.slug, key)))
                        .build();
            } catch (Drafts.Conflict e) {
                errors.add("version", msg().author_conflict(e.by == null ? "?" : e.by));
                return Response.status(Response.Status.CONFLICT)
                        .entity(Templates.quiz(
                                p.course,
                                key,
                                QuizYaml.parse(e.theirs == null ? "" : e.theirs),
                                e.version,
                                errors,
                                List.of()))
                        .build();
            }
        }
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(Templates.quiz(p.course, key, quiz, version, errors, problems(p.path, quiz)))
                .build();
    }

    private static QuizYaml.Question newQuestion() {
        QuizYaml.Question q = new QuizYaml.Question();
        q.type = "single";
        q.answer = "true";
        return q;
    }

    /** The option rows of the form: the question's options, then spare empty rows, never more than allowed. */
    private static List<QuizYaml.Option> rows(QuizYaml.Question q) {
        List<QuizYaml.Option> rows = new ArrayList<>(q.options);
        while (rows.size() < Math.min(Limits.MAX_OPTIONS, Math.max(4, q.options.size() + SPARE_OPTIONS))) {
            QuizYaml.Option blank = new QuizYaml.Option();
            blank.id = "";
            blank.textVi = "";
            rows.add(blank);
        }
        return rows;
    }

    private String optionalNumber(Fields check, FormErrors errors, String field, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return check.integer(value.strip(), field, min, max, m -> errors.add(field, m))
                .map(String::valueOf)
                .orElse(value.strip());
    }

    /** Longest "tag: count, ..." text read: a bound on what one field can make the server parse. */
    private static final int MAX_DRAW_BY_TAG_TEXT = 2000;

    /**
     * "tai-khoan: 4, nop-ho-so: 4" (commas or lines between): so many questions per tag, replacing the draw count; blank
     * draws by count again. Each tag with the importer's limits; what was typed is kept when it is refused.
     */
    private void drawByTag(Fields check, FormErrors errors, QuizYaml quiz, String typed) {
        quiz.drawByTagTyped = typed;
        quiz.drawByTag = new LinkedHashMap<>();
        if (typed == null || typed.isBlank()) {
            return;
        }
        if (!check.atMost(typed, MAX_DRAW_BY_TAG_TEXT, "draw", m -> errors.add("drawByTag", m))) {
            return;
        }
        for (String entry : typed.split("[,\n]")) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.lastIndexOf(':');
            String tag = colon < 0 ? entry.strip() : entry.substring(0, colon).strip();
            String count = colon < 0 ? "" : entry.substring(colon + 1).strip();
            if (tag.isEmpty() || tag.length() > Limits.MAX_TAG_LENGTH) {
                errors.add("drawByTag", msg().bad_value("draw", "tag: 1-" + Limits.MAX_QUESTIONS));
                return;
            }
            Optional<Integer> n =
                    check.integer(count, "draw", 1, Limits.MAX_QUESTIONS, m -> errors.add("drawByTag", m));
            if (n.isEmpty()) {
                return;
            }
            quiz.drawByTag.put(tag, String.valueOf(n.get()));
        }
        if (!quiz.drawByTag.isEmpty()) {
            // the format has one draw: per tag when given, so the count is dropped
            quiz.draw = null;
        }
    }

    private static String flag(Fields check, FormErrors errors, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return check.bool(value.strip(), field, m -> errors.add(field, m))
                .map(String::valueOf)
                .orElse(value.strip());
    }

    private static String choice(Fields check, FormErrors errors, String field, String value, Set<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        check.oneOf(value.strip(), allowed, field, m -> errors.add(field, m));
        return value.strip();
    }

    private static String at(List<String> values, int i) {
        return values == null || i >= values.size() || values.get(i) == null
                ? ""
                : values.get(i).strip();
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
