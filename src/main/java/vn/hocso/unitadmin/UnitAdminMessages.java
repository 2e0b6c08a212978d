package vn.hocso.unitadmin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The organisation tree, grants, rosters and people pages; messages/unitadmin_vi|_en.properties. */
@MessageBundle(value = "unitadmin", locale = "vi")
public interface UnitAdminMessages {

    @Message
    String tree_title();

    @Message
    String search_label();

    @Message
    String search_button();

    @Message
    String search_results();

    @Message
    String search_none();

    @Message
    String search_too_long();

    @Message
    String former_until();

    @Message
    String trail();

    @Message
    String code();

    @Message
    String name();

    @Message
    String kind();

    @Message
    String valid_from();

    @Message
    String valid_to();

    @Message
    String replaced_by();

    @Message
    String as_of();

    @Message
    String show();

    @Message
    String children_as_of();

    @Message
    String name_as_of();

    @Message
    String no_children();

    @Message
    String add_title();

    @Message
    String add_button();

    @Message
    String rename_title();

    @Message
    String rename_button();

    @Message
    String effective();

    @Message
    String move_title();

    @Message
    String new_parent_code();

    @Message
    String move_button();

    @Message
    String merge_title();

    @Message
    String merge_units();

    @Message
    String merge_code();

    @Message
    String merge_name();

    @Message
    String merge_from();

    @Message
    String merge_button();

    @Message
    String history();

    @Message
    String change_created();

    @Message
    String change_renamed();

    @Message
    String change_moved();

    @Message
    String change_merged();

    @Message
    String kind_country();

    @Message
    String kind_ministry();

    @Message
    String kind_agency();

    @Message
    String kind_province();

    @Message
    String kind_commune();

    @Message
    String kind_village();

    @Message
    String kind_team();

    @Message
    String saved();

    @Message
    String bad_date();

    @Message
    String bad_kind();

    @Message
    String unknown_code();

    @Message
    String tree_not_current();

    @Message
    String tree_kind_not_allowed();

    @Message
    String tree_code_in_use();

    @Message
    String tree_own_subtree();

    @Message
    String tree_date_in_future();

    @Message
    String tree_date_before_unit();

    @Message
    String tree_too_few();

    @Message
    String tree_kinds_differ();

    @Message
    String import_units_title();

    @Message
    String grants_title();

    @Message
    String grants_intro();

    @Message
    String person();

    @Message
    String unit();

    @Message
    String revoke();

    @Message
    String grant_title();

    @Message
    String grant_button();

    @Message
    String email();

    @Message
    String phone();

    @Message
    String unit_code();

    @Message
    String grant_unknown_person();

    @Message
    String home_title();

    @Message
    String no_grants();

    @Message
    String people_title();

    @Message
    String rosters_title();

    @Message
    String waves_title();

    @Message
    String people_search();

    @Message
    String people_none();

    @Message
    String not_signed_in();

    @Message
    String signed_in();

    @Message
    String previous();

    @Message
    String next();

    @Message
    String civil_servant_id();

    @Message
    String position();

    @Message
    String sign_in();

    @Message
    String edit_person();

    @Message
    String target_group();

    @Message
    String save();

    @Message
    String unit_outside_scope();

    @Message
    String bad_target_group();

    @Message
    String too_long();

    @Message
    String bad_page();

    @Message
    String roster_upload_title();

    @Message
    String roster_upload_help();

    @Message
    String roster_file();

    @Message
    String roster_dry_run();

    @Message
    String roster_history();

    @Message
    String roster_none();

    @Message
    String roster_status_applied();

    @Message
    String roster_status_dry_run();

    @Message
    String roster_counts(int newRows, int changed, int moved, int same, int rejected);

    @Message
    String roster_apply_help();

    @Message
    String roster_apply();

    @Message
    String roster_applied();

    @Message
    String roster_changed_since();

    @Message
    String roster_file_gone();

    @Message
    String roster_rows_shown(int shown, int total);

    @Message
    String roster_row();

    @Message
    String roster_outcome();

    @Message
    String roster_what();

    @Message
    String outcome_new();

    @Message
    String outcome_changed();

    @Message
    String outcome_moved();

    @Message
    String outcome_unchanged();

    @Message
    String outcome_rejected();

    @Message
    String file_missing();

    @Message
    String file_too_large(long mb);

    @Message
    String file_not_utf8(int row);

    @Message
    String file_not_xlsx();

    @Message
    String file_missing_column(String column);

    @Message
    String file_formula(int row, String column);

    @Message
    String file_too_many_rows(int row);

    @Message
    String file_cell_too_long(int row, String column);

    @Message
    String file_empty();

    @Message
    String row_name_missing();

    @Message
    String row_too_long(String field);

    @Message
    String row_bad_email(String value);

    @Message
    String row_bad_phone(String value);

    @Message
    String row_contact_missing();

    @Message
    String row_bad_civil_id(String value);

    @Message
    String row_unknown_unit(String value);

    @Message
    String row_unit_outside_scope(String value);

    @Message
    String row_bad_target_group(String value);

    @Message
    String row_duplicate(String value);

    @Message
    String row_contact_of_another();

    @Message
    String row_person_outside_scope();

    @Message
    String units_upload_help();

    @Message
    String row_bad_code(String value);

    @Message
    String row_bad_kind(String value);

    @Message
    String row_bad_date(String value);

    @Message
    String row_kind_not_allowed(String value);

    @Message
    String tree_blank();
}
