package vn.hocso.reminder;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.hocso.account.Person;
import vn.hocso.config.HocsoConfig;
import vn.hocso.course.Course;
import vn.hocso.job.Jobs;
import vn.hocso.org.OrgTree;
import vn.hocso.org.OrgUnit;
import vn.hocso.unitadmin.UnitAdmins;
import vn.hocso.web.Links;
import vn.hocso.web.Locales;

/**
 * Who is reminded of what, and the sending. Each message is a job with a dedupe key (person and day, or person and
 * week), so any number of instances plan it once; the job writes its reminder_sent row and commits before the message
 * goes out, so a crash mid-send never sends it twice (a row left 'sending' is not sent again).
 */
@ApplicationScoped
class Reminders {

    static final String LEARNER_JOB = "reminder-learner";
    static final String DIGEST_JOB = "reminder-digest";
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** The last day of an assignment: due_at is midnight (Vietnam) after it. */
    static final String DUE_DAY = "((a.due_at at time zone 'Asia/Ho_Chi_Minh')::date - 1)";

    /** One course in a learner's reminder. */
    record Item(String title, String link, LocalDate due, long daysLeft) {
        public boolean overdue() {
            return daysLeft < 0;
        }

        public long daysOver() {
            return -daysLeft;
        }
    }

    /** One unit in an admin's digest. */
    record UnitCount(String unit, long overdue, long unreachable) {}

    @CheckedTemplate(basePath = "reminder")
    static class Templates {
        static native TemplateInstance learner(String name, List<Item> items, String myLearning);

        static native TemplateInstance learner_en(String name, List<Item> items, String myLearning);

        static native TemplateInstance digest(String name, List<UnitCount> units, String week);

        static native TemplateInstance digest_en(String name, List<UnitCount> units, String week);
    }

    @Inject
    EntityManager em;

    @Inject
    Jobs jobs;

    @Inject
    Mailer mailer;

    @Inject
    OrgTree tree;

    @Inject
    HocsoConfig config;

    /** Queues today's learner reminders and this week's digests; planning twice queues nothing new. */
    @SuppressWarnings("unchecked")
    int plan(LocalDate today) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Number> learners = em.createNativeQuery("select distinct a.person_id from assignment_due a"
                            + " join person_in_unit p on p.person_id = a.person_id"
                            + " where a.wave_status = 'open' and a.completed_at is null and p.email is not null"
                            + " and (" + DUE_DAY + " in (:d7, :d2) or " + DUE_DAY + " < :today)")
                    .setParameter("d7", today.plusDays(7))
                    .setParameter("d2", today.plusDays(2))
                    .setParameter("today", today)
                    .getResultList();
            for (Number id : learners) {
                jobs.enqueue(
                        LEARNER_JOB,
                        Map.of("person", id.longValue(), "day", today.toString()),
                        "reminder:learner:" + id + ":" + today,
                        3);
            }
            String week = week(today);
            int digests = 0;
            for (Long admin : UnitAdmins.live().keySet()) {
                jobs.enqueue(
                        DIGEST_JOB, Map.of("person", admin, "week", week), "reminder:digest:" + admin + ":" + week, 3);
                digests++;
            }
            return learners.size() + digests;
        });
    }

    static String week(LocalDate day) {
        return day.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                + String.format("%02d", day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    @SuppressWarnings("unchecked")
    void sendLearner(long personId, LocalDate day) {
        Person person = QuarkusTransaction.requiringNew().call(() -> Person.<Person>findById(personId));
        if (person == null || person.email == null) {
            return;
        }
        List<Item> items = QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> rows = em.createNativeQuery("select a.course_id, " + DUE_DAY + " from assignment_due a"
                            + " where a.person_id = :p and a.wave_status = 'open' and a.completed_at is null"
                            + " and (" + DUE_DAY + " in (:d7, :d2) or " + DUE_DAY + " < :today)"
                            + " order by 2, 1")
                    .setParameter("p", personId)
                    .setParameter("d7", day.plusDays(7))
                    .setParameter("d2", day.plusDays(2))
                    .setParameter("today", day)
                    .getResultList();
            List<Item> list = new ArrayList<>();
            for (Object[] r : rows) {
                Course c = Course.findById(((Number) r[0]).longValue());
                LocalDate due = r[1] instanceof LocalDate d ? d : ((java.sql.Date) r[1]).toLocalDate();
                list.add(new Item(
                        Locales.pick(c.titleVi, c.titleEn, person.writeIn()),
                        config.publicUrl() + Links.course(c.slug),
                        due,
                        java.time.temporal.ChronoUnit.DAYS.between(day, due)));
            }
            return list;
        });
        if (items.isEmpty() || !claim(personId, "learner", day.toString())) {
            return;
        }
        boolean english = Locales.ENGLISH.equals(person.writeIn());
        String myLearning = config.publicUrl() + Links.myLearning();
        String body = (english
                        ? Templates.learner_en(person.fullName, items, myLearning)
                        : Templates.learner(person.fullName, items, myLearning))
                .render();
        send(
                personId,
                "learner",
                day.toString(),
                person.email,
                ReminderText.learnerSubject(items, person.writeIn()),
                body);
    }

    @SuppressWarnings("unchecked")
    void sendDigest(long personId, String week) {
        Person person = QuarkusTransaction.requiringNew().call(() -> Person.<Person>findById(personId));
        List<Long> units = UnitAdmins.live().get(personId);
        if (person == null || person.email == null || units == null) {
            return;
        }
        LocalDate today = LocalDate.now(VIETNAM);
        List<UnitCount> counts = QuarkusTransaction.requiringNew().call(() -> {
            List<UnitCount> list = new ArrayList<>();
            for (long unitId : units) {
                OrgUnit unit = OrgUnit.getById(unitId);
                String[] patterns = tree.scopePaths(List.of(unitId)).stream()
                        .map(p -> p + "%")
                        .toArray(String[]::new);
                Object[] r = (Object[]) em.createNativeQuery(
                                "select count(*) filter (where " + DUE_DAY + " < :today),"
                                        + " count(distinct a.person_id) filter (where p.email is null)"
                                        + " from assignment_due a join person_in_unit p on p.person_id = a.person_id"
                                        + " join unit_tree t on t.unit_id = p.unit_id"
                                        + " where a.wave_status = 'open' and a.completed_at is null and t.path like any(:scope)")
                        .setParameter("today", today)
                        .setParameter("scope", patterns)
                        .getSingleResult();
                list.add(new UnitCount(unit.name, ((Number) r[0]).longValue(), ((Number) r[1]).longValue()));
            }
            return list;
        });
        if (!claim(personId, "digest", week)) {
            return;
        }
        send(
                personId,
                "digest",
                week,
                person.email,
                ReminderText.digestSubject(week, person.writeIn()),
                (Locales.ENGLISH.equals(person.writeIn())
                                ? Templates.digest_en(person.fullName, counts, week)
                                : Templates.digest(person.fullName, counts, week))
                        .render());
    }

    /** Writes and commits the reminder_sent row; false when this message was already sent (or is being sent). */
    private boolean claim(long personId, String kind, String period) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("""
                        insert into reminder_sent (person_id, kind, period) values (?1, ?2, ?3)
                        on conflict do nothing""")
                                .setParameter(1, personId)
                                .setParameter(2, kind)
                                .setParameter(3, period)
                                .executeUpdate()
                        == 1);
    }

    private void send(long personId, String kind, String period, String to, String subject, String body) {
        try {
            mailer.send(Mail.withText(to, subject, body));
        } catch (RuntimeException e) {
            // the server refused or was unreachable: nothing went out, so the job may try again
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createNativeQuery(
                                    "delete from reminder_sent where person_id = ?1 and kind = ?2 and period = ?3")
                            .setParameter(1, personId)
                            .setParameter(2, kind)
                            .setParameter(3, period)
                            .executeUpdate());
            throw e;
        }
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "update reminder_sent set state = 'sent' where person_id = ?1 and kind = ?2 and period = ?3")
                        .setParameter(1, personId)
                        .setParameter(2, kind)
                        .setParameter(3, period)
                        .executeUpdate());
    }
}
