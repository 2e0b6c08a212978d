package vn.hocso.progress;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Lesson pages and "my learning"; messages/progress_vi|_en.properties. */
@MessageBundle(value = "progress", locale = "vi")
public interface ProgressMessages {

    @Message
    String my_title();

    @Message
    String my_empty();

    @Message
    String my_browse();

    @Message
    String in_progress();

    @Message
    String completed();

    @Message
    String completed_on(String date);

    @Message
    String due_in(long days);

    @Message
    String due_today();

    @Message
    String overdue(long days);

    String due_on(String date);

    @Message
    String continue_learning();

    @Message
    String review();

    @Message
    String lessons_done(int done, int total);

    @Message
    String percent_label(int percent);

    @Message
    String profile_missing();

    @Message
    String profile_complete_link();

    @Message
    String mark_done();

    @Message
    String lesson_done();

    @Message
    String course_completed();

    @Message
    String already_done();

    @Message
    String previous();

    @Message
    String next();

    @Message
    String back_to_course();

    @Message
    String outline();

    @Message
    String not_manual();

    @Message
    String enrol_first();

    @Message
    String video_pending();

    @Message
    String optional();

    @Message
    String vietnamese_only();

    @Message
    String enrol_offer();

    @Message
    String bar_label();
}
