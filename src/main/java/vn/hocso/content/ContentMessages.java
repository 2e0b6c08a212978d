package vn.hocso.content;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Import problems and the admin import page; messages/content_vi|_en.properties. */
@MessageBundle(value = "content", locale = "vi")
public interface ContentMessages {

    @Message
    String yaml_invalid(String detail);

    @Message
    String not_a_mapping(String field);

    @Message
    String not_a_list(String field);

    @Message
    String not_text(String field);

    @Message
    String missing_field(String field);

    @Message
    String unknown_field(String field);

    @Message
    String bad_value(String field, String allowed);

    @Message
    String too_long(String field, int max);

    @Message
    String bad_id(String id);

    @Message
    String duplicate_id(String id);

    @Message
    String file_missing(String path);

    @Message
    String file_outside(String path);

    @Message
    String file_symlink(String path);

    @Message
    String bad_slug(String slug);

    @Message
    String duplicate_slug(String slug, String other);

    @Message
    String front_matter_missing();

    @Message
    String final_quiz_unknown(String key);

    @Message
    String folder_missing(String path);

    @Message
    String write_failed(String detail);

    @Message
    String admin_title();

    @Message
    String admin_intro(String folder);

    @Message
    String admin_run();

    @Message
    String admin_last(String when, String by);

    @Message
    String admin_never();

    @Message
    String admin_done(int created, int updated, int unchanged, int rejected);

    @Message
    String col_course();

    @Message
    String col_outcome();

    @Message
    String col_problems();

    @Message
    String outcome_created();

    @Message
    String outcome_updated();

    @Message
    String outcome_unchanged();

    @Message
    String outcome_rejected();

    @Message
    String outcome_kept();

    @Message
    String kept_edited(String file);

    @Message
    String change_imported();

    @Message
    String quiz_duplicate_id(String id);

    @Message
    String quiz_not_for_type(String field, String type);

    @Message
    String quiz_options_count(int min, int max);

    @Message
    String quiz_single_correct();

    @Message
    String quiz_multiple_correct();

    @Message
    String quiz_draw_too_many(int count, int available);

    @Message
    String quiz_draw_tag(String tag, int count, int available);

    @Message
    String zip_missing();

    @Message
    String zip_refused(String reason);

    @Message
    String zip_unreadable();

    @Message
    String zip_checked(int created, int updated, int unchanged, int rejected);

    @Message
    String zip_too_many(int max);

    @Message
    String zip_too_large(long mb);

    @Message
    String zip_file_too_large(String entry, long mb);

    @Message
    String zip_link(String entry);

    @Message
    String zip_outside(String entry);

    @Message
    String zip_not_in_folder(String entry);

    @Message
    String zip_duplicate(String entry);

    @Message
    String zip_empty();

    @Message
    String admin_zip_title();

    @Message
    String admin_zip_intro();

    @Message
    String admin_zip_file();

    @Message
    String admin_zip_check();

    @Message
    String admin_zip_import();

    @Message
    String admin_export();

    @Message
    String admin_dry_run(String source);

    @Message
    String admin_zip_source(String source);

    @Message
    String authoring_title();

    @Message
    String authoring_none();

    @Message
    String authoring_export();

    @Message
    String author_add();

    @Message
    String author_add_author();

    @Message
    String author_add_lesson();

    @Message
    String author_add_module();

    @Message
    String author_add_module_first();

    @Message
    String author_authors();

    @Message
    String author_body();

    @Message
    String author_body_hint();

    @Message
    String author_category();

    @Message
    String author_changes();

    @Message
    String author_check();

    @Message
    String author_conflict(String by);

    @Message
    String author_conflict_help();

    @Message
    String author_conflict_theirs(String by);

    @Message
    String author_conflict_yours();

    @Message
    String author_course_title(String title);

    @Message
    String author_create();

    @Message
    String author_details();

    @Message
    String author_down();

    @Message
    String author_edit();

    @Message
    String author_edit_quiz();

    @Message
    String author_file_added();

    @Message
    String author_file_changed();

    @Message
    String author_file_removed();

    @Message
    String author_final_quiz();

    @Message
    String author_form_errors();

    @Message
    String author_groups();

    @Message
    String author_has_draft();

    @Message
    String author_id();

    @Message
    String author_id_hint();

    @Message
    String author_in_review(String by);

    @Message
    String author_is_published();

    @Message
    String author_kind();

    @Message
    String author_kind_quiz();

    @Message
    String author_kind_text();

    @Message
    String author_kind_video();

    @Message
    String author_lesson_title(String key);

    @Message
    String author_lessons_added();

    @Message
    String author_lessons_removed();

    @Message
    String author_level();

    @Message
    String author_log();

    @Message
    String author_log_empty();

    @Message
    String author_log_what();

    @Message
    String author_log_when();

    @Message
    String author_log_who();

    @Message
    String author_make_optional();

    @Message
    String author_make_required();

    @Message
    String author_minutes();

    @Message
    String author_module();

    @Message
    String author_new();

    @Message
    String author_no_changes();

    @Message
    String author_no_final_quiz();

    @Message
    String author_no_problems();

    @Message
    String author_not_published();

    @Message
    String author_not_ready();

    @Message
    String author_optional();

    @Message
    String author_outline();

    @Message
    String author_preview();

    @Message
    String author_publish();

    @Message
    String author_published();

    @Message
    String author_retire();

    @Message
    String author_return();

    @Message
    String author_save();

    @Message
    String author_save_preview();

    @Message
    String author_saved();

    @Message
    String author_slug();

    @Message
    String author_slug_hint();

    @Message
    String author_slug_taken(String slug);

    @Message
    String author_submit();

    @Message
    String author_submitted();

    @Message
    String author_summary_en();

    @Message
    String author_summary_vi();

    @Message
    String author_title_en();

    @Message
    String author_title_vi();

    @Message
    String author_up();

    @Message
    String author_video();

    @Message
    String change_author_added();

    @Message
    String change_created();

    @Message
    String change_details();

    @Message
    String change_lesson_added();

    @Message
    String change_lesson_edited();

    @Message
    String change_module_added();

    @Message
    String change_moved();

    @Message
    String change_optional();

    @Message
    String change_published();

    @Message
    String change_quiz_edited();

    @Message
    String change_required();

    @Message
    String change_retired();

    @Message
    String change_returned();

    @Message
    String change_submitted();

    @Message
    String author_quiz_title(String key);

    @Message
    String author_quiz_conflict_help();

    @Message
    String author_quiz_settings();

    @Message
    String author_quiz_draw();

    @Message
    String author_quiz_draw_hint();

    @Message
    String author_quiz_draw_by_tag();

    @Message
    String author_quiz_draw_by_tag_hint();

    @Message
    String author_quiz_shuffle_questions();

    @Message
    String author_quiz_shuffle_options();

    @Message
    String author_quiz_time_limit();

    @Message
    String author_quiz_max_attempts();

    @Message
    String author_quiz_delay();

    @Message
    String author_quiz_pass();

    @Message
    String author_quiz_counting();

    @Message
    String author_quiz_review();

    @Message
    String author_quiz_questions(int count);

    @Message
    String author_quiz_add();

    @Message
    String author_quiz_remove();

    @Message
    String author_question_title(String key);

    @Message
    String author_question_type();

    @Message
    String author_question_stem_vi();

    @Message
    String author_question_stem_en();

    @Message
    String author_question_options();

    @Message
    String author_question_options_hint();

    @Message
    String author_option_id(int n);

    @Message
    String author_option_vi();

    @Message
    String author_option_en();

    @Message
    String author_option_correct();

    @Message
    String author_question_truefalse();

    @Message
    String author_true();

    @Message
    String author_false();

    @Message
    String author_question_answers();

    @Message
    String author_question_weight();

    @Message
    String author_question_tags();

    @Message
    String author_question_feedback_vi();

    @Message
    String author_question_feedback_en();

    @Message
    String author_type_single();

    @Message
    String author_type_multiple();

    @Message
    String author_type_truefalse();

    @Message
    String author_type_text();
}
