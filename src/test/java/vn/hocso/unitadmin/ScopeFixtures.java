package vn.hocso.unitadmin;

import io.quarkus.narayana.jta.QuarkusTransaction;
import vn.hocso.account.Person;
import vn.hocso.account.TargetGroup;
import vn.hocso.org.OrgUnit;

/** People in two provinces (Đà Nẵng 48, Huế 46) and a unit admin of each. */
final class ScopeFixtures {

    static final String DN_ADMIN = "scope-admin-48";
    static final String HUE_ADMIN = "scope-admin-46";

    private ScopeFixtures() {}

    static long unit(String code) {
        return QuarkusTransaction.requiringNew()
                .call(() -> OrgUnit.findCurrentByCode(code).orElseThrow().id);
    }

    static long person(String subject, String name, String unitCode, String email) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (subject != null) {
                var existing = Person.findBySubject(subject);
                if (existing.isPresent()) {
                    return existing.get().id;
                }
            }
            Person p = new Person();
            p.subject = subject;
            p.fullName = name;
            p.email = email;
            p.unitId = OrgUnit.findCurrentByCode(unitCode).orElseThrow().id;
            p.targetGroup = TargetGroup.CIVIL_SERVANT;
            p.persist();
            return p.id;
        });
    }

    /** A unit admin (by subject) with a live grant over the unit. */
    static long admin(String subject, String unitCode) {
        long personId = person(subject, "Quản trị " + unitCode, unitCode, subject + "@example.vn");
        QuarkusTransaction.requiringNew().run(() -> {
            long unitId = OrgUnit.findCurrentByCode(unitCode).orElseThrow().id;
            if (Grant.findLive(personId, unitId).isEmpty()) {
                Grant g = new Grant();
                g.personId = personId;
                g.unitId = unitId;
                g.grantedBy = "test";
                g.persist();
            }
        });
        return personId;
    }
}
