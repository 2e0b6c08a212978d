package vn.hocso.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.hocso.account.TargetGroup;
import vn.hocso.course.Course;
import vn.hocso.course.CourseStatus;

/**
 * The published catalogue, filtered and searched. Course text is folded once on write (generated columns with
 * trigram indexes), so a query folds only its own words. Ranking: the whole phrase in the title, then every word
 * in the title, then the phrase in the summary, then every word anywhere; ties by title.
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

    record Page(List<Course> courses, long total, int page, int pages) {

        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages;
        }
    }

    Page search(Query query) {
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
        List<String> words = SearchText.words(query.text());
        String order = " order by titleVi";
        if (!words.isEmpty()) {
            StringBuilder allInTitle = new StringBuilder();
            for (int i = 0; i < words.size(); i++) {
                String w = "w" + i;
                where.append(" and (searchTitle like :")
                        .append(w)
                        .append(" escape '\\'")
                        .append(" or searchSummary like :")
                        .append(w)
                        .append(" escape '\\')");
                allInTitle
                        .append(i == 0 ? "" : " and ")
                        .append("searchTitle like :")
                        .append(w)
                        .append(" escape '\\'");
                params.put(w, SearchText.containing(words.get(i)));
            }
            order = " order by case when searchTitle like :phrase escape '\\' then 0"
                    + " when " + allInTitle + " then 1"
                    + " when searchSummary like :phrase escape '\\' then 2 else 3 end, titleVi";
        }
        Map<String, Object> listParams = new HashMap<>(params);
        if (!words.isEmpty()) {
            listParams.put("phrase", SearchText.containing(String.join(" ", words)));
        }
        long total = Course.count(where.toString(), params);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(query.page(), pages);
        List<Course> courses = Course.<Course>find(where + order, listParams)
                .page(page - 1, PAGE_SIZE)
                .list();
        return new Page(courses, total, page, pages);
    }
}
