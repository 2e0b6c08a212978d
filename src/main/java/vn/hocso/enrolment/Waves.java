package vn.hocso.enrolment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.hocso.account.CurrentUser;
import vn.hocso.account.TargetGroup;
import vn.hocso.audit.Audit;
import vn.hocso.course.Course;
import vn.hocso.org.OrgUnit;
import vn.hocso.unitadmin.RosterApplied;
import vn.hocso.unitadmin.Scope;
import vn.hocso.web.Locales;
import vn.hocso.web.Refusal;

/**
 * Waves (ORG-4): drafted by a unit admin for a unit of their scope, published to assign their courses to every
 * matching person of the subtree in one set-based statement, swept again while open so that people who join the
 * subtree get them too. Assignment never duplicates an enrolment: a course the learner already finished keeps its
 * completion; one they are taking gets the wave's due date.
 */
@ApplicationScoped
public class Waves {

    /** What a unit admin asks for: course slugs, target-group codes, headcounts by unit code. */
    public record Draft(
            String name,
            String unitCode,
            List<String> courses,
            List<String> groups,
            LocalDate startsOn,
            LocalDate dueOn,
            Map<String, Integer> headcounts) {}

    /** How a wave stands for one of its target units (or the whole subtree). */
    public record Progress(
            String unitName,
            String unitCode,
            Integer target,
            long people,
            long assigned,
            long completed,
            long overdue) {}

    static final String ASSIGN = """
            insert into enrolment (person_id, course_id, source, due_at, wave_id, assigned_by)
            select p.person_id, wc.course_id, 'assignment', (w.due_on + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh', w.id,
                   w.created_by
            from wave w
            join unit_tree root on root.unit_id = w.unit_id
            join wave_course wc on wc.wave_id = w.id
            join unit_tree t on t.path like root.path || '%'
            join person_in_unit p on p.unit_id = t.unit_id
            where w.status = 'open' and w.id = any(:waves)
              and (cardinality(w.target_groups) = 0 or p.target_group = any(w.target_groups))
            on conflict (person_id, course_id) do update
                set due_at = excluded.due_at, wave_id = excluded.wave_id, assigned_by = excluded.assigned_by
                where enrolment.completed_at is null and enrolment.wave_id is null""";

    @Inject
    EntityManager em;

    @Inject
    Audit audit;

    @Inject
    CurrentUser currentUser;

    @Inject
    Locales locales;

    /** A wave of the caller's scope, locked or not; another's is not found. */
    public Wave get(Scope scope, long id) {
        List<?> found = em.createNativeQuery("""
                        select w.id from wave w join unit_tree t on t.unit_id = w.unit_id
                        where w.id = :id and t.path like any(:scope)""")
                .setParameter("id", id)
                .setParameter("scope", scope.patterns())
                .getResultList();
        if (found.isEmpty()) {
            throw new NotFoundException();
        }
        return Wave.findById(id);
    }

    @SuppressWarnings("unchecked")
    public List<Wave> list(Scope scope) {
        List<Number> ids = em.createNativeQuery("""
                        select w.id from wave w join unit_tree t on t.unit_id = w.unit_id
                        where t.path like any(:scope) order by w.created_at desc, w.id desc limit 200""")
                .setParameter("scope", scope.patterns())
                .getResultList();
        List<Wave> waves = new ArrayList<>();
        for (Number n : ids) {
            waves.add(Wave.findById(n.longValue()));
        }
        return waves;
    }

    @Transactional
    public Wave create(Scope scope, Draft d) {
        EnrolmentMessages msg = locales.messages(EnrolmentMessages.class);
        String name = d.name() == null ? "" : d.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw bad(msg.wave_bad_name());
        }
        OrgUnit unit = OrgUnit.findCurrentByCode(
                        d.unitCode() == null ? "" : d.unitCode().strip())
                .filter(scope::contains)
                .orElseThrow(() -> bad(msg.wave_bad_unit()));
        if (d.startsOn() == null || d.dueOn() == null || d.dueOn().isBefore(d.startsOn())) {
            throw bad(msg.wave_bad_dates());
        }
        List<Course> courses = new ArrayList<>();
        for (String slug : d.courses() == null ? List.<String>of() : d.courses()) {
            Course c = Course.findPublishedBySlug(slug.strip()).orElseThrow(() -> bad(msg.wave_bad_course()));
            if (!courses.contains(c)) {
                courses.add(c);
            }
        }
        if (courses.isEmpty()) {
            throw bad(msg.wave_bad_course());
        }
        List<String> groups = new ArrayList<>();
        for (String g : d.groups() == null ? List.<String>of() : d.groups()) {
            groups.add(TargetGroup.fromCode(g)
                    .orElseThrow(() -> bad(msg.wave_bad_group()))
                    .code());
        }
        Wave w = new Wave();
        w.unitId = unit.id;
        w.name = name;
        w.targetGroups = groups.stream().distinct().toArray(String[]::new);
        w.startsOn = d.startsOn();
        w.dueOn = d.dueOn();
        w.status = WaveStatus.DRAFT;
        w.createdBy = currentUser.person().id;
        w.persist();
        for (Course c : courses) {
            em.createNativeQuery("insert into wave_course (wave_id, course_id) values (?1, ?2)")
                    .setParameter(1, w.id)
                    .setParameter(2, c.id)
                    .executeUpdate();
        }
        for (Map.Entry<String, Integer> e :
                (d.headcounts() == null ? Map.<String, Integer>of() : d.headcounts()).entrySet()) {
            OrgUnit target = OrgUnit.findCurrentByCode(e.getKey())
                    .filter(u -> u.isWithin(unit))
                    .orElseThrow(() -> bad(msg.wave_bad_target(e.getKey())));
            if (e.getValue() == null || e.getValue() <= 0 || e.getValue() > 10_000_000) {
                throw bad(msg.wave_bad_target(e.getKey()));
            }
            em.createNativeQuery("insert into wave_target (wave_id, unit_id, headcount) values (?1, ?2, ?3)"
                            + " on conflict do nothing")
                    .setParameter(1, w.id)
                    .setParameter(2, target.id)
                    .setParameter(3, e.getValue())
                    .executeUpdate();
        }
        audit.record(
                "wave.create",
                "wave",
                w.id.toString(),
                null,
                "name=" + name + " unit=" + unit.code + " courses="
                        + courses.stream().map(c -> c.slug).toList() + " groups=" + groups + " due=" + d.dueOn());
        return w;
    }

    /** Opens the wave and assigns its courses; publishing again assigns nobody twice. Returns how many were assigned. */
    @Transactional
    public int publish(Scope scope, long id) {
        Wave w = locked(scope, id);
        if (w.status == WaveStatus.CLOSED || w.status == WaveStatus.CANCELLED) {
            throw new Refusal(
                    Response.Status.CONFLICT,
                    locales.messages(EnrolmentMessages.class).wave_ended());
        }
        if (w.isDraft()) {
            w.status = WaveStatus.OPEN;
            w.publishedAt = OffsetDateTime.now();
            em.flush();
        }
        int assigned = assign(List.of(w.id));
        audit.record("wave.publish", "wave", w.id.toString(), null, "assigned=" + assigned);
        return assigned;
    }

    @Transactional
    public void end(Scope scope, long id, WaveStatus to) {
        Wave w = locked(scope, id);
        if (w.status == WaveStatus.CLOSED || w.status == WaveStatus.CANCELLED) {
            return;
        }
        WaveStatus before = w.status;
        w.status = to;
        w.endedAt = OffsetDateTime.now();
        audit.record(
                "wave." + to.code(), "wave", w.id.toString(), null, "before=" + before.code() + " after=" + to.code());
    }

    /** Assigns open waves to people who joined their subtrees since (idempotent; a timer and roster imports call it). */
    @Transactional
    public int sweep() {
        @SuppressWarnings("unchecked")
        List<Number> open = em.createNativeQuery("select id from wave where status = 'open'")
                .getResultList();
        return open.isEmpty() ? 0 : assign(open.stream().map(Number::longValue).toList());
    }

    void afterRoster(@Observes RosterApplied applied) {
        sweep();
    }

    private int assign(List<Long> waves) {
        return em.createNativeQuery(ASSIGN)
                .setParameter("waves", waves.toArray(Long[]::new))
                .executeUpdate();
    }

    /** Per target unit (and for the whole subtree): people, assigned, completed, overdue. */
    @SuppressWarnings("unchecked")
    public List<Progress> progress(Wave w) {
        List<Object[]> rows = em.createNativeQuery("""
                        with units as (
                            select t.unit_id, t.name, t.code, t.path, wt.headcount
                            from unit_tree t left join wave_target wt on wt.unit_id = t.unit_id and wt.wave_id = :wave
                            where t.unit_id = :unit or wt.wave_id is not null)
                        select u.name, u.code, u.headcount,
                               count(distinct p.person_id)
                                   filter (where cardinality(w.target_groups) = 0 or p.target_group = any(w.target_groups)),
                               count(e.id), count(e.completed_at),
                               count(e.id) filter (where e.completed_at is null and e.due_at < now())
                        from units u
                        cross join wave w
                        join unit_tree t on t.path like u.path || '%'
                        left join person_in_unit p on p.unit_id = t.unit_id
                        left join enrolment e on e.person_id = p.person_id and e.wave_id = w.id
                        where w.id = :wave
                        group by u.name, u.code, u.headcount, u.path order by u.path""")
                .setParameter("wave", w.id)
                .setParameter("unit", w.unitId)
                .getResultList();
        return rows.stream()
                .map(r -> new Progress(
                        (String) r[0],
                        (String) r[1],
                        r[2] == null ? null : ((Number) r[2]).intValue(),
                        ((Number) r[3]).longValue(),
                        ((Number) r[4]).longValue(),
                        ((Number) r[5]).longValue(),
                        ((Number) r[6]).longValue()))
                .toList();
    }

    /** People assigned by the wave who have not finished and have no e-mail: reminders cannot reach them. */
    public long unreachable(Wave w) {
        return ((Number) em.createNativeQuery("""
                        select count(distinct e.person_id) from enrolment e
                        join person_in_unit p on p.person_id = e.person_id
                        where e.wave_id = ?1 and e.completed_at is null and p.email is null""").setParameter(1, w.id).getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    public List<Course> courses(Wave w) {
        List<Number> ids = em.createNativeQuery(
                        "select course_id from wave_course where wave_id = ?1 order by course_id")
                .setParameter(1, w.id)
                .getResultList();
        return ids.stream().map(n -> Course.<Course>findById(n.longValue())).toList();
    }

    private Wave locked(Scope scope, long id) {
        Wave w = get(scope, id);
        em.lock(w, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(w);
        return w;
    }

    private static Refusal bad(String reason) {
        return new Refusal(Response.Status.BAD_REQUEST, reason);
    }
}
