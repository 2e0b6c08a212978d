package vn.hocso.job;

import java.time.Duration;

/**
 * Does one kind of job. Implementations are CDI beans; the worker finds them by {@link #kind()}. A handler must
 * be idempotent: a job whose instance crashed mid-way runs again on another one.
 */
public interface JobHandler {

    /** The job kind this handler runs, e.g. "transcode". */
    String kind();

    /** How many jobs of this kind one instance runs at once. */
    default int concurrency() {
        return 1;
    }

    /**
     * How long a claim lasts before another instance may take the job again; the worker renews it while
     * {@link #run} runs, so it only lapses when the instance dies.
     */
    default Duration lease() {
        return Duration.ofMinutes(5);
    }

    /** Runs the job; throwing fails this attempt (retried with back-off until max attempts). */
    void run(Job job, JobContext context) throws Exception;

    /** A failure that retrying cannot fix (a corrupt file): the job fails at once with this message. */
    class Permanent extends RuntimeException {
        public Permanent(String message) {
            super(message);
        }
    }
}
