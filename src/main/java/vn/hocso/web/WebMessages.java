package vn.hocso.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Text of the layout and the error pages; the messages live in messages/web_vi|_en.properties. */
@MessageBundle(value = "web", locale = "vi")
public interface WebMessages {

    @Message
    String app_name();

    @Message
    String tagline();

    @Message
    String skip_to_content();

    @Message
    String nav_catalog();

    @Message
    String nav_my_learning();

    @Message
    String nav_profile();

    @Message
    String nav_admin();

    @Message
    String nav_unit_admin();

    @Message
    String nav_reports();

    @Message
    String nav_sign_in();

    @Message
    String nav_sign_out();

    @Message
    String nav_menu();

    @Message
    String language_label();

    @Message
    String language_vi();

    @Message
    String language_en();

    @Message
    String footer_text();

    @Message
    String footer_verify();

    @Message
    String footer_statistics();

    @Message
    String footer_api();

    @Message
    String error_back_home();

    @Message
    String error_title(int status);

    @Message
    String error_400();

    @Message
    String error_401();

    @Message
    String error_403();

    @Message
    String error_cross_site();

    @Message
    String error_404();

    @Message
    String error_405();

    @Message
    String error_503();

    @Message
    String error_409();

    @Message
    String error_429();

    @Message
    String error_500();

    @Message
    String error_406();

    @Message
    String error_413();

    @Message
    String error_414();

    @Message
    String error_415(String expected, String sent);

    /** Any other refusal of the request (a 4xx without a text of its own). */
    @Message
    String error_4xx();

    @Message
    String nav_trainer();

    @Message
    String api_docs_title();

    @Message
    String api_docs_intro();

    @Message
    String api_docs_auth();

    @Message
    String api_docs_document();

    @Message
    String api_docs_noscript();
}
