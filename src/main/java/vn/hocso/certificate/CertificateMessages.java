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

    @Message
    String signatures_title();

    @Message
    String signatures_intro();

    @Message
    String signatures_none();

    @Message
    String signatures_link();

    @Message
    String signature_unit();

    @Message
    String signature_unit_code();

    @Message
    String signature_signer_title();

    @Message
    String signature_signer_name();

    @Message
    String signature_image();

    @Message
    String signature_seal();

    @Message
    String signature_images_hint();

    @Message
    String signature_save();

    @Message
    String signature_delete();

    @Message
    String signature_unit_unknown();

    @Message
    String signature_text_required();

    @Message
    String signature_image_required();

    @Message
    String signature_image_not_png();

    @Message
    String signature_image_too_big(int kib, int side);

    @Message
    String signature_saved(String unit);

    @Message
    String signature_deleted(String unit);
}
