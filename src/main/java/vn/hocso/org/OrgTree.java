package vn.hocso.org;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.hocso.org.TreeRefusal.Reason;

/**
 * Changes of the organisation tree: add, rename, move, merge. Each keeps history in org_unit_change, so the tree can
 * be read as of any day; a merge keeps the merged units' rows (valid_to, replaced_by) and fires {@link UnitsMerged}
 * in its transaction, so people follow their unit or nothing happens at all.
 */
@ApplicationScoped
public class OrgTree {

    /** Days are Vietnam's days: a merge "from 1 July" starts at midnight in Hanoi. */
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    public static final int MAX_CODE = 40;
    public static final int MAX_NAME = 200;

    @Inject
    EntityManager em;

    @Inject
    Event<UnitsMerged> merged;

    public static LocalDate today() {
        return LocalDate.now(VIETNAM);
    }

    @Transactional
    public OrgUnit add(long parentId, String code, String name, UnitKind kind, LocalDate validFrom) {
        OrgUnit parent = current(parentId);
        code = required(code, MAX_CODE);
        name = required(name, MAX_NAME);
        if (!parent.kind.canHold(kind)) {
            throw new TreeRefusal(Reason.KIND_NOT_ALLOWED_HERE);
        }
        if (validFrom.isBefore(parent.validFrom)) {
            throw new TreeRefusal(Reason.DATE_BEFORE_UNIT);
        }
        if (OrgUnit.findCurrentByCode(code).isPresent()) {
            throw new TreeRefusal(Reason.CODE_IN_USE);
        }
        OrgUnit unit = new OrgUnit();
        unit.code = code;
        unit.name = name;
        unit.kind = kind;
        unit.parentId = parent.id;
        unit.path = "";
        unit.validFrom = validFrom;
        unit.persist();
        unit.path = parent.path + unit.id + "/";
        UnitChange.record(unit.id, UnitChange.CREATED, validFrom, null, name);
        return unit;
    }

    /** A new name from a day on; the old one stays in the history for the days before. */
    @Transactional
    public OrgUnit rename(long id, String name, LocalDate effective) {
        OrgUnit unit = current(id);
        name = required(name, MAX_NAME);
        notInFuture(effective);
        if (!effective.isAfter(unit.validFrom)) {
            throw new TreeRefusal(Reason.DATE_BEFORE_UNIT);
        }
        if (!name.equals(unit.name)) {
            UnitChange.record(unit.id, UnitChange.RENAMED, effective, unit.name, name);
            unit.name = name;
        }
        return unit;
    }

    /** The unit and its whole subtree (former units included) under another parent. */
    @Transactional
    public OrgUnit move(long id, long newParentId, LocalDate effective) {
        OrgUnit unit = current(id);
        OrgUnit parent = current(newParentId);
        notInFuture(effective);
        if (parent.isWithin(unit)) {
            throw new TreeRefusal(Reason.INTO_OWN_SUBTREE);
        }
        if (!parent.kind.canHold(unit.kind)) {
            throw new TreeRefusal(Reason.KIND_NOT_ALLOWED_HERE);
        }
        if (parent.id.equals(unit.parentId)) {
            return unit;
        }
        OrgUnit oldParent = OrgUnit.getById(unit.parentId);
        UnitChange.record(unit.id, UnitChange.MOVED, effective, oldParent.code, parent.code);
        reparent(unit, parent);
        return unit;
    }

    /**
     * A + B (+ …) → C from a day: C is a new unit under the parent of the first; the merged units end the day
     * before, point at C, hand it their current children, and (through {@link UnitsMerged}) their people.
     */
    @Transactional
    public OrgUnit merge(List<Long> ids, String code, String name, LocalDate from) {
        Set<Long> distinct = new HashSet<>(ids);
        if (distinct.size() < 2) {
            throw new TreeRefusal(Reason.TOO_FEW_TO_MERGE);
        }
        code = required(code, MAX_CODE);
        name = required(name, MAX_NAME);
        notInFuture(from);
        List<OrgUnit> units = new ArrayList<>();
        for (long id : ids) {
            if (units.stream().noneMatch(u -> u.id == id)) {
                units.add(lockedCurrent(id));
            }
        }
        OrgUnit first = units.get(0);
        for (OrgUnit u : units) {
            if (u.kind != first.kind) {
                throw new TreeRefusal(Reason.KINDS_DIFFER);
            }
            if (!from.isAfter(u.validFrom)) {
                throw new TreeRefusal(Reason.DATE_BEFORE_UNIT);
            }
            if (units.stream().anyMatch(o -> o != u && o.isWithin(u))) {
                throw new TreeRefusal(Reason.INTO_OWN_SUBTREE);
            }
        }
        String newCode = code;
        OrgUnit holder = OrgUnit.findCurrentByCode(newCode).orElse(null);
        if (holder != null && units.stream().noneMatch(u -> u.id.equals(holder.id))) {
            throw new TreeRefusal(Reason.CODE_IN_USE);
        }
        for (OrgUnit u : units) {
            u.validTo = from.minusDays(1);
        }
        em.flush();
        OrgUnit successor = add(first.parentId, newCode, name, first.kind, from);
        em.flush();
        for (OrgUnit u : units) {
            u.replacedById = successor.id;
            UnitChange.record(u.id, UnitChange.MERGED, from, u.code, successor.code);
            for (OrgUnit child : OrgUnit.<OrgUnit>list("parentId = ?1 and validTo is null", u.id)) {
                reparent(child, successor);
            }
        }
        em.flush();
        merged.fire(new UnitsMerged(units.stream().map(u -> u.id).toList(), successor.id, from));
        return successor;
    }

    /** The name a unit had on a day: the old value of the first rename after that day, else today's name. */
    public static String nameAsOf(OrgUnit unit, LocalDate day) {
        return UnitChange.<UnitChange>find(
                        "unitId = ?1 and change = ?2 and effective > ?3 order by effective, id",
                        unit.id,
                        UnitChange.RENAMED,
                        day)
                .firstResultOptional()
                .map(c -> c.oldValue)
                .orElse(unit.name);
    }

    /** The unit in force today that a unit became, following merges (itself when it is current). */
    public static OrgUnit currentSuccessor(OrgUnit unit) {
        OrgUnit u = unit;
        for (int hops = 0; u.replacedById != null && hops < 100; hops++) {
            u = OrgUnit.getById(u.replacedById);
        }
        return u;
    }

    /**
     * The path prefixes that make up the subtrees of these units, widened by every former unit merged (at any depth of
     * history) into them: a unit admin of today's province also sees the records of the provinces merged into it. No
     * prefix lies under another.
     */
    @SuppressWarnings("unchecked")
    public List<String> scopePaths(Collection<Long> roots) {
        if (roots.isEmpty()) {
            return List.of();
        }
        List<String> paths = em.createNativeQuery("""
                with recursive scope(id, path) as (
                    select id, path from org_unit where id = any(?1)
                    union
                    select f.id, f.path from org_unit f
                    join org_unit r on r.id = f.replaced_by_id
                    join scope s on r.path like s.path || '%'
                    where f.replaced_by_id is not null)
                select distinct path from scope order by path""")
                .setParameter(1, roots.toArray(Long[]::new))
                .getResultList();
        List<String> minimal = new ArrayList<>();
        for (String p : paths) {
            if (minimal.stream().noneMatch(p::startsWith)) {
                minimal.add(p);
            }
        }
        return minimal;
    }

    private void reparent(OrgUnit unit, OrgUnit parent) {
        String oldPrefix = unit.path;
        String newPrefix = parent.path + unit.id + "/";
        em.flush();
        em.createNativeQuery("""
                update org_unit set path = ?2 || substr(path, length(?1) + 1) where path like ?1 || '%'""")
                .setParameter(1, oldPrefix)
                .setParameter(2, newPrefix)
                .executeUpdate();
        em.createNativeQuery("update org_unit set parent_id = ?2 where id = ?1")
                .setParameter(1, unit.id)
                .setParameter(2, parent.id)
                .executeUpdate();
        em.refresh(unit);
    }

    private static OrgUnit current(long id) {
        OrgUnit unit = OrgUnit.getById(id);
        if (!unit.isCurrent()) {
            throw new TreeRefusal(Reason.NOT_CURRENT);
        }
        return unit;
    }

    private OrgUnit lockedCurrent(long id) {
        OrgUnit unit = em.find(OrgUnit.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (unit == null) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        if (!unit.isCurrent()) {
            throw new TreeRefusal(Reason.NOT_CURRENT);
        }
        return unit;
    }

    private static void notInFuture(LocalDate day) {
        if (day.isAfter(today())) {
            throw new TreeRefusal(Reason.DATE_IN_FUTURE);
        }
    }

    private static String required(String text, int max) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty() || s.length() > max) {
            throw new TreeRefusal(Reason.BLANK);
        }
        return s;
    }
}
