package vn.hocso.unitadmin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import vn.hocso.account.Person;
import vn.hocso.account.TargetGroup;
import vn.hocso.audit.Audit;
import vn.hocso.org.OrgUnit;
import vn.hocso.web.Refusal;

/** A unit admin changes a person of their scope: unit (within the scope), target group, position; audited. */
@ApplicationScoped
class People {

    @Inject
    Audit audit;

    @Inject
    PeopleQuery query;

    /** The edit a unit admin asks for; a blank field leaves it as it is. */
    record Edit(String unitCode, String targetGroup, String position) {}

    @Transactional
    PeopleQuery.PersonRow edit(Scope scope, long personId, Edit edit, UnitAdminMessages msg) {
        query.find(scope.patterns(), personId).orElseThrow(NotFoundException::new);
        Person person = Person.<Person>findById(personId);
        String before = describe(person);
        if (edit.unitCode() != null && !edit.unitCode().isBlank()) {
            OrgUnit unit = OrgUnit.findCurrentByCode(edit.unitCode().strip())
                    .filter(scope::contains)
                    .orElseThrow(() -> new Refusal(Response.Status.BAD_REQUEST, msg.unit_outside_scope()));
            person.unitId = unit.id;
        }
        if (edit.targetGroup() != null && !edit.targetGroup().isBlank()) {
            person.targetGroup = TargetGroup.fromCode(edit.targetGroup().strip())
                    .orElseThrow(() -> new Refusal(Response.Status.BAD_REQUEST, msg.bad_target_group()));
        }
        if (edit.position() != null) {
            String position = edit.position().strip();
            if (position.length() > 200) {
                throw new Refusal(Response.Status.BAD_REQUEST, msg.too_long());
            }
            person.position = position.isEmpty() ? null : position;
        }
        String after = describe(person);
        if (!before.equals(after)) {
            audit.record("person.edit", "person", person.id.toString(), null, "before=" + before + " after=" + after);
        }
        Person.flush();
        return query.find(scope.patterns(), personId).orElseThrow(NotFoundException::new);
    }

    private static String describe(Person p) {
        return "{unit=" + p.unitId + ", group=" + (p.targetGroup == null ? null : p.targetGroup.code()) + ", position="
                + p.position + "}";
    }
}
