package vn.hocso.catalog;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.hocso.account.CurrentUser;
import vn.hocso.account.Person;
import vn.hocso.account.TargetGroup;
import vn.hocso.certificate.Certificate;
import vn.hocso.course.Category;
import vn.hocso.course.Course;
import vn.hocso.enrolment.Enrolment;
import vn.hocso.progress.CourseProgress;
import vn.hocso.progress.ProgressService;
import vn.hocso.web.Links;

/** The public catalogue and course pages; anonymous visitors may browse both. */
@Path("/")
class CatalogResource {

    @CheckedTemplate(basePath = "catalog")
    static class Templates {
        static native TemplateInstance index(
                Listing listing, List<Category> categories, Map<String, Category> categoryByCode, TargetGroup[] groups);

        static native TemplateInstance course(
                Course course,
                Category category,
                List<Outline.Module> modules,
                Enrolment enrolment,
                CourseProgress progress,
                Set<Long> done,
                Certificate certificate);
    }

    /** A page of results and the query that produced it, with links that keep the filters. */
    record Listing(CatalogSearch.Query query, CatalogSearch.Page page) {

        public String previousLink() {
            return pageLink(page.page() - 1);
        }

        public String nextLink() {
            return pageLink(page.page() + 1);
        }

        private String pageLink(int number) {
            return Links.cataloguePage(number, query.text(), query.category(), query.group());
        }

        public boolean isSearch() {
            return !query.text().isEmpty() || query.category() != null || query.group() != null;
        }
    }

    @Inject
    CatalogSearch search;

    @Inject
    CurrentUser currentUser;

    @Inject
    ProgressService progress;

    @GET
    public TemplateInstance home(
            @QueryParam("q") String q,
            @QueryParam("category") String category,
            @QueryParam("group") String group,
            @QueryParam("page") String page) {
        return list(q, category, group, page);
    }

    @GET
    @Path("courses")
    public TemplateInstance list(
            @QueryParam("q") String q,
            @QueryParam("category") String category,
            @QueryParam("group") String group,
            @QueryParam("page") String page) {
        CatalogSearch.Query query = new CatalogSearch.Query(q, category, group, pageNumber(page));
        List<Category> categories = Category.listInOrder();
        return Templates.index(
                new Listing(query, search.search(query)),
                categories,
                categories.stream().collect(Collectors.toMap(c -> c.code, Function.identity())),
                TargetGroup.values());
    }

    @GET
    @Path("courses/{slug}")
    public TemplateInstance course(@PathParam("slug") String slug) {
        Course course = Course.getPublishedBySlug(slug);
        Enrolment enrolment = null;
        CourseProgress courseProgress = CourseProgress.NONE;
        Set<Long> done = Set.of();
        Certificate certificate = null;
        Person person = currentUser.find().orElse(null);
        if (person != null) {
            enrolment = Enrolment.findOf(person.id, course.id).orElse(null);
            if (enrolment != null) {
                courseProgress = progress.ofCourse(person.id, course.id);
                done = progress.completedLessonIds(person.id, course.id);
                if (enrolment.isCompleted()) {
                    certificate = Certificate.findLiveOf(person.id, course.id).orElse(null);
                }
            }
        }
        return Templates.course(
                course,
                Category.findById(course.categoryCode),
                Outline.of(course.id),
                enrolment,
                courseProgress,
                done,
                certificate);
    }

    /** A page number as typed in the address bar: anything that is not a small positive number means page 1. */
    private static int pageNumber(String page) {
        try {
            return page == null ? 1 : Math.min(Math.max(Integer.parseInt(page.strip()), 1), 100_000);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
