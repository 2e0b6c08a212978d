package vn.hocso.unitadmin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import vn.hocso.audit.Audit;
import vn.hocso.org.OrgTree;
import vn.hocso.org.OrgUnit;
import vn.hocso.org.TreeRefusal;
import vn.hocso.org.UnitKind;
import vn.hocso.web.Refusal;

/**
 * The tree changes a system admin makes, for the admin pages and the API alike: each in one transaction with its
 * audit record (a refused change leaves neither), dates as typed (yyyy-mm-dd, empty is today), refusals in the
 * caller's language.
 */
@ApplicationScoped
class TreeChanges {

    @Inject
    OrgTree tree;

    @Inject
    Audit audit;

    @Transactional
    OrgUnit add(long parentId, String code, String name, String kind, String from, UnitAdminMessages msg) {
        OrgUnit.getById(parentId);
        UnitKind k =
                UnitKind.fromCode(kind).orElseThrow(() -> new Refusal(Response.Status.BAD_REQUEST, msg.bad_kind()));
        OrgUnit unit = refusing(msg, () -> tree.add(parentId, code, name, k, Days.parse(from, msg.bad_date())));
        audit.record(
                "unit.create",
                "org_unit",
                unit.code,
                null,
                "parent=" + parentId + " name=" + unit.name + " kind=" + kind);
        return unit;
    }

    @Transactional
    OrgUnit rename(long id, String name, String from, UnitAdminMessages msg) {
        String before = OrgUnit.getById(id).name;
        OrgUnit unit = refusing(msg, () -> tree.rename(id, name, Days.parse(from, msg.bad_date())));
        audit.record("unit.rename", "org_unit", unit.code, null, "before=" + before + " after=" + unit.name);
        return unit;
    }

    @Transactional
    OrgUnit move(long id, String parentCode, String from, UnitAdminMessages msg) {
        OrgUnit parent = OrgUnit.findCurrentByCode(parentCode == null ? "" : parentCode.strip())
                .orElseThrow(() -> new Refusal(Response.Status.BAD_REQUEST, msg.unknown_code()));
        Long before = OrgUnit.getById(id).parentId;
        OrgUnit unit = refusing(msg, () -> tree.move(id, parent.id, Days.parse(from, msg.bad_date())));
        audit.record("unit.move", "org_unit", unit.code, null, "before=" + before + " after=" + parent.id);
        return unit;
    }

    /** A + B → C: the codes of the merged (current) units. */
    @Transactional
    OrgUnit merge(List<String> codes, String code, String name, String from, UnitAdminMessages msg) {
        List<Long> ids = new ArrayList<>();
        for (String c : codes) {
            if (c != null && !c.isBlank()) {
                ids.add(OrgUnit.findCurrentByCode(c.strip())
                        .orElseThrow(() -> new Refusal(Response.Status.BAD_REQUEST, msg.unknown_code()))
                        .id);
            }
        }
        OrgUnit successor = refusing(msg, () -> tree.merge(ids, code, name, Days.parse(from, msg.bad_date())));
        audit.record("unit.merge", "org_unit", successor.code, null, "merged=" + ids + " into=" + successor.id);
        return successor;
    }

    private static <T> T refusing(UnitAdminMessages msg, Supplier<T> change) {
        try {
            return change.get();
        } catch (TreeRefusal e) {
            throw new Refusal(Response.Status.BAD_REQUEST, TreeRefusals.text(msg, e.reason()));
        }
    }
}
