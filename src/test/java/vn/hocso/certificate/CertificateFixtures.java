package vn.hocso.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.List;
import vn.hocso.account.Person;
import vn.hocso.account.TargetGroup;
import vn.hocso.course.Course;
import vn.hocso.course.Lesson;
import vn.hocso.job.JobWorker;
import vn.hocso.org.OrgUnit;
import vn.hocso.progress.ProgressService;

/** Learners of the demo course and their certificates, made through the real completion and job paths. */
final class CertificateFixtures {

    static final String COURSE = "ky-nang-so-co-ban";

    private CertificateFixtures() {}

    /** A civil servant of Đà Nẵng (unit 48) with a profile, enrolled in the course; created once per subject. */
    static long enrolledLearner(String subject, String name) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Person person = Person.findBySubject(subject).orElseGet(() -> {
                Person p = new Person();
                p.subject = subject;
                p.fullName = name;
                p.email = subject + "@example.vn";
                p.phone = "0912345678";
                p.unitId = OrgUnit.findCurrentByCode("48").orElseThrow().id;
                p.targetGroup = TargetGroup.CIVIL_SERVANT;
                p.persist();
                return p;
            });
            Person.getEntityManager()
                    .createNativeQuery("""
                    insert into enrolment (person_id, course_id) select ?1, id from course where slug = ?2
                    on conflict do nothing""")
                    .setParameter(1, person.id)
                    .setParameter(2, COURSE)
                    .executeUpdate();
            return person.id;
        });
    }

    static List<Lesson> lessons() {
        return QuarkusTransaction.requiringNew()
                .call(() -> Lesson.listActiveOfCourse(Course.findBySlug(COURSE).orElseThrow().id));
    }

    static List<Certificate> certificatesOf(long personId) {
        return QuarkusTransaction.requiringNew().call(() -> Certificate.<Certificate>list("personId", personId));
    }

    /** Completes every lesson, runs every queued certificate job and answers the learner's (issued) certificate. */
    static Certificate issuedCertificate(String subject, String name) {
        long personId = enrolledLearner(subject, name);
        ProgressService progress =
                Arc.container().instance(ProgressService.class).get();
        for (Lesson lesson : lessons()) {
            progress.complete(personId, lesson);
        }
        JobWorker worker = Arc.container().instance(JobWorker.class).get();
        while (worker.runNext(CertificateService.JOB)) {
            // run every queued certificate job, this one included
        }
        Certificate certificate = certificatesOf(personId).get(0);
        assertEquals(CertificateStatus.ISSUED, certificate.status);
        return certificate;
    }
}
