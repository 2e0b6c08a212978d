package vn.hocso.learning;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import vn.hocso.account.CurrentUser;
import vn.hocso.account.Person;
import vn.hocso.certificate.Certificate;
import vn.hocso.enrolment.Enrolment;
import vn.hocso.enrolment.Wave;
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
     * The same statements whatever the number of courses: enrolments with their courses, progress in all of them,
     * live certificates, and (only when a wave assigned one) the waves and the admins who published them.
     */
    @GET
    public TemplateInstance show() {
        Person person = currentUser.person();
        List<Enrolment> enrolments = Enrolment.listOfPerson(person.id);
        List<Long> courseIds = enrolments.stream().map(e -> e.course.id).toList();
        Map<Long, CourseProgress> byCourse = progress.ofCourses(person.id, courseIds);
        Map<Long, Certificate> certificates = Certificate.listLiveOfPerson(person.id, courseIds).stream()
                .collect(Collectors.toMap(c -> c.courseId, c -> c));
        Map<Long, Assignment> assignments = assignments(enrolments);
        List<MyCourse> courses = enrolments.stream()
                .map(e -> new MyCourse(
                        e,
                        byCourse.getOrDefault(e.course.id, CourseProgress.NONE),
                        certificates.get(e.course.id),
                        e.waveId == null ? null : assignments.get(e.id)))
                .toList();
        return Templates.my(courses, person.isProfileComplete());
    }

    /** Who assigned each assigned enrolment, in two statements for all of them (none when nothing was assigned). */
    private static Map<Long, Assignment> assignments(List<Enrolment> enrolments) {
        List<Enrolment> assigned =
                enrolments.stream().filter(e -> e.waveId != null).toList();
        if (assigned.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> waves =
                Wave.<Wave>list(
                                "id in ?1",
                                assigned.stream().map(e -> e.waveId).distinct().toList())
                        .stream()
                        .collect(Collectors.toMap(w -> w.id, w -> w.name));
        List<Long> adminIds = assigned.stream()
                .map(e -> e.assignedBy)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        Map<Long, String> admins = adminIds.isEmpty()
                ? Map.of()
                : Person.<Person>list("id in ?1", adminIds).stream()
                        .collect(Collectors.toMap(p -> p.id, p -> p.fullName));
        return assigned.stream()
                .collect(Collectors.toMap(
                        e -> e.id,
                        e -> new Assignment(
                                waves.get(e.waveId),
                                e.assignedBy == null ? "" : admins.getOrDefault(e.assignedBy, ""))));
    }
}
