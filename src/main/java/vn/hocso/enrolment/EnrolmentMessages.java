package vn.hocso.enrolment;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** messages/enrolment_vi|_en.properties. */
@MessageBundle(value = "enrolment", locale = "vi")
public interface EnrolmentMessages {

    @Message
    String enrolled(String course);

    @Message
    String waves_title();

    @Message
    String waves_none();

    @Message
    String wave_new();

    @Message
    String wave_name();

    @Message
    String wave_unit();

    @Message
    String wave_courses();

    @Message
    String wave_groups();

    @Message
    String wave_starts();

    @Message
    String wave_due();

    @Message
    String wave_targets();

    @Message
    String wave_create();

    @Message
    String wave_status();

    @Message
    String wave_window();

    @Message
    String wave_publish();

    @Message
    String wave_assign_again();

    @Message
    String wave_close();

    @Message
    String wave_cancel();

    @Message
    String wave_progress();

    @Message
    String wave_target();

    @Message
    String wave_people();

    @Message
    String wave_assigned();

    @Message
    String wave_completed();

    @Message
    String wave_overdue();

    @Message
    String wave_draft();

    @Message
    String wave_open();

    @Message
    String wave_closed();

    @Message
    String wave_cancelled();

    @Message
    String wave_published(int assigned);

    @Message
    String wave_ended();

    @Message
    String wave_bad_name();

    @Message
    String wave_bad_unit();

    @Message
    String wave_bad_dates();

    @Message
    String wave_bad_course();

    @Message
    String wave_bad_group();

    @Message
    String wave_bad_target(String line);

    @Message
    String wave_unreachable(long count);

    @Message
    String assigned_by(String wave, String admin);
}
