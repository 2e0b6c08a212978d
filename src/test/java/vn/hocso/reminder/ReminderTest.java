package vn.hocso.reminder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hocso.DemoCourses;
import vn.hocso.MailTestResource;
import vn.hocso.account.Person;
import vn.hocso.account.TargetGroup;
import vn.hocso.content.CourseImporter;
import vn.hocso.job.JobWorker;
import vn.hocso.org.OrgUnit;

/** Reminders go through a real SMTP server, at most one a day per learner, and not at all for closed waves. */
@QuarkusTest
class ReminderTest {

    @Inject
    CourseImporter importer;

    @Inject
    Reminders reminders;

    @Inject
    JobWorker worker;

    @Inject
    EntityManager em;

    String tag;

    @BeforeEach
    void courses() {
        DemoCourses.ensureImported(importer);
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    /** A learner assigned a course by an open wave due on that day. */
    long assigned(String email, LocalDate dueOn, String waveStatus) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Person p = new Person();
            p.fullName = "Học Viên " + tag;
            p.email = email;
            p.unitId = OrgUnit.findCurrentByCode("48").orElseThrow().id;
            p.targetGroup = TargetGroup.CIVIL_SERVANT;
            p.persist();
            Number wave = (Number) em.createNativeQuery("""
                    insert into wave (unit_id, name, starts_on, due_on, status, created_by)
                    values (?1, ?2, ?3, ?4, ?5, ?6) returning id""")
                    .setParameter(1, p.unitId)
                    .setParameter(2, "Đợt " + tag)
                    .setParameter(3, dueOn.minusMonths(1))
                    .setParameter(4, dueOn)
                    .setParameter(5, waveStatus)
                    .setParameter(6, p.id)
                    .getSingleResult();
            em.createNativeQuery("""
                    insert into enrolment (person_id, course_id, source, due_at, wave_id)
                    select ?1, id, 'assignment', (cast(?2 as date) + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh', ?3
                    from course where slug = 'ky-nang-so-co-ban'""")
                    .setParameter(1, p.id)
                    .setParameter(2, dueOn)
                    .setParameter(3, wave.longValue())
                    .executeUpdate();
            return p.id;
        });
    }

    void runJobs() {
        while (worker.runNext(Reminders.LEARNER_JOB)) {
            // every queued reminder
        }
    }

    List<MimeMessage> to(String email) {
        return Arrays.stream(MailTestResource.server().getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(a -> a.toString().contains(email));
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }

    @Test
    void anOverdueLearnerGetsOneMessageADayWithALinkBackToTheCourse() {
        LocalDate today = LocalDate.of(2026, 3, 10);
        String email = "nhac." + tag + "@example.vn";
        assigned(email, today.minusDays(3), "open");
        reminders.plan(today);
        reminders.plan(today);
        runJobs();
        List<MimeMessage> got = to(email);
        assertEquals(1, got.size());
        String body = GreenMailUtil.getBody(got.get(0));
        assertTrue(body.contains("QU=C3=81 H=E1=BA=A0N") || body.contains("QUÁ HẠN"), body);
        assertTrue(body.contains("/courses/ky-nang-so-co-ban"), body);
        // the same day again (another instance, a retry): nothing more
        reminders.plan(today);
        runJobs();
        assertEquals(1, to(email).size());
        // the next day: one more
        reminders.plan(today.plusDays(1));
        runJobs();
        assertEquals(2, to(email).size());
    }

    @Test
    void dueInSevenOrTwoDaysIsRemindedButOtherDaysAndClosedWavesAreNot() {
        LocalDate today = LocalDate.of(2026, 4, 1);
        String seven = "bay." + tag + "@example.vn",
                five = "nam." + tag + "@example.vn",
                closed = "dong." + tag + "@example.vn";
        assigned(seven, today.plusDays(7), "open");
        assigned(five, today.plusDays(5), "open");
        assigned(closed, today.minusDays(1), "closed");
        reminders.plan(today);
        runJobs();
        assertEquals(1, to(seven).size());
        assertEquals(0, to(five).size());
        assertEquals(0, to(closed).size());
    }

    @Test
    void aMessageWhoseSendingWasInterruptedIsNotSentAgain() {
        LocalDate today = LocalDate.of(2026, 5, 5);
        String email = "ngat." + tag + "@example.vn";
        long person = assigned(email, today.minusDays(1), "open");
        // a crash after the claim committed and before the job finished: the row says 'sending'
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "insert into reminder_sent (person_id, kind, period) values (?1, 'learner', ?2)")
                        .setParameter(1, person)
                        .setParameter(2, today.toString())
                        .executeUpdate());
        reminders.plan(today);
        runJobs();
        assertEquals(0, to(email).size());
    }

    @Test
    void aUnitAdminGetsAWeeklyDigestWithOverdueAndUnreachableCountsOnce() {
        String adminEmail = "tonghop." + tag + "@example.vn";
        long admin = QuarkusTransaction.requiringNew().call(() -> {
            Person p = new Person();
            p.fullName = "Quản Trị Tổng Hợp";
            p.email = adminEmail;
            p.unitId = OrgUnit.findCurrentByCode("46").orElseThrow().id;
            p.persist();
            em.createNativeQuery("""
                    insert into unit_admin_grant (person_id, unit_id, granted_by)
                    select ?1, id, 'test' from org_unit where code = '46' and valid_to is null""").setParameter(1, p.id).executeUpdate();
            return p.id;
        });
        long noEmail = assigned(null, LocalDate.now().minusDays(2), "open");
        QuarkusTransaction.requiringNew()
                .run(() -> Person.<Person>findById(noEmail).unitId =
                        OrgUnit.findCurrentByCode("46").orElseThrow().id);
        reminders.plan(LocalDate.now());
        reminders.plan(LocalDate.now());
        while (worker.runNext(Reminders.DIGEST_JOB)) {
            // every queued digest
        }
        List<MimeMessage> got = to(adminEmail);
        assertEquals(1, got.size());
        String body = GreenMailUtil.getBody(got.get(0));
        assertTrue(body.contains("1 ng") && body.contains("Hu"), body);
        assertTrue(admin > 0);
    }

    @Test
    void anEnglishLearnerGetsTheReminderInEnglishAndOthersInVietnamese() {
        LocalDate today = LocalDate.of(2026, 5, 20);
        String english = "english." + tag + "@example.vn";
        String vietnamese = "viet." + tag + "@example.vn";
        long id = assigned(english, today.minusDays(3), "open");
        assigned(vietnamese, today.minusDays(3), "open");
        QuarkusTransaction.requiringNew().run(() -> Person.<Person>findById(id).language = "en");
        reminders.plan(today);
        runJobs();

        MimeMessage en = to(english).get(0);
        String enBody = text(en);
        assertTrue(subject(en).contains("overdue courses"), subject(en));
        assertTrue(enBody.startsWith("Hello "), enBody);
        assertTrue(enBody.contains("OVERDUE by 3 days (due 17/05/2026)"), enBody);
        assertTrue(enBody.contains("/courses/ky-nang-so-co-ban"), enBody);
        assertTrue(!enBody.contains("QUÁ HẠN") && !enBody.contains("Xin chào"), enBody);

        MimeMessage vi = to(vietnamese).get(0);
        String viBody = text(vi);
        assertTrue(subject(vi).contains("khoá học quá hạn"), subject(vi));
        assertTrue(viBody.contains("QUÁ HẠN 3 ngày (hạn 17/05/2026)"), viBody);
        assertTrue(!viBody.contains("OVERDUE") && !viBody.contains("Hello"), viBody);
    }

    private static String text(MimeMessage m) {
        try {
            return (String) m.getContent();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
