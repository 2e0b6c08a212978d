package vn.hocso.report;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import vn.hocso.org.OrgUnit;

/**
 * Data for report tests, written in SQL as the other features would have written it: communes of their own (so counts
 * under them are known exactly), people, a course of their own, enrolments, completions and certificates.
 */
final class ReportFixtures {

    private ReportFixtures() {}

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static OrgUnit current(String code) {
        return QuarkusTransaction.requiringNew()
                .call(() -> OrgUnit.findCurrentByCode(code).orElseThrow());
    }

    /** A former province (before the 2025 merger) by its old code. */
    static OrgUnit former(String code) {
        return QuarkusTransaction.requiringNew()
                .call(() -> OrgUnit.<OrgUnit>find(
                                "code = ?1 and validTo is not null and kind = ?2", code, vn.hocso.org.UnitKind.PROVINCE)
                        .firstResult());
    }

    static long commune(String provinceCode, String name) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OrgUnit province = OrgUnit.findCurrentByCode(provinceCode).orElseThrow();
            Number id = (Number) Panache.getEntityManager()
                    .createNativeQuery("""
                            insert into org_unit (code, name, kind, parent_id, path, valid_from)
                            values (?1, ?2, 'commune', ?3, '', date '2022-01-01') returning id""")
                    .setParameter(1, "X" + unique())
                    .setParameter(2, name)
                    .setParameter(3, province.id)
                    .getSingleResult();
            Panache.getEntityManager()
                    .createNativeQuery("update org_unit set path = ?1 where id = ?2")
                    .setParameter(1, province.path + id + "/")
                    .setParameter(2, id.longValue())
                    .executeUpdate();
            return id.longValue();
        });
    }

    static long person(String subject, String name, long unitId, String phone, String civilServantId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) Panache.getEntityManager()
                                .createNativeQuery("""
                                insert into person (subject, full_name, email, phone, unit_id, target_group, civil_servant_id)
                                values (?1, ?2, ?3, ?4, ?5, 'civil-servant', ?6) returning id""")
                                .setParameter(1, subject)
                                .setParameter(2, name)
                                .setParameter(3, unique() + "@example.vn")
                                .setParameter(4, phone)
                                .setParameter(5, unitId)
                                .setParameter(6, civilServantId)
                                .getSingleResult())
                        .longValue());
    }

    /** A unit admin (by subject) with a live grant over the unit. */
    static void admin(String subject, String unitCode) {
        QuarkusTransaction.requiringNew().run(() -> {
            var em = Panache.getEntityManager();
            long unit = OrgUnit.findCurrentByCode(unitCode).orElseThrow().id;
            var existing = em.createNativeQuery("select id from person where subject = ?1")
                    .setParameter(1, subject)
                    .getResultList();
            long person = existing.isEmpty()
                    ? ((Number) em.createNativeQuery("""
                                    insert into person (subject, full_name, unit_id) values (?1, ?2, ?3) returning id""")
                                    .setParameter(1, subject)
                                    .setParameter(2, "Quản trị " + unitCode)
                                    .setParameter(3, unit)
                                    .getSingleResult())
                            .longValue()
                    : ((Number) existing.get(0)).longValue();
            em.createNativeQuery("""
                    insert into unit_admin_grant (person_id, unit_id, granted_by) values (?1, ?2, 'test')
                    on conflict do nothing""")
                    .setParameter(1, person)
                    .setParameter(2, unit)
                    .executeUpdate();
        });
    }

    static long course() {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) Panache.getEntityManager()
                                .createNativeQuery("""
                                insert into course (slug, title_vi, summary_vi, category_code, level, status)
                                values (?1, ?2, 'Khóa học cho báo cáo', 'ky-nang-so', 'basic', 'published') returning id""")
                                .setParameter(1, "bao-cao-" + unique())
                                .setParameter(2, "Khóa báo cáo " + unique())
                                .getSingleResult())
                        .longValue());
    }

    /** An enrolment; completed (and certified) on those days when not null. */
    static void enrol(
            long person, long course, LocalDate enrolled, LocalDate completed, LocalDate certified, LocalDate due) {
        QuarkusTransaction.requiringNew().run(() -> {
            var em = Panache.getEntityManager();
            em.createNativeQuery("""
                    insert into enrolment (person_id, course_id, source, enrolled_at, due_at, completed_at, last_seen_at)
                    values (?1, ?2, ?3, ?4, ?5, ?6, ?6)""")
                    .setParameter(1, person)
                    .setParameter(2, course)
                    .setParameter(3, due == null ? "self" : "assignment")
                    .setParameter(4, at(enrolled))
                    .setParameter(5, at(due))
                    .setParameter(6, at(completed))
                    .executeUpdate();
            if (certified != null) {
                em.createNativeQuery("""
                        insert into certificate (code, person_id, course_id, holder_name, course_title_vi, issuer_name,
                                                 completed_on, status, issued_at)
                        values (?1, ?2, ?3, 'x', 'x', 'x', ?4, 'issued', ?5)""")
                        .setParameter(1, code())
                        .setParameter(2, person)
                        .setParameter(3, course)
                        .setParameter(4, certified)
                        .setParameter(5, at(certified))
                        .executeUpdate();
            }
        });
    }

    /** An open wave of a unit, and an assignment of the course by it to the person, due on that day. */
    static long wave(String unitCode, long createdBy) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) Panache.getEntityManager()
                                .createNativeQuery("""
                                insert into wave (unit_id, name, starts_on, due_on, status, created_by)
                                values (?1, ?2, date '2025-09-01', date '2025-10-01', 'open', ?3) returning id""")
                                .setParameter(
                                        1, OrgUnit.findCurrentByCode(unitCode).orElseThrow().id)
                                .setParameter(2, "Đợt " + unique())
                                .setParameter(3, createdBy)
                                .getSingleResult())
                        .longValue());
    }

    static void assignByWave(long person, long course, long wave) {
        QuarkusTransaction.requiringNew()
                .run(() -> Panache.getEntityManager()
                        .createNativeQuery("update enrolment set wave_id = ?3 where person_id = ?1 and course_id = ?2")
                        .setParameter(1, person)
                        .setParameter(2, course)
                        .setParameter(3, wave)
                        .executeUpdate());
    }

    private static OffsetDateTime at(LocalDate day) {
        return day == null
                ? null
                : day.atTime(10, 0).atZone(ReportFilters.VIETNAM).toOffsetDateTime();
    }

    private static String code() {
        String alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
        StringBuilder s = new StringBuilder();
        java.util.Random r = new java.security.SecureRandom();
        for (int i = 0; i < 10; i++) {
            s.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    static long count(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = Panache.getEntityManager().createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return ((Number) q.getSingleResult()).longValue();
        });
    }
}
