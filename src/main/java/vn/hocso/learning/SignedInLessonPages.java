package vn.hocso.learning;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.hocso.catalog.Standing;
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
 * A text or quiz lesson as an enrolled learner sees it, put together from parts kept per lesson: the page is the same
 * for everyone who reads the lesson in one language with one menu, but for the panel of actions (done, or the button
 * that marks it so, and the progress bar) and the CSRF token. A visit reads the catalogue's version and where the
 * learner stands in one statement ({@link Standing#visit}) and renders only that panel (the template's
 * {@code actions} fragment). Video lessons are not kept: their player carries the learner's own watch ticket.
 *
 * <p>Parts are kept with the catalogue's version read before the course, and used only while it is the same (as
 * catalog.SignedInCoursePages); a lesson that is not there and a video lesson go the usual way, which answers 404 or
 * renders the page (the caller has refused a learner not enrolled).
 */
@ApplicationScoped
class SignedInLessonPages {

    /** Parts in all, in characters: lessons are a few kilobytes each. */
    static final long MAX_CHARS = 32L * 1024 * 1024;

    /** Parts at one catalogue version; no parts for a lesson rendered the usual way at that version (a video). */
    private record Kept(long version, Course course, CourseOutline outline, Lesson lesson, PageParts parts) {

        int chars() {
            return parts == null ? 0 : parts.chars();
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
     * The lesson page for an enrolled learner's {@code visit} (read by the caller, who checked the enrolment), or
     * empty for the usual way (see the class comment).
     */
    Optional<String> page(String slug, String key, Standing.Visit visit) {
        String at = locales.current().getLanguage() + " " + here.getPath() + " " + viewer.menu();
        Kept page = kept.getIfPresent(at);
        if (page == null || page.version() != visit.version() || page.course().id != visit.courseId()) {
            page = make(slug, key, visit.version());
            if (page == null) {
                return Optional.empty();
            }
            kept.put(at, page);
        }
        if (page.parts() == null) {
            return Optional.empty();
        }
        Set<Long> done = visit.standing().done();
        String actions = LessonResource.Templates.lesson$actions(
                        page.course(),
                        page.lesson(),
                        done,
                        CourseProgress.of(page.outline().lessons(), done))
                .render();
        return Optional.of(page.parts().write(csrf.getToken(), slot -> actions));
    }

    /** The parts at the version just read (the course is read after it); null for a lesson that is not there. */
    private Kept make(String slug, String key, long version) {
        Course course = Course.getPublishedBySlug(slug);
        CourseOutline outline = outlines.of(course);
        int at = outline.indexOf(key);
        if (at < 0) {
            return null;
        }
        List<Lesson> lessons = outline.lessons();
        Lesson lesson = lessons.get(at);
        if (lesson.isVideo()) {
            return new Kept(version, course, outline, lesson, null);
        }
        String html = LessonResource.Templates.lesson(
                        course,
                        lesson,
                        lessons,
                        Set.of(),
                        at > 0 ? lessons.get(at - 1) : null,
                        at + 1 < lessons.size() ? lessons.get(at + 1) : null,
                        CourseProgress.NONE,
                        new PageParts.Slots())
                .render();
        return new Kept(
                version, course, outline, lesson, PageParts.cut(html, csrf.getToken(), Set.of(PageParts.PANEL)));
    }
}
