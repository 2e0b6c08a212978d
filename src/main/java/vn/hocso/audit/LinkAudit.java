package vn.hocso.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import vn.hocso.account.PersonLinked;

/** A first sign-in linked to a roster person is audited, with the person as the actor and what matched. */
@ApplicationScoped
class LinkAudit {

    void record(@Observes PersonLinked linked) {
        AuditEntry entry = new AuditEntry();
        entry.actorSubject = linked.subject();
        entry.actorName = linked.fullName();
        entry.action = "person.link";
        entry.targetType = "person";
        entry.targetId = Long.toString(linked.personId());
        entry.detail = "matched by " + linked.matchedBy();
        entry.persist();
    }
}
