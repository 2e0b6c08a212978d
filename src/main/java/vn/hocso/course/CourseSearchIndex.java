package vn.hocso.course;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
     * of one category and target group; page counted from 1 and kept within the results. At most three statements
     * whatever the number of courses and words: the known words and their corrections (only when a word is long
     * enough to correct), the page with its total and best lessons ({@code course_search_page}, V65), and its
     * courses with those lessons.
     */
    @Transactional
    public Found find(List<String> words, String category, String group, int page, int pageSize) {
        List<String> terms = terms(words);
        if (terms.isEmpty()) {
            return new Found(List.of(), Map.of(), 0, 1);
        }
        int requested = Math.max(page, 1);
        List<?> rows = em.createNativeQuery("select course_id, lesson_id, total from course_search_page("
                        + "?1, ?2, ?3, cast(?4 as text), cast(?5 as text), ?6, ?7)")
                .setParameter(1, String.join(" & ", terms))
                .setParameter(2, String.join(" | ", terms))
                .setParameter(3, String.join(" <-> ", terms))
                .setParameter(4, category)
                .setParameter(5, group)
                .setParameter(6, pageSize)
                .setParameter(7, (requested - 1) * pageSize)
                .getResultList();
        if (rows.isEmpty()) {
            return new Found(List.of(), Map.of(), 0, 1);
        }
        List<Long> ids = new ArrayList<>();
        List<Long> lessonIds = new ArrayList<>();
        long total = 0;
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            ids.add(((Number) r[0]).longValue());
            if (r[1] != null) {
                lessonIds.add(((Number) r[1]).longValue());
            }
            total = ((Number) r[2]).longValue();
        }
        int pages = (int) Math.max(1, (total + pageSize - 1) / pageSize);
        Map<Long, Lesson> lessons = new HashMap<>();
        List<Course> courses = coursesInOrder(ids, lessonIds, lessons);
        return new Found(courses, lessons, total, Math.min(requested, pages));
    }

    /** Each usable word as a tsquery term: the word itself, or it and its one-letter corrections. */
    private List<String> terms(List<String> words) {
        Set<String> unique = new LinkedHashSet<>();
        for (String word : words) {
            if (LEXEME.matcher(word).matches()) {
                unique.add(word);
            }
        }
        Map<String, List<String>> corrections = corrections(unique);
        List<String> terms = new ArrayList<>();
        for (String word : unique) {
            List<String> others = corrections.getOrDefault(word, List.of());
            terms.add(others.isEmpty() ? word : "(" + word + " | " + String.join(" | ", others) + ")");
        }
        return terms;
    }

    /**
     * The corrections of each word long enough to have them and found in no course, in one statement for all: a
     * known word comes back as itself (and gets none); an unknown one with the known words near it, of which
     * pg_trgm's % (similarity ≥ 0.3, by the trigram index) lets through every word one letter away from a word of
     * five letters or more, and the edit distance then keeps only those.
     */
    private Map<String, List<String>> corrections(Set<String> words) {
        List<String> longWords =
                words.stream().filter(w -> w.length() >= TYPO_MIN_LENGTH).toList();
        if (longWords.isEmpty()) {
            return Map.of();
        }
        List<?> rows = em.createNativeQuery("""
                        select w.q, s.word from unnest(string_to_array(?1, ' ')) as w (q)
                        cross join lateral (
                            select word from search_word where word = w.q
                            union all
                            (select word from search_word
                             where word % w.q and not exists (select 1 from search_word k where k.word = w.q)
                             order by similarity(word, w.q) desc, word limit 20)) s""")
                .setParameter(1, String.join(" ", longWords))
                .getResultList();
        Map<String, List<String>> near = new HashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            near.computeIfAbsent((String) r[0], w -> new ArrayList<>()).add((String) r[1]);
        }
        Map<String, List<String>> corrections = new HashMap<>();
        near.forEach((word, similar) -> {
            if (!similar.contains(word)) {
                corrections.put(
                        word,
                        similar.stream()
                                .filter(w -> LEXEME.matcher(w).matches() && OneEdit.apart(word, w))
                                .limit(3)
                                .toList());
            }
        });
        return corrections;
    }

    /**
     * The courses of these ids in this order, in one statement with the live lessons of {@code lessonIds} among
     * them (a best lesson retired since the search document was written is simply not shown).
     */
    private static List<Course> coursesInOrder(List<Long> ids, List<Long> lessonIds, Map<Long, Lesson> lessons) {
        Map<Long, Course> byId = new HashMap<>();
        if (lessonIds.isEmpty()) {
            Course.<Course>list("id in ?1", ids).forEach(c -> byId.put(c.id, c));
        } else {
            List<Object[]> rows = Course.getEntityManager()
                    .createQuery(
                            "select c, l from Course c left join Lesson l on l.courseId = c.id and l.id in ?2"
                                    + " and l.retired = false where c.id in ?1",
                            Object[].class)
                    .setParameter(1, ids)
                    .setParameter(2, lessonIds)
                    .getResultList();
            for (Object[] row : rows) {
                Course course = (Course) row[0];
                byId.put(course.id, course);
                if (row[1] instanceof Lesson lesson) {
                    lessons.put(course.id, lesson);
                }
            }
        }
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }
}
