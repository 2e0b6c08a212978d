package vn.hocso.account;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Text of the profile pages; messages/account_vi|_en.properties. */
@MessageBundle(value = "account", locale = "vi")
public interface AccountMessages {

    @Message
    String profile_title();

    @Message
    String profile_intro();

    @Message
    String profile_incomplete();

    @Message
    String full_name();

    @Message
    String email();

    @Message
    String email_hint();

    @Message
    String email_change();

    @Message
    String phone();

    @Message
    String unit();

    @Message
    String unit_choose();

    @Message
    String target_group();

    @Message
    String position();

    @Message
    String position_hint();

    @Message
    String save();

    @Message
    String saved();

    @Message
    String group_civil_servant();

    @Message
    String group_community_team();

    @Message
    String group_citizen();

    @Message
    String error_full_name();

    @Message
    String error_phone();

    @Message
    String error_unit();

    @Message
    String error_target_group();

    @Message
    String error_position();

    @Message
    String form_has_errors();

    @Message
    String sign_in_unavailable_title();

    @Message
    String sign_in_unavailable();
}
