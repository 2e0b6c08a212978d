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
}
