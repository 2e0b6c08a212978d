package vn.hocso.report;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import vn.hocso.unitadmin.Scope;

/**
 * A report's address as pages, exports and the API receive it ({@code @BeanParam}): the unit in the path and the
 * filters as the forms and links send them, parsed in one place into {@link ReportFilters}.
 */
class ReportQuery {

    @PathParam("id")
    String id;

    @QueryParam("course")
    String course;

    @QueryParam("wave")
    String wave;

    @QueryParam("group")
    String group;

    @QueryParam("from")
    String from;

    @QueryParam("to")
    String to;

    @QueryParam("asOf")
    String asOf;

    @QueryParam("view")
    String view;

    ReportFilters filters(Scope scope, ReportMessages msg) {
        return filters(scope, msg, null);
    }

    /** With a page of the people list; an id that is not a number is a unit not found, as one out of scope. */
    ReportFilters filters(Scope scope, ReportMessages msg, String page) {
        long unitId;
        try {
            unitId = Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            throw new NotFoundException();
        }
        return ReportFilters.parse(
                scope, unitId, new ReportFilters.Params(course, wave, group, from, to, asOf, view, page), msg);
    }
}
