package vn.hocso.certificate;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Certificates, verification, transcript and the admin page; messages/certificate_vi|_en.properties. */
@MessageBundle(value = "certificate", locale = "vi")
public interface CertificateMessages {

    @Message
    String verify_title();

    @Message
    String verify_intro();

    @Message
    String verify_code_label();

    @Message
    String verify_code_hint();

    @Message
    String verify_button();

    @Message
    String verify_invalid_format();

    @Message
    String status_valid();

    @Message
    String status_pending();

    @Message
    String status_revoked(String date);

    @Message
    String status_replaced();

    @Message
    String status_unknown();

    @Message
    String replaced_by();

    @Message
    String holder();

    @Message
    String course();

    @Message
    String completed_on();

    @Message
    String code();

    @Message
    String issuer();

    @Message
    String too_many_attempts();

    @Message
    String download();

    @Message
    String being_prepared();

    @Message
    String not_available();

    @Message
    String transcript_title();

    @Message
    String transcript_intro();

    @Message
    String transcript_empty();

    @Message
    String transcript_pdf();

    @Message
    String admin_title();

    @Message
    String admin_find();

    @Message
    String admin_status();

    @Message
    String state_pending();

    @Message
    String state_issued();

    @Message
    String state_revoked();

    @Message
    String state_replaced();

    @Message
    String admin_revoke();

    @Message
    String admin_reissue();

    @Message
    String admin_reason();

    @Message
    String admin_reason_required();

    @Message
    String admin_revoked();

    @Message
    String admin_reissued(String code);

    @Message
    String admin_history();

    @Message
    String admin_not_found();

    @Message
    String action_revoke();

    @Message
    String action_reissue();
}
