package vn.hocso.learning;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import vn.hocso.account.CurrentUser;
import vn.hocso.account.Person;
import vn.hocso.account.TargetGroup;
import vn.hocso.certificate.Certificate;
import vn.hocso.certificate.CertificateStatus;
import vn.hocso.codes.Coded;
import vn.hocso.course.Course;
import vn.hocso.enrolment.Enrolment;
import vn.hocso.enrolment.EnrolmentSource;
import vn.hocso.progress.CourseProgress;
import vn.hocso.progress.ProgressService;
import vn.hocso.web.Dates;
import vn.hocso.web.Links;
import vn.hocso.web.Locales;

/** "My learning": the learner's courses with progress, due dates and a way back in. */
@Path("/my")
@Authenticated
class MyLearningResource {

    @CheckedTemplate(basePath = "learning")
    static class Templates {
        static native TemplateInstance my(List<MyCourse> courses, boolean profileComplete);
    }

    /** One line of the page. */
    record MyCourse(Enrolment enrolment, CourseProgress progress, Certificate certificate, Assignment assignment) {

        /**
         * Days until the last day (0 on it, negative once overdue), as the reminders count them: due_at is the
         * midnight after the last day, so the day after it is one day overdue. Only meaningful with a due date.
         */
        public long daysLeft() {
            return ChronoUnit.DAYS.between(LocalDate.now(Locales.VIETNAM_TIME), lastDay());
        }

        private LocalDate lastDay() {
            return enrolment
                    .dueAt
                    .atZoneSameInstant(Locales.VIETNAM_TIME)
                    .toLocalDate()
                    .minusDays(1);
        }

        /** The last day to finish on (due_at is the midnight after it, in Vietnam), as people read dates. */
        public String dueOn() {
            return Dates.day(enrolment
                    .dueAt
                    .atZoneSameInstant(Locales.VIETNAM_TIME)
                    .toLocalDate()
                    .minusDays(1));
        }

        public long overdueDays() {
            return -daysLeft();
        }

        public String completedOn() {
            return Dates.day(enrolment.completedAt);
        }

        public String continueUrl() {
            return Links.lessonOrCourse(enrolment.course.slug, progress.nextLessonKey());
        }
    }

    /** Who assigned a course, and in which wave. */
    record Assignment(String wave, String admin) {}

    @Inject
    CurrentUser currentUser;

    @Inject
    ProgressService progress;

    /**
     * Two statements whatever the number of courses (the session check has found the person already): the person
     * with their enrolments, courses, live certificates and who assigned each, through the owners' views; then
     * progress in all of them.
     */
    @GET
    public TemplateInstance show() {
        long personId = currentUser.personId();
        List<?> rows = Panache.getEntityManager()
                .createNativeQuery("""
                        select me.unit_id, me.target_group, e.course_id, k.slug, k.title_vi, k.title_en, e.source,
                               e.enrolled_at, e.due_at, e.completed_at, e.wave_id, e.assigned_by, e.wave_name,
                               admin.full_name, cert.code, cert.status
                        from person_in_unit me
                        left join enrolment_status e on e.person_id = me.person_id
                        left join course_title k on k.course_id = e.course_id
                        left join live_certificate cert on cert.person_id = me.person_id and cert.course_id = e.course_id
                        left join person_in_unit admin on admin.person_id = e.assigned_by
                        where me.person_id = ?1
                        order by case when e.completed_at is null then 0 else 1 end, e.due_at nulls last,
                                 e.enrolled_at desc""")
                .setParameter(1, personId)
                .getResultList();
        if (rows.isEmpty()) {
            return Templates.my(List.of(), currentUser.person().isProfileComplete());
        }
        List<Object[]> lines =
                rows.stream().map(r -> (Object[]) r).filter(r -> r[2] != null).toList();
        Map<Long, CourseProgress> byCourse = progress.ofCourses(
                personId, lines.stream().map(r -> ((Number) r[2]).longValue()).toList());
        List<MyCourse> courses = lines.stream()
                .map(r -> new MyCourse(
                        enrolment(personId, r),
                        byCourse.getOrDefault(((Number) r[2]).longValue(), CourseProgress.NONE),
                        certificate(r),
                        r[10] == null ? null : new Assignment((String) r[12], r[13] == null ? "" : (String) r[13])))
                .toList();
        // the person as far as the profile rule needs it (Person.isProfileComplete), from the same row
        Object[] first = (Object[]) rows.get(0);
        Person me = new Person();
        me.unitId = first[0] == null ? null : ((Number) first[0]).longValue();
        me.targetGroup = TargetGroup.fromCode((String) first[1]).orElse(null);
        return Templates.my(courses, me.isProfileComplete());
    }

    /**
     * The line's enrolment and course as the page reads them: detached values made from the views' row, never
     * persisted (nothing on this page writes).
     */
    private static Enrolment enrolment(long personId, Object[] r) {
        Course course = new Course();
        course.id = ((Number) r[2]).longValue();
        course.slug = (String) r[3];
        course.titleVi = (String) r[4];
        course.titleEn = (String) r[5];
        Enrolment e = new Enrolment();
        e.personId = personId;
        e.course = course;
        e.source = Coded.fromCode(EnrolmentSource.class, (String) r[6]).orElse(null);
        e.enrolledAt = time(r[7]);
        e.dueAt = time(r[8]);
        e.completedAt = time(r[9]);
        e.waveId = r[10] == null ? null : ((Number) r[10]).longValue();
        e.assignedBy = r[11] == null ? null : ((Number) r[11]).longValue();
        return e;
    }

    private static Certificate certificate(Object[] r) {
        if (r[14] == null) {
            return null;
        }
        Certificate c = new Certificate();
        c.code = (String) r[14];
        c.status = Coded.fromCode(CertificateStatus.class, (String) r[15]).orElse(CertificateStatus.PENDING);
        return c;
    }

    private static OffsetDateTime time(Object value) {
        if (value == null || value instanceof OffsetDateTime) {
            return (OffsetDateTime) value;
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("not a time: " + value.getClass());
    }
}
