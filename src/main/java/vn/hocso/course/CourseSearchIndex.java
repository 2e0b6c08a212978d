package vn.hocso.course;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The search document of each course (CAT-2, migration V39): the importer refreshes it whenever it writes a course,
 * and the catalogue asks it for the published courses that hold every word of a query, in any order, anywhere in
 * their titles, summary, module and lesson titles or lesson text. Ranking: the whole phrase in the titles or
 * summary first, then by where the words are (course title, lesson titles, summary; text only last), then by title.
 * A word of five letters or more found in no course is also tried as the known words one letter away from it.
 */
@ApplicationScoped
public class CourseSearchIndex {

    /** Typos are corrected only in words this long: shorter ones are too close to too many other words. */
    static final int TYPO_MIN_LENGTH = 5;

    /** A word as it reaches a tsquery: folded letters and digits only, so nothing in it is tsquery syntax. */
    private static final Pattern LEXEME = Pattern.compile("[a-z0-9]{1,60}");

    // weights for D (text), C (summary), B (module and lesson titles), A (course title)
    private static final String WEIGHTS = "'{0.02, 0.2, 0.5, 1.0}'";

    @Inject
    EntityManager em;

    /** The search document of one course, after the importer changed it or its lessons. */
    public void refresh(long courseId) {
        em.flush();
        em.createNativeQuery("select count(*) from (select course_search_refresh(?1)) refreshed")
                .setParameter(1, courseId)
                .getSingleResult();
    }

    /** Where a query was found: a page of courses, each with its best matching lesson if one matches. */
    public record Found(List<Course> courses, Map<Long, Lesson> lessons, long total, int page) {}

    /**
     * Published courses holding every one of {@code words} (already folded: lower case, no diacritics), optionally
     * of one category and target group; page counted from 1 and kept within the results.
     */
    @Transactional
    public Found find(List<String> words, String category, String group, int page, int pageSize) {
        List<String> terms = terms(words);
        if (terms.isEmpty()) {
            return new Found(List.of(), Map.of(), 0, 1);
        }
        // When most courses hold the words ("học", "số"), the planner prefers reading every row, which unpacks every
        // course's document (kilobytes, TOASTed); the GIN index answers the match without reading a document at all.
        // For this transaction only, so that nothing else is planned differently.
        em.createNativeQuery(
                        "select set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)")
                .getSingleResult();
        String all = String.join(" & ", terms);
        String any = String.join(" | ", terms);
        String phrase = String.join(" <-> ", terms);
        StringBuilder where = new StringBuilder(" from course_search s join course c on c.id = s.course_id"
                + " where s.document @@ to_tsquery('simple', :all) and c.status = 'published'");
        if (category != null) {
            where.append(" and c.category_code = :category");
        }
        if (group != null) {
            where.append(" and c.target_groups @> array[cast(:group as varchar)]");
        }
        Query count = em.createNativeQuery("select count(*)" + where);
        bind(count, all, category, group);
        long total = ((Number) count.getSingleResult()).longValue();
        int pages = (int) Math.max(1, (total + pageSize - 1) / pageSize);
        int shown = Math.min(Math.max(page, 1), pages);
        if (total == 0) {
            return new Found(List.of(), Map.of(), 0, 1);
        }
        Query list = em.createNativeQuery("select c.id" + where
                + " order by s.head @@ to_tsquery('simple', :phrase) desc,"
                + " ts_rank(" + WEIGHTS + ", s.head, to_tsquery('simple', :any)) desc, c.title_vi, c.id"
                + " limit :limit offset :offset");
        bind(list, all, category, group);
        list.setParameter("phrase", phrase);
        list.setParameter("any", any);
        list.setParameter("limit", pageSize);
        list.setParameter("offset", (shown - 1) * pageSize);
        List<Long> ids = numbers(list.getResultList());
        return new Found(coursesInOrder(ids), bestLessons(ids, any), total, shown);
    }

    private static void bind(Query query, String all, String category, String group) {
        query.setParameter("all", all);
        if (category != null) {
            query.setParameter("category", category);
        }
        if (group != null) {
            query.setParameter("group", group);
        }
    }

    /** Each usable word as a tsquery term: the word itself, or it and its one-letter corrections. */
    private List<String> terms(List<String> words) {
        Set<String> unique = new LinkedHashSet<>();
        for (String word : words) {
            if (LEXEME.matcher(word).matches()) {
                unique.add(word);
            }
        }
        List<String> terms = new ArrayList<>();
        for (String word : unique) {
            List<String> corrections = corrections(word);
            terms.add(corrections.isEmpty() ? word : "(" + word + " | " + String.join(" | ", corrections) + ")");
        }
        return terms;
    }

    private List<String> corrections(String word) {
        if (word.length() < TYPO_MIN_LENGTH || isKnown(word)) {
            return List.of();
        }
        // pg_trgm's % (similarity ≥ 0.3, by the trigram index) lets through every word one letter away from a
        // word of five letters or more; the edit distance then keeps only those
        List<?> similar = em.createNativeQuery("select word from search_word where word % ?1"
                        + " order by similarity(word, ?1) desc, word limit 20")
                .setParameter(1, word)
                .getResultList();
        return similar.stream()
                .map(Object::toString)
                .filter(w -> LEXEME.matcher(w).matches() && OneEdit.apart(word, w))
                .limit(3)
                .toList();
    }

    private boolean isKnown(String word) {
        return !em.createNativeQuery("select 1 from search_word where word = ?1")
                .setParameter(1, word)
                .getResultList()
                .isEmpty();
    }

    private static List<Course> coursesInOrder(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Integer> order = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            order.put(ids.get(i), i);
        }
        List<Course> courses = new ArrayList<>(Course.<Course>list("id in ?1", ids));
        courses.sort(Comparator.comparing(c -> order.get(c.id)));
        return courses;
    }

    /** The live lesson of each course whose title or text holds the most of the query, if any holds a word. */
    private Map<Long, Lesson> bestLessons(List<Long> courseIds, String any) {
        if (courseIds.isEmpty()) {
            return Map.of();
        }
        List<Long> lessonIds =
                numbers(em.createNativeQuery("select distinct on (course_id) lesson_id from lesson_search"
                                + " where course_id in (:ids) and document @@ to_tsquery('simple', :any)"
                                + " order by course_id, ts_rank(document, to_tsquery('simple', :any)) desc,"
                                + " lesson_id")
                        .setParameter("ids", courseIds)
                        .setParameter("any", any)
                        .getResultList());
        Map<Long, Lesson> lessons = new HashMap<>();
        if (!lessonIds.isEmpty()) {
            Lesson.<Lesson>list("id in ?1 and retired = false", lessonIds).forEach(l -> lessons.put(l.courseId, l));
        }
        return lessons;
    }

    private static List<Long> numbers(List<?> rows) {
        return rows.stream().map(r -> ((Number) r).longValue()).toList();
    }
}
