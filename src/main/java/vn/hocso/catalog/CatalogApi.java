package vn.hocso.catalog;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.course.Course;
import vn.hocso.course.Outlines;

/** The public catalogue as JSON, for integrations and a future mobile app. */
@Path("/api/courses")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue")
class CatalogApi {

    record CourseSummary(
            String slug,
            String titleVi,
            String titleEn,
            String summaryVi,
            String summaryEn,
            String category,
            List<String> targetGroups,
            String level,
            int minutes) {

        static CourseSummary of(Course c) {
            return new CourseSummary(
                    c.slug,
                    c.titleVi,
                    c.titleEn,
                    c.summaryVi,
                    c.summaryEn,
                    c.categoryCode,
                    Arrays.asList(c.targetGroups),
                    c.level,
                    c.minutes);
        }
    }

    record CoursePage(List<CourseSummary> items, long total, int page, int pages, int pageSize) {}

    record LessonOutline(String key, String kind, String titleVi, String titleEn, int minutes, boolean required) {}

    record ModuleOutline(String key, String titleVi, String titleEn, List<LessonOutline> lessons) {}

    record CourseDetail(CourseSummary course, List<ModuleOutline> modules) {}

    @Inject
    CatalogSearch search;

    @GET
    @Operation(
            summary = "Search the published catalogue",
            description = "Diacritic- and case-insensitive: 'chuyen doi so' finds 'Chuyển đổi số'. Paged by 12.")
    public CoursePage list(
            @QueryParam("q") String q,
            @QueryParam("category") String category,
            @QueryParam("group") String group,
            @QueryParam("page") Integer page) {
        CatalogSearch.Page result =
                search.search(new CatalogSearch.Query(q, category, group, page == null ? 1 : Math.min(page, 100_000)));
        return new CoursePage(
                result.courses().stream().map(CourseSummary::of).toList(),
                result.total(),
                result.page(),
                result.pages(),
                CatalogSearch.PAGE_SIZE);
    }

    @Inject
    Outlines outlines;

    @GET
    @Path("{slug}")
    @Operation(summary = "A published course with its outline")
    public CourseDetail get(@PathParam("slug") String slug) {
        Course course = Course.getPublishedBySlug(slug);
        List<ModuleOutline> modules = outlines.of(course).modules().stream()
                .map(m -> new ModuleOutline(
                        m.module().key,
                        m.module().titleVi,
                        m.module().titleEn,
                        m.lessons().stream()
                                .map(l -> new LessonOutline(
                                        l.key, l.kind.code(), l.titleVi, l.titleEn, l.minutes, l.required))
                                .toList()))
                .toList();
        return new CourseDetail(CourseSummary.of(course), modules);
    }
}
