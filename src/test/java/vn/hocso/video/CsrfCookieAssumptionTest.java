package vn.hocso.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.hocso.Forms;

/**
 * Guards HeartbeatRoute's CSRF check, which redoes quarkus-rest-csrf's own: it compares the form field with the
 * cookie, valid only while the cookie carries the token unsigned. This fails the day Quarkus signs the cookie (or
 * stops setting it) by default.
 */
@QuarkusTest
class CsrfCookieAssumptionTest {

    @Test
    void theCsrfCookieIsTheFormTokenItselfAsHeartbeatRouteAssumes() {
        Forms.Csrf csrf = Forms.csrfFrom("/");
        assertNotNull(csrf.cookie(), "a page with a form set no CSRF cookie; HeartbeatRoute reads that cookie");
        assertEquals(
                csrf.field(),
                csrf.cookie(),
                "the CSRF cookie no longer equals the form's token (signed?): HeartbeatRoute compares the two and"
                        + " would refuse every heartbeat");
    }
}
