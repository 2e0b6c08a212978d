package vn.hocso.unitadmin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import vn.hocso.account.CurrentUser;
import vn.hocso.org.OrgTree;
import vn.hocso.org.OrgUnit;

/**
 * What the caller may see and change: the subtrees of the units granted to them (widened by the units merged into
 * those), the whole country for a system admin, nothing for anyone else. Queries put {@link #paths()} into their SQL
 * ({@code t.path like any(…)}), so a row outside the scope is never read, not merely hidden.
 */
@RequestScoped
public class Scope {

    @Inject
    CurrentUser currentUser;

    @Inject
    OrgTree tree;

    private List<String> paths;

    public List<String> paths() {
        if (paths == null) {
            if (currentUser.isAdmin()) {
                paths = List.of(OrgUnit.getRoot().path);
            } else if (currentUser.hasRole(vn.hocso.web.Roles.UNIT_ADMIN)) {
                paths = tree.scopePaths(Grant.liveUnitsOf(currentUser.person().id));
            } else {
                paths = List.of();
            }
        }
        return paths;
    }

    /** The patterns for {@code path like any(?)}. */
    public String[] patterns() {
        return paths().stream().map(p -> p + "%").toArray(String[]::new);
    }

    public boolean isEmpty() {
        return paths().isEmpty();
    }

    public boolean contains(OrgUnit unit) {
        return paths().stream().anyMatch(unit.path::startsWith);
    }

    /** The units granted (or, for a system admin, the country). */
    public List<OrgUnit> roots() {
        if (currentUser.isAdmin()) {
            return List.of(OrgUnit.getRoot());
        }
        if (!currentUser.hasRole(vn.hocso.web.Roles.UNIT_ADMIN)) {
            return List.of();
        }
        return Grant.liveUnitsOf(currentUser.person().id).stream()
                .map(OrgUnit::getById)
                .toList();
    }
}
