package vn.hocso.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.hocso.account.TargetGroup;
import vn.hocso.course.Course;
import vn.hocso.course.CourseSearchIndex;
import vn.hocso.course.CourseStatus;
import vn.hocso.course.Lesson;

/**
 * The published catalogue, filtered and searched. Without words it lists every published course by title; with
 * words it asks the course search document (see {@link CourseSearchIndex}), which holds titles, summaries, module
 * and lesson titles and lesson text, folded once on write.
 */
@ApplicationScoped
class CatalogSearch {

    static final int PAGE_SIZE = 12;

    /** A catalogue request; unknown filters are ignored rather than answered with an error. */
    record Query(String text, String category, String group, int page) {

        Query {
            text = text == null ? "" : text.strip();
            category = category == null || category.isBlank() ? null : category;
            group = TargetGroup.fromCode(group).map(TargetGroup::code).orElse(null);
            page = Math.max(page, 1);
        }
    }

    /** A page of courses; under a course found by its words, the lesson that matched best (if any did). */
    record Page(List<Course> courses, Map<Long, Lesson> lessons, long total, int page, int pages) {

        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages;
        }

        public Lesson lessonOf(Course course) {
            return lessons.get(course.id);
        }
    }

    @Inject
    CourseSearchIndex index;

    Page search(Query query) {
        if (!query.text().isEmpty()) {
            CourseSearchIndex.Found found = index.find(
                    SearchText.searchWords(query.text()), query.category(), query.group(), query.page(), PAGE_SIZE);
            return new Page(found.courses(), found.lessons(), found.total(), found.page(), pages(found.total()));
        }
        StringBuilder where = new StringBuilder("status = :published");
        Map<String, Object> params = new HashMap<>();
        params.put("published", CourseStatus.PUBLISHED);
        if (query.category() != null) {
            where.append(" and categoryCode = :category");
            params.put("category", query.category());
        }
        if (query.group() != null) {
            where.append(" and array_contains(targetGroups, :group)");
            params.put("group", query.group());
        }
        long total = Course.count(where.toString(), params);
        int pages = pages(total);
        int page = Math.min(query.page(), pages);
        List<Course> courses = Course.<Course>find(where + " order by titleVi, id", params)
                .page(page - 1, PAGE_SIZE)
                .list();
        return new Page(courses, Map.of(), total, page, pages);
    }

    private static int pages(long total) {
        return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    }
}
