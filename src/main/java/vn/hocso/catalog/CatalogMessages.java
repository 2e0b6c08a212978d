package vn.hocso.catalog;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Catalogue and course pages; messages/catalog_vi|_en.properties. */
@MessageBundle(value = "catalog", locale = "vi")
public interface CatalogMessages {

    @Message
    String title();

    @Message
    String heading();

    @Message
    String intro();

    @Message
    String search_label();

    @Message
    String search_placeholder();

    @Message
    String search_button();

    @Message
    String filter_category();

    @Message
    String filter_group();

    @Message
    String filter_all();

    @Message
    String results(long count);

    @Message
    String all_courses(long count);

    @Message
    String no_results();

    @Message
    String duration(int minutes);

    @Message
    String pages();

    @Message
    String previous();

    @Message
    String next();

    @Message
    String page_of(int page, int pages);

    @Message
    String level_basic();

    @Message
    String level_intermediate();

    @Message
    String level_advanced();

    @Message
    String breadcrumb();

    @Message
    String fact_category();

    @Message
    String fact_level();

    @Message
    String fact_duration();

    @Message
    String fact_for();

    @Message
    String you_completed();

    @Message
    String enrol_intro();

    @Message
    String enrol();

    @Message
    String sign_in_to_enrol();

    @Message
    String outline();

    @Message
    String kind_text();

    @Message
    String kind_video();

    @Message
    String kind_quiz();

    @Message
    String matching_lesson();
}
