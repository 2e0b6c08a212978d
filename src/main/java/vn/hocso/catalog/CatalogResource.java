package vn.hocso.catalog;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.hocso.account.CurrentUser;
import vn.hocso.account.TargetGroup;
import vn.hocso.course.CatalogueVersion;
import vn.hocso.course.Categories;
import vn.hocso.course.Category;
import vn.hocso.course.Course;
import vn.hocso.course.CourseOutline;
import vn.hocso.course.Lesson;
import vn.hocso.course.Outlines;
import vn.hocso.progress.CourseProgress;
import vn.hocso.web.AnonymousPages;
import vn.hocso.web.Flash;
import vn.hocso.web.Links;
import vn.hocso.web.PageParts;

/**
 * The public catalogue and course pages; anonymous visitors may browse both. What an anonymous visitor is given is
 * kept and given again to the next ones until the catalogue changes ({@link AnonymousPages}, with
 * {@link CatalogueVersion} as the version: the crowd of an announcement costs one statement a visit).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
class CatalogResource {

    @CheckedTemplate(basePath = "catalog")
    static class Templates {
        static native TemplateInstance index(
                Listing listing, List<Category> categories, Map<String, Category> categoryByCode, TargetGroup[] groups);

        /** {@code slots} null renders the page; else the parts kept for signed-in learners ({@link SignedInCoursePages}). */
        static native TemplateInstance course(
                Course course,
                Category category,
                List<CourseOutline.Module> modules,
                Standing standing,
                CourseProgress progress,
                PageParts.Slots slots);

        /** The enrolment panel of a course page. */
        static native TemplateInstance course$panel(Course course, Standing standing, CourseProgress progress);

        /** One lesson's row in a course page's outline. */
        static native TemplateInstance course$row(Course course, Lesson l, Standing standing);
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
    Outlines outlines;

    @Inject
    Categories categories;

    @Inject
    AnonymousPages anonymousPages;

    @Inject
    CatalogueVersion catalogueVersion;

    @Inject
    SignedInCoursePages signedInPages;

    @Inject
    Flash flash;

    void install(@Observes Router router) {
        anonymousPages.serve(router, true, catalogueVersion::current, "/", "/courses", "/courses/:slug");
    }

    @GET
    public String home(
            @QueryParam("q") String q,
            @QueryParam("category") String category,
            @QueryParam("group") String group,
            @QueryParam("page") String page) {
        return list(q, category, group, page);
    }

    @GET
    @Path("courses")
    public String list(
            @QueryParam("q") String q,
            @QueryParam("category") String category,
            @QueryParam("group") String group,
            @QueryParam("page") String page) {
        CatalogSearch.Query query = new CatalogSearch.Query(q, category, group, pageNumber(page));
        List<Category> inOrder = categories.inOrder();
        return anonymousPages.keep(Templates.index(
                        new Listing(query, search.search(query)),
                        inOrder,
                        inOrder.stream().collect(Collectors.toMap(c -> c.code, Function.identity())),
                        TargetGroup.values())
                .render());
    }

    /**
     * A course page: the course with its category (one statement), its outline (from memory, see {@link Outlines}),
     * and for a signed-in learner where they stand (one statement; their person is known from the session check).
     */
    @GET
    @Path("courses/{slug}")
    public String course(@PathParam("slug") String slug) {
        Optional<Long> person = currentUser.findPersonId();
        if (person.isPresent() && flash.getMessage() == null) {
            Optional<String> page = signedInPages.page(slug, person.get());
            if (page.isPresent()) {
                return page.get();
            }
        }
        Course.Listed listed = Course.getPublishedWithCategory(slug);
        Course course = listed.course();
        CourseOutline outline = outlines.of(course);
        Standing standing = person.map(p -> Standing.of(p, course.id)).orElse(Standing.NONE);
        CourseProgress progress =
                standing.enrolled() ? CourseProgress.of(outline.lessons(), standing.done()) : CourseProgress.NONE;
        return anonymousPages.keep(
                Templates.course(course, listed.category(), outline.modules(), standing, progress, null)
                        .render());
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
