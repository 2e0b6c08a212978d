package vn.hocso.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.hocso.account.CurrentUser;
import vn.hocso.account.Person;

/** Records admin actions in the caller's transaction, so the log says exactly what was committed. */
@ApplicationScoped
public class Audit {

    @Inject
    CurrentUser currentUser;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String targetType, String targetId, String reason, String detail) {
        Person actor = currentUser.person();
        AuditEntry entry = new AuditEntry();
        entry.actorSubject = actor.subject;
        entry.actorName = actor.fullName;
        entry.action = action;
        entry.targetType = targetType;
        entry.targetId = targetId;
        entry.reason = reason;
        entry.detail = detail;
        entry.persist();
    }
}
