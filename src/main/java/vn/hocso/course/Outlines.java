package vn.hocso.course;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Course outlines kept in memory (the {@value #CACHE} cache, bounded in application.properties), by course and
 * {@link Course#outlineVersion outline version}. The version is read with the course row on every request and moves
 * on with every change to its modules or lessons (a trigger), so an outline held here is the course's current one or
 * is read again: nothing to invalidate, and no two instances can show different outlines of one version. Outlines are
 * the same for everyone (nothing personal is kept here); their entities are detached and only read.
 */
@ApplicationScoped
public class Outlines {

    static final String CACHE = "course-outlines";

    /** An outline read at one version. */
    private record Held(long version, CourseOutline outline) {}

    @Inject
    @CacheName(CACHE)
    Cache cache;

    private CaffeineCache byCourse;

    @PostConstruct
    void init() {
        byCourse = cache.as(CaffeineCache.class);
    }

    /** The course's active modules and lessons, in course order: from memory, or in two statements. */
    public CourseOutline of(Course course) {
        CompletableFuture<Held> known = byCourse.getIfPresent(course.id);
        Held held = known != null && known.isDone() && !known.isCompletedExceptionally() ? known.getNow(null) : null;
        if (held != null && held.version() == course.outlineVersion) {
            return held.outline();
        }
        // read in the caller's session, not inside the cache; the lessons and modules are read after the course row,
        // so they are at least as new as its version (a change in between only makes the next request read again)
        CourseOutline outline = read(course.id);
        if (held == null || held.version() < course.outlineVersion) {
            byCourse.put(course.id, CompletableFuture.completedFuture(new Held(course.outlineVersion, outline)));
        }
        return outline;
    }

    private static CourseOutline read(long courseId) {
        List<Lesson> lessons = Lesson.listActiveOfCourse(courseId);
        Map<Long, List<Lesson>> byModule = new LinkedHashMap<>();
        for (Lesson lesson : lessons) {
            byModule.computeIfAbsent(lesson.moduleId, id -> new ArrayList<>()).add(lesson);
        }
        List<CourseOutline.Module> modules = CourseModule.listActiveOfCourse(courseId).stream()
                .map(m -> new CourseOutline.Module(m, List.copyOf(byModule.getOrDefault(m.id, List.of()))))
                .toList();
        return new CourseOutline(modules, List.copyOf(lessons));
    }
}
