package vn.hocso.report;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Reports, exports and public statistics; messages/report_vi|_en.properties. */
@MessageBundle(value = "report", locale = "vi")
public interface ReportMessages {

    @Message
    String all();

    @Message
    String as_of();

    @Message
    String bad_as_of();

    @Message
    String bad_wave();

    @Message
    String filter_wave();

    @Message
    String bad_course();

    @Message
    String bad_date();

    @Message
    String bad_group();

    @Message
    String bad_page();

    @Message
    String bad_period();

    @Message
    String bad_view();

    @Message
    String chart_rates();

    @Message
    String chart_trend();

    @Message
    String col_assigned();

    @Message
    String col_certified();

    @Message
    String col_certified_on();

    @Message
    String col_civil_servant_id();

    @Message
    String col_code();

    @Message
    String col_completed();

    @Message
    String col_completed_on();

    @Message
    String col_course();

    @Message
    String col_due_on();

    @Message
    String col_email();

    @Message
    String col_enrolled();

    @Message
    String col_enrolled_on();

    @Message
    String col_group();

    @Message
    String col_name();

    @Message
    String col_overdue();

    @Message
    String col_people();

    @Message
    String col_phone();

    @Message
    String col_rate();

    @Message
    String col_started();

    @Message
    String col_status();

    @Message
    String col_unit();

    @Message
    String crumbs();

    @Message
    String export_csv();

    @Message
    String export_sheet_people();

    @Message
    String export_sheet_report();

    @Message
    String export_title_people();

    @Message
    String export_title_report();

    @Message
    String export_xlsx();

    @Message
    String filter_apply();

    @Message
    String filter_as_of();

    @Message
    String filter_course();

    @Message
    String filter_from();

    @Message
    String filter_group();

    @Message
    String filter_to();

    @Message
    String filter_view();

    @Message
    String filters();

    @Message
    String former();

    @Message
    String group_citizen();

    @Message
    String group_civil_servant();

    @Message
    String group_community_team();

    @Message
    String group_none();

    @Message
    String masked_note();

    @Message
    String next();

    @Message
    String no_units();

    @Message
    String people_caption();

    @Message
    String people_link();

    @Message
    String people_none();

    @Message
    String people_title();

    @Message
    String previous();

    @Message
    String reports_intro();

    @Message
    String reports_title();

    @Message
    String rest_row();

    @Message
    String stats_by_group();

    @Message
    String stats_certificates();

    @Message
    String stats_completions();

    @Message
    String stats_intro();

    @Message
    String stats_learners();

    @Message
    String stats_pending();

    @Message
    String stats_ranking();

    @Message
    String stats_title();

    @Message
    String stats_trend();

    @Message
    String stats_updated();

    @Message
    String status_certified();

    @Message
    String status_completed();

    @Message
    String status_enrolled();

    @Message
    String status_not_enrolled();

    @Message
    String status_overdue();

    @Message
    String status_started();

    @Message
    String table_caption();

    @Message
    String title_generated();

    @Message
    String title_period();

    @Message
    String title_unit();

    @Message
    String total_row();

    @Message
    String view_current();

    @Message
    String view_former();

    @Message
    String exports_title();

    @Message
    String exports_none();

    @Message
    String exports_intro();

    @Message
    String export_status_queued();

    @Message
    String export_status_running();

    @Message
    String export_status_done();

    @Message
    String export_status_failed();

    @Message
    String export_download();

    @Message
    String export_expires();

    @Message
    String export_rows_written();

    @Message
    String export_file();

    @Message
    String export_started_at();

    @Message
    String export_background_title();

    @Message
    String export_background_start();

    @Message
    String export_started();

    @Message
    String export_already_running();

    @Message
    String export_refreshing();

    @Message
    String my_exports();

    @Message
    String export_background_intro(int threshold);
}
