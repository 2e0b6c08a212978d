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

    /**
     * The same record for work that ends after the request that asked for it (an export streamed to the browser or
     * written by a job): the actor is named by the caller, who read it while the request was still there.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void recordFor(
            String actorSubject,
            String actorName,
            String action,
            String targetType,
            String targetId,
            String reason,
            String detail) {
        AuditEntry entry = new AuditEntry();
        entry.actorSubject = actorSubject;
        entry.actorName = actorName;
        entry.action = action;
        entry.targetType = targetType;
        entry.targetId = targetId;
        entry.reason = reason;
        entry.detail = detail;
        entry.persist();
    }
}
