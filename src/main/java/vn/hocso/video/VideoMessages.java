package vn.hocso.video;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The trainer's video page, the player and refusals; messages/video_vi|_en.properties. */
@MessageBundle(value = "video", locale = "vi")
public interface VideoMessages {

    @Message
    String trainer_title(String lesson);

    @Message
    String trainer_intro();

    @Message
    String manage();

    @Message
    String back_to_lesson();

    @Message
    String status_heading();

    @Message
    String status_none();

    @Message
    String status_queued();

    @Message
    String status_processing(int percent);

    @Message
    String status_ready();

    @Message
    String status_failed(String reason);

    @Message
    String ready_details(String duration, String renditions);

    @Message
    String replacing_note();

    @Message
    String upload_heading();

    @Message
    String upload_label();

    @Message
    String upload_hint(String max);

    @Message
    String upload_button();

    @Message
    String upload_sending();

    @Message
    String upload_checking();

    @Message
    String upload_network();

    @Message
    String upload_retry();

    @Message
    String upload_pick();

    @Message
    String error_not_video();

    @Message
    String error_too_large(String max);

    @Message
    String error_empty();

    @Message
    String error_missing();

    @Message
    String error_unreadable();

    @Message
    String error_no_picture();

    @Message
    String error_transcode_failed();

    @Message
    String error_gone();

    @Message
    String captions_heading();

    @Message
    String captions_intro();

    @Message
    String captions_none();

    @Message
    String captions_lang();

    @Message
    String captions_file();

    @Message
    String captions_upload();

    @Message
    String captions_saved(String lang);

    @Message
    String captions_bad();

    @Message
    String lang(String code);

    @Message
    String preview();

    @Message
    String saver_label();

    @Message
    String saver_off();

    @Message
    String saver_240p();

    @Message
    String saver_audio();

    /** The button on the poster that starts the video (nothing is fetched before it is pressed). */
    @Message
    String play();

    /** The name of the sound track in the master playlist (players that list tracks show it). */
    @Message
    String audio_track();

    @Message
    String watched(int percent);

    @Message
    String watched_unsaved();

    @Message
    String player_error();

    @Message
    String not_ready();

    @Message
    String heartbeat_bad();

    @Message
    String heartbeat_implausible();

    @Message
    String ticket_invalid();

    @Message
    String throttled();

    @Message
    String transcode_progress_label();

    @Message
    String upload_progress_label();
}
