package vn.hocso.reminder;

import jakarta.enterprise.inject.spi.CDI;
import java.time.LocalDate;

/** Lets tests of other packages (the browser journeys) run the reminder sweep now instead of waiting for its timer. */
public final class ReminderSweepForTests {

    private ReminderSweepForTests() {}

    /** Plans today's reminders (Vietnam's day); the job worker sends them. Answers how many jobs were planned. */
    public static int planToday() {
        return CDI.current().select(Reminders.class).get().plan(LocalDate.now(Reminders.VIETNAM));
    }
}
