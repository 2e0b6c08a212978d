package vn.hocso.report;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import vn.hocso.account.TargetGroup;
import vn.hocso.enrolment.Wave;
import vn.hocso.org.OrgTree;
import vn.hocso.org.OrgUnit;
import vn.hocso.unitadmin.Scope;
import vn.hocso.web.Refusal;

/**
 * What a report is asked for, checked before any row is read: a unit of the caller's scope (another subtree's unit is
 * not found), a course that exists, a wave of the scope, a target group, a period of completion (from ≤ to), and the day the report is "as
 * of" (counts what had happened by the end of that day). {@code former} lists the units in force on that day (the 63
 * provinces for 2024) instead of today's units with their predecessors' records counted in.
 */
record ReportFilters(
        OrgUnit unit,
        Long courseId,
        Long waveId,
        TargetGroup group,
        LocalDate from,
        LocalDate to,
        LocalDate asOf,
        boolean former,
        int page) {

    /** Days end at midnight in Vietnam: "as of 31/12/2024" counts what happened before 1/1/2025 00:00 in Hanoi. */
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    static final int MAX_PAGE = 100_000;

    /** The query parameters as the forms and links send them. */
    record Params(
            String course, String wave, String group, String from, String to, String asOf, String view, String page) {}

    static ReportFilters parse(Scope scope, long unitId, Params p, ReportMessages msg) {
        return parse(scope::contains, unitId, p, msg);
    }

    /** {@code inScope}: whether the caller may see a unit (a background export checks the scope it was asked in). */
    static ReportFilters parse(Predicate<OrgUnit> inScope, long unitId, Params p, ReportMessages msg) {
        OrgUnit unit = OrgUnit.<OrgUnit>findByIdOptional(unitId).filter(inScope).orElseThrow(NotFoundException::new);
        Long course = null;
        if (!blank(p.course())) {
            course = parseLong(p.course())
                    .filter(CourseTitles::exists)
                    .orElseThrow(() -> new Refusal(Response.Status.BAD_REQUEST, msg.bad_course()));
        }
        Long wave = null;
        if (!blank(p.wave())) {
            // a wave of another subtree is refused like one that does not exist: its existence is not told
            wave = parseLong(p.wave())
                    .flatMap(id -> Wave.<Wave>findByIdOptional(id))
                    .filter(w -> inScope.test(OrgUnit.getById(w.unitId)))
                    .map(w -> w.id)
                    .orElseThrow(() -> new Refusal(Response.Status.BAD_REQUEST, msg.bad_wave()));
        }
        TargetGroup group = null;
        if (!blank(p.group())) {
            group = TargetGroup.fromCode(p.group().strip())
                    .orElseThrow(() -> new Refusal(Response.Status.BAD_REQUEST, msg.bad_group()));
        }
        LocalDate from = day(p.from(), msg);
        LocalDate to = day(p.to(), msg);
        if (from != null && to != null && from.isAfter(to)) {
            throw new Refusal(Response.Status.BAD_REQUEST, msg.bad_period());
        }
        LocalDate asOf = day(p.asOf(), msg);
        if (asOf == null) {
            asOf = OrgTree.today();
        }
        if (asOf.isAfter(OrgTree.today())) {
            throw new Refusal(Response.Status.BAD_REQUEST, msg.bad_as_of());
        }
        boolean former;
        if (blank(p.view()) || p.view().strip().equals("current")) {
            former = false;
        } else if (p.view().strip().equals("former")) {
            former = true;
        } else {
            throw new Refusal(Response.Status.BAD_REQUEST, msg.bad_view());
        }
        int page = 0;
        if (!blank(p.page())) {
            page = parseLong(p.page())
                    .filter(n -> n >= 0 && n <= MAX_PAGE)
                    .map(Long::intValue)
                    .orElseThrow(() -> new Refusal(Response.Status.BAD_REQUEST, msg.bad_page()));
        }
        return new ReportFilters(unit, course, wave, group, from, to, asOf, former, page);
    }

    /** The parameters back from {@link #query()} (a background export keeps them as such). */
    static Params params(Map<String, String> q) {
        return new Params(
                q.get("course"),
                q.get("wave"),
                q.get("group"),
                q.get("from"),
                q.get("to"),
                q.get("asOf"),
                q.get("view"),
                null);
    }

    /** The same filters for another unit (drill-down) or page. */
    ReportFilters at(OrgUnit other) {
        return new ReportFilters(other, courseId, waveId, group, from, to, asOf, former, 0);
    }

    ReportFilters page(int n) {
        return new ReportFilters(unit, courseId, waveId, group, from, to, asOf, former, n);
    }

    /** The first instant after the "as of" day. */
    OffsetDateTime end() {
        return startOf(asOf.plusDays(1));
    }

    /** The first instant of the period, or null. */
    OffsetDateTime periodStart() {
        return from == null ? null : startOf(from);
    }

    /** The first instant after the period, or null. */
    OffsetDateTime periodEnd() {
        return to == null ? null : startOf(to.plusDays(1));
    }

    static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(VIETNAM).toOffsetDateTime();
    }

    /** The filters as query parameters (only those set), for links and the audit log. */
    Map<String, String> query() {
        Map<String, String> q = new LinkedHashMap<>();
        if (courseId != null) {
            q.put("course", courseId.toString());
        }
        if (waveId != null) {
            q.put("wave", waveId.toString());
        }
        if (group != null) {
            q.put("group", group.code());
        }
        if (from != null) {
            q.put("from", from.toString());
        }
        if (to != null) {
            q.put("to", to.toString());
        }
        q.put("asOf", asOf.toString());
        if (former) {
            q.put("view", "former");
        }
        return q;
    }

    /** {@link #query()} encoded for an address. */
    String encoded() {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, String> e : query().entrySet()) {
            if (!s.isEmpty()) {
                s.append('&');
            }
            s.append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        if (page > 0) {
            s.append("&page=").append(page);
        }
        return s.toString();
    }

    private static LocalDate day(String text, ReportMessages msg) {
        if (blank(text)) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(text.strip());
            if (day.getYear() < 2000 || day.getYear() > 2200) {
                throw new Refusal(Response.Status.BAD_REQUEST, msg.bad_date());
            }
            return day;
        } catch (DateTimeParseException e) {
            throw new Refusal(Response.Status.BAD_REQUEST, msg.bad_date());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Optional<Long> parseLong(String s) {
        try {
            return Optional.of(Long.parseLong(s.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
