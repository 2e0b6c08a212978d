package vn.hocso.certificate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;
import vn.hocso.account.Person;
import vn.hocso.audit.Audit;
import vn.hocso.config.HocsoConfig;
import vn.hocso.course.Course;
import vn.hocso.job.Jobs;
import vn.hocso.org.OrgUnit;
import vn.hocso.progress.CourseCompleted;
import vn.hocso.web.Locales;

/**
 * The rules of certificates: one live certificate per learner and course, created in the transaction that
 * completes the course; its PDF is made by a job afterwards, so a slow PDF never slows the request that
 * completed the course. Revocation and re-issue are admin actions, audited.
 */
@ApplicationScoped
public class CertificateService {

    static final String JOB = "certificate";

    @Inject
    EntityManager em;

    @Inject
    Jobs jobs;

    @Inject
    Audit audit;

    @Inject
    HocsoConfig config;

    /** Runs inside the completing transaction: if it fails, the completion is not recorded either. */
    void onCourseCompleted(@Observes CourseCompleted completed) {
        LocalDate on =
                completed.completedAt().atZoneSameInstant(Locales.VIETNAM_TIME).toLocalDate();
        Person person = Person.findById(completed.personId());
        Course course = Course.findById(completed.courseId());
        @SuppressWarnings("unchecked")
        List<Number> created = em.createNativeQuery("""
                insert into certificate (code, person_id, course_id, holder_name, course_title_vi, course_title_en,
                                         unit_name, issuer_name, completed_on, signature_unit_id)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                on conflict (person_id, course_id) where status in ('pending', 'issued') do nothing
                returning id""")
                .setParameter(1, CertificateCode.generate())
                .setParameter(2, person.id)
                .setParameter(3, course.id)
                .setParameter(4, person.fullName)
                .setParameter(5, course.titleVi)
                .setParameter(6, course.titleEn)
                .setParameter(7, unitName(person))
                .setParameter(8, config.certificate().issuer())
                .setParameter(9, on)
                // typed: a null id would otherwise be bound as an untyped null PostgreSQL reads as bytea
                .setParameter(10, new TypedParameterValue<>(StandardBasicTypes.LONG, signingUnit(person)))
                .getResultList();
        created.forEach(id -> queuePdf(id.longValue()));
    }

    /**
     * Revokes a certificate; verification then says so, with the date. False when it is no longer issued or pending:
     * the row is locked and its status read again, so a revoke racing a re-issue or another revoke loses cleanly.
     */
    @Transactional
    public boolean revoke(long certificateId, String reason) {
        Certificate certificate = Certificate.findById(certificateId, LockModeType.PESSIMISTIC_WRITE);
        if (!certificate.isIssued() && !certificate.isPending()) {
            return false;
        }
        certificate.status = CertificateStatus.REVOKED;
        certificate.revokedAt = OffsetDateTime.now();
        certificate.revokedReason = reason;
        audit.record("certificate.revoke", "certificate", certificate.code, reason, null);
        return true;
    }

    /**
     * Issues a new certificate (new code, the person's current name and unit) in place of this one, e.g. after a
     * name correction; the old code then says "replaced by" the new one. Empty when it was replaced already (a
     * double submit, two admins): the row is locked and its status read again.
     */
    @Transactional
    public Optional<Certificate> reissue(long certificateId, String reason) {
        Certificate old = Certificate.findById(certificateId, LockModeType.PESSIMISTIC_WRITE);
        if (old.isReplaced()) {
            return Optional.empty();
        }
        Person person = Person.findById(old.personId);
        old.status = CertificateStatus.REPLACED;
        old.flush();
        Certificate fresh = new Certificate();
        fresh.code = CertificateCode.generate();
        fresh.personId = old.personId;
        fresh.courseId = old.courseId;
        fresh.holderName = person.fullName;
        Course course = Course.findById(old.courseId);
        fresh.courseTitleVi = course.titleVi;
        fresh.courseTitleEn = course.titleEn;
        fresh.unitName = unitName(person);
        fresh.issuerName = config.certificate().issuer();
        fresh.signatureUnitId = signingUnit(person);
        fresh.completedOn = old.completedOn;
        fresh.status = CertificateStatus.PENDING;
        fresh.persistAndFlush();
        old.replacedById = fresh.id;
        queuePdf(fresh.id);
        audit.record("certificate.reissue", "certificate", old.code, reason, "replaced by " + fresh.code);
        return Optional.of(fresh);
    }

    private void queuePdf(long certificateId) {
        jobs.enqueue(JOB, Map.of("certificateId", certificateId), JOB + ":" + certificateId, 5);
    }

    /** The unit that signs this person's certificates now: theirs or the deepest above it with a signature. */
    private static Long signingUnit(Person person) {
        if (person.unitId == null) {
            return null;
        }
        OrgUnit unit = OrgUnit.findById(person.unitId);
        return CertificateSignature.findNearestOnPath(unit == null ? null : unit.path)
                .map(s -> s.unitId)
                .orElse(null);
    }

    private static String unitName(Person person) {
        return person.unitId == null ? null : OrgUnit.<OrgUnit>findById(person.unitId).name;
    }
}
