package vn.hocso.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.hocso.course.Course;
import vn.hocso.course.CourseOutline;
import vn.hocso.course.Lesson;
import vn.hocso.course.Outlines;
import vn.hocso.progress.CourseProgress;
import vn.hocso.web.Here;
import vn.hocso.web.Locales;
import vn.hocso.web.PageParts;
import vn.hocso.web.Viewer;

/**
 * A signed-in learner's course page, put together from parts kept per course: everything but the learner's own is
 * the same for every learner who sees the course in one language with one menu (their roles) and is, or is not,
 * enrolled — the layout, the course's facts, the outline with each lesson's row rendered both done and not done. A
 * visit reads the catalogue's version and where the learner stands in one statement, renders only the enrolment
 * panel, picks each lesson's row and writes its own CSRF token in: no template for the rest, no entity loaded.
 *
 * <p>The parts are rendered by the page's own template ({@code catalog/course.html}) with {@link Slots} standing
 * where the panel and the rows go, and the panel and rows by its fragments, so the page is the same either way
 * (CourseTemplateTest compares them). Parts are kept with the catalogue's version ({@code catalogue_version}, moved on
 * by the database at any change of a course, module, lesson or category) read <em>before</em> the course, so parts
 * are never older than their version says, and they are used only while the version is the same. Nothing personal is
 * kept: standing, progress and token are the visit's own.
 */
@ApplicationScoped
class SignedInCoursePages {

    /** Parts in all, in characters: a few hundred courses in two languages and a few menus. */
    static final long MAX_CHARS = 16L * 1024 * 1024;

    /** One lesson's row, not done and done. */
    private record Row(long lesson, String notDone, String done) {}

    /** Parts at one catalogue version, with each lesson's row by its slot. */
    private record Kept(long version, Course course, CourseOutline outline, PageParts parts, Map<String, Row> rows) {

        int chars() {
            return parts.chars()
                    + rows.values().stream()
                            .mapToInt(r -> r.notDone().length() + r.done().length())
                            .sum();
        }
    }

    private final Cache<String, Kept> kept = Caffeine.newBuilder()
            .maximumWeight(MAX_CHARS)
            .weigher((String key, Kept page) -> key.length() + page.chars())
            .build();

    @Inject
    Outlines outlines;

    @Inject
    CsrfTokenParameterProvider csrf;

    @Inject
    Viewer viewer;

    @Inject
    Locales locales;

    @Inject
    Here here;

    /**
     * The course page for this signed-in person, or empty when the course is not published (the usual path answers
     * 404) or the kept parts cannot be made.
     */
    Optional<String> page(String slug, long person) {
        Standing.Visit visit = Standing.visit(slug, person);
        if (visit == null) {
            return Optional.empty();
        }
        String key = locales.current().getLanguage() + " " + here.getPath() + " "
                + visit.standing().enrolled() + " " + viewer.menu();
        Kept page = kept.getIfPresent(key);
        if (page == null || page.version() != visit.version() || page.course().id != visit.courseId()) {
            page = make(slug, visit);
            if (page == null) {
                return Optional.empty();
            }
            kept.put(key, page);
        }
        return Optional.of(write(page, visit.standing(), csrf.getToken()));
    }

    private static String write(Kept page, Standing standing, String token) {
        CourseProgress progress = standing.enrolled()
                ? CourseProgress.of(page.outline().lessons(), standing.done())
                : CourseProgress.NONE;
        String panel = CatalogResource.Templates.course$panel(page.course(), standing, progress)
                .render();
        return page.parts().write(token, slot -> {
            if (slot.equals(PageParts.PANEL)) {
                return panel;
            }
            Row row = page.rows().get(slot);
            return standing.done().contains(row.lesson()) ? row.done() : row.notDone();
        });
    }

    /** The parts, rendered at the version just read (the course is read after it, so it is at least as new). */
    private Kept make(String slug, Standing.Visit visit) {
        Course.Listed listed = Course.getPublishedWithCategory(slug);
        Course course = listed.course();
        CourseOutline outline = outlines.of(course);
        boolean enrolled = visit.standing().enrolled();
        Standing none = new Standing(enrolled, false, null, false, Set.of());
        Map<String, Row> rows = new HashMap<>();
        for (Lesson lesson : outline.lessons()) {
            Standing done = new Standing(enrolled, false, null, false, Set.of(lesson.id));
            rows.put(
                    PageParts.ROW + lesson.id,
                    new Row(
                            lesson.id,
                            CatalogResource.Templates.course$row(course, lesson, none)
                                    .render(),
                            CatalogResource.Templates.course$row(course, lesson, done)
                                    .render()));
        }
        Set<String> slots = new HashSet<>(rows.keySet());
        slots.add(PageParts.PANEL);
        PageParts parts = PageParts.cut(
                CatalogResource.Templates.course(
                                course,
                                listed.category(),
                                outline.modules(),
                                none,
                                CourseProgress.NONE,
                                new PageParts.Slots())
                        .render(),
                csrf.getToken(),
                slots);
        return parts == null ? null : new Kept(visit.version(), course, outline, parts, Map.copyOf(rows));
    }
}
