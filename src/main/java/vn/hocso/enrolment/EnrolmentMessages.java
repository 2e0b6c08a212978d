package vn.hocso.enrolment;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** messages/enrolment_vi|_en.properties. */
@MessageBundle(value = "enrolment", locale = "vi")
public interface EnrolmentMessages {

    @Message
    String enrolled(String course);
}
