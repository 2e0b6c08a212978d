package vn.hocso.reminder;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import vn.hocso.job.Job;
import vn.hocso.job.JobContext;
import vn.hocso.job.JobHandler;

/** The two kinds of reminder jobs, and the timer that plans them. */
class ReminderJobs {

    @ApplicationScoped
    static class Learner implements JobHandler {

        @Inject
        Reminders reminders;

        @Override
        public String kind() {
            return Reminders.LEARNER_JOB;
        }

        @Override
        public void run(Job job, JobContext context) {
            reminders.sendLearner(
                    ((Number) job.payload.get("person")).longValue(), LocalDate.parse((String) job.payload.get("day")));
        }
    }

    @ApplicationScoped
    static class Digest implements JobHandler {

        @Inject
        Reminders reminders;

        @Override
        public String kind() {
            return Reminders.DIGEST_JOB;
        }

        @Override
        public void run(Job job, JobContext context) {
            reminders.sendDigest(((Number) job.payload.get("person")).longValue(), (String) job.payload.get("week"));
        }
    }

    @ApplicationScoped
    static class Sweep {

        @Inject
        Reminders reminders;

        @Scheduled(every = "${hocso.reminders.sweep}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
        void plan() {
            reminders.plan(LocalDate.now(Reminders.VIETNAM));
        }
    }
}
