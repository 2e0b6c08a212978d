package vn.hocso.quiz;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Quiz pages, results, statistics and refusals; messages/quiz_vi|_en.properties. */
@MessageBundle(value = "quiz", locale = "vi")
public interface QuizMessages {

    @Message
    String rule_questions(int count);

    @Message
    String rule_time(long minutes);

    @Message
    String rule_no_time();

    @Message
    String rule_pass(int percent);

    @Message
    String rule_attempts(Integer count);

    @Message
    String rule_attempts_unlimited();

    @Message
    String rule_delay(int minutes);

    @Message
    String rule_counts_highest();

    @Message
    String rule_counts_last();

    @Message
    String rule_review_score();

    @Message
    String rule_review_mistakes();

    @Message
    String rule_review_answers();

    @Message
    String your_result(long percent);

    @Message
    String passed();

    @Message
    String not_passed();

    @Message
    String open_attempt(int number);

    @Message
    String resume();

    @Message
    String retake();

    @Message
    String start();

    @Message
    String attempts_left(Integer count);

    @Message
    String limit_reached();

    @Message
    String wait_until(String time);

    @Message
    String history();

    @Message
    String col_attempt();

    @Message
    String col_started();

    @Message
    String col_duration();

    @Message
    String col_score();

    @Message
    String col_result();

    @Message
    String attempt_number(int number);

    @Message
    String expired();

    @Message
    String in_progress();

    @Message
    String stats_link();

    @Message
    String time_is_up();

    @Message
    String see_result();

    @Message
    String status_label();

    @Message
    String time_left();

    @Message
    String until(String time);

    @Message
    String saving();

    @Message
    String saved();

    @Message
    String save_failed();

    @Message
    String save_retrying();

    @Message
    String question_number(int number, int total);

    @Message
    String choose_all();

    @Message
    String your_answer();

    @Message
    String type_answer();

    @Message
    String save();

    @Message
    String submit();

    @Message
    String result_title(String lesson);

    @Message
    String passed_message(int percent);

    @Message
    String failed_message(int percent);

    @Message
    String closed_by_time();

    @Message
    String review_heading();

    @Message
    String verdict_right();

    @Message
    String verdict_partial();

    @Message
    String verdict_wrong();

    @Message
    String no_answer();

    @Message
    String accepted_answers();

    @Message
    String your_choice();

    @Message
    String correct_answer();

    @Message
    String review_score_only();

    @Message
    String back_to_quiz();

    @Message
    String stats_title(String lesson);

    @Message
    String stats_summary(long attempts, long learners, String mean, long passed);

    @Message
    String stats_distribution();

    @Message
    String stats_attempts();

    @Message
    String bucket(int from, int to);

    @Message
    String stats_items();

    @Message
    String stats_help();

    @Message
    String type_single();

    @Message
    String type_multiple();

    @Message
    String type_truefalse();

    @Message
    String type_text();

    @Message
    String retired();

    @Message
    String stats_flagged();

    @Message
    String stats_shown();

    @Message
    String stats_answered();

    @Message
    String stats_facility();

    @Message
    String stats_discrimination();

    @Message
    String true_label();

    @Message
    String vietnamese_only();

    @Message
    String false_label();

    @Message
    String enrol_first();

    @Message
    String closed();

    @Message
    String not_graded();

    @Message
    String open_quiz();

    @Message
    String quiz_intro();

    @Message
    String course_completed(String course);

    @Message
    String certificate_on_my_learning();

    @Message
    String enrol_offer();
}
