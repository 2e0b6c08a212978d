package vn.hocso.unitadmin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.Optional;
import vn.hocso.account.CurrentUser;
import vn.hocso.account.Person;
import vn.hocso.audit.Audit;
import vn.hocso.org.OrgUnit;
import vn.hocso.web.Refusal;

/**
 * Granting and revoking unit-admin rights, for the admin page and the API alike: each in one transaction with its
 * audit record. Only system admins reach either, so no unit admin can widen their own scope.
 */
@ApplicationScoped
class Grants {

    @Inject
    Audit audit;

    @Inject
    CurrentUser currentUser;

    /**
     * Gives the person with this e-mail (they need not have signed in yet: a roster person will be linked) rights over
     * the current unit with this code; granting what they already hold changes nothing. Answers the live grant.
     */
    @Transactional
    Grant grant(String email, String unitCode, UnitAdminMessages msg) {
        Person person = (email == null || email.isBlank() || email.length() > Person.MAX_EMAIL
                        ? Optional.<Person>empty()
                        : Person.findByEmail(email.strip()))
                .orElseThrow(() -> new Refusal(Response.Status.BAD_REQUEST, msg.grant_unknown_person()));
        OrgUnit unit = OrgUnit.findCurrentByCode(unitCode == null ? "" : unitCode.strip())
                .orElseThrow(() -> new Refusal(Response.Status.BAD_REQUEST, msg.unknown_code()));
        Optional<Grant> live = Grant.findLive(person.id, unit.id);
        if (live.isPresent()) {
            return live.get();
        }
        Grant g = new Grant();
        g.personId = person.id;
        g.unitId = unit.id;
        g.grantedBy = currentUser.subject();
        g.persist();
        audit.record("unit-admin.grant", "person", person.id.toString(), null, "unit=" + unit.code);
        return g;
    }

    /** Ends a live grant (it stays as history); 404 for an unknown or already revoked one. */
    @Transactional
    Grant revoke(long id) {
        Grant g = Grant.<Grant>findByIdOptional(id)
                .filter(x -> x.revokedAt == null)
                .orElseThrow(NotFoundException::new);
        g.revokedAt = OffsetDateTime.now();
        g.revokedBy = currentUser.subject();
        audit.record(
                "unit-admin.revoke", "person", g.personId.toString(), null, "unit=" + OrgUnit.getById(g.unitId).code);
        return g;
    }
}
