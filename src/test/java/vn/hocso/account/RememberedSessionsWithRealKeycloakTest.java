package vn.hocso.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.hocso.CookieBrowser;
import vn.hocso.e2e.RealKeycloakProfile;

/**
 * Sessions signed in through the real Keycloak: their cookies are decrypted and their tokens verified once, then
 * answered from memory, and every rule still holds — each session proves only its own person, a cookie altered by
 * one character proves nothing, and signing out ends the session at once although it is still remembered.
 */
@QuarkusTest
@TestProfile(RealKeycloakProfile.class)
@Tag("e2e")
class RememberedSessionsWithRealKeycloakTest {

    static final String APP = "http://127.0.0.1:" + RealKeycloakProfile.PORT;
    static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    @Inject
    DecryptedSessionCookies cookies;

    @Inject
    VerifiedSessions sessions;

    private static CookieBrowser signedIn(String user) {
        CookieBrowser browser = new CookieBrowser();
        browser.signIn(APP, user);
        return browser;
    }

    private static String fullName(HttpResponse<String> profile) {
        Matcher m = Pattern.compile("name=\"fullName\"[^>]*value=\"([^\"]*)\"").matcher(profile.body());
        assertTrue(m.find(), profile.body());
        return m.group(1);
    }

    @Test
    void aSecondPageOfTheSameSessionIsAnsweredFromMemoryAndProvesOnlyItsOwnPerson() {
        CookieBrowser hocvien = signedIn("hocvien");
        CookieBrowser giangvien = signedIn("giangvien");
        HttpResponse<String> first = hocvien.get(APP + "/profile");
        assertEquals(200, first.statusCode());
        long decrypted = cookies.answeredFromMemory();
        long verified = sessions.answeredFromMemory();

        HttpResponse<String> again = hocvien.get(APP + "/profile");
        assertEquals(200, again.statusCode());
        assertEquals(decrypted + 1, cookies.answeredFromMemory(), "the cookies were not decrypted again");
        assertEquals(verified + 1, sessions.answeredFromMemory(), "the tokens were not verified again");
        assertEquals(fullName(first), fullName(again));

        HttpResponse<String> other = giangvien.get(APP + "/profile");
        assertEquals(200, other.statusCode());
        assertNotEquals(fullName(first), fullName(other), "each session proves its own person");
        HttpResponse<String> otherAgain = giangvien.get(APP + "/profile");
        assertEquals(fullName(other), fullName(otherAgain));
        // the trainer's menu is the trainer's: roles come with the remembered identity, not across sessions
        assertTrue(otherAgain.body().contains("href=\"/trainer/courses\""));
        assertFalse(hocvien.get(APP + "/profile").body().contains("href=\"/trainer/courses\""));
    }

    @Test
    void aRememberedSessionsCookieAlteredByOneCharacterSignsNoOneIn() {
        CookieBrowser hocvien = signedIn("hocvien");
        assertEquals(200, hocvien.get(APP + "/my").statusCode());
        assertEquals(200, hocvien.get(APP + "/my").statusCode());

        for (String name : List.of("q_session", "q_session_at")) {
            CookieBrowser forger = new CookieBrowser();
            forger.cookies.putAll(hocvien.cookies);
            String value = forger.cookies.get(name);
            int at = value.length() / 2;
            char swapped = value.charAt(at) == 'A' ? 'B' : 'A';
            forger.cookies.put(name, value.substring(0, at) + swapped + value.substring(at + 1));
            long decrypted = cookies.answeredFromMemory();
            HttpResponse<String> forged = forger.get(APP + "/my");
            assertNotEquals(200, forged.statusCode(), name + " altered still opened /my");
            assertEquals(decrypted, cookies.answeredFromMemory(), "an altered " + name + " was answered from memory");
        }
        assertEquals(200, hocvien.get(APP + "/my").statusCode(), "the real session is untouched");
    }

    @Test
    void signingOutEndsARememberedSessionAtOnce() {
        CookieBrowser hocvien = signedIn("hocvien");
        HttpResponse<String> page = hocvien.get(APP + "/my");
        assertEquals(200, page.statusCode());
        Map<String, String> kept = Map.copyOf(hocvien.cookies);
        assertEquals(200, hocvien.get(APP + "/my").statusCode());

        Matcher token = CSRF.matcher(page.body());
        assertTrue(token.find(), "the sign-out form's token");
        HttpResponse<String> out = hocvien.send(HttpRequest.newBuilder(URI.create(APP + "/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", APP)
                .POST(HttpRequest.BodyPublishers.ofString(
                        CookieBrowser.encode(Map.of("csrf-token", List.of(token.group(1)))))));
        assertEquals(303, out.statusCode(), out.body());

        CookieBrowser replay = new CookieBrowser();
        replay.cookies.putAll(kept);
        long verified = sessions.answeredFromMemory();
        HttpResponse<String> after = replay.get(APP + "/my");
        assertEquals(302, after.statusCode(), "the ended session still opened /my");
        assertEquals(verified + 1, sessions.answeredFromMemory(), "the session was still remembered, and refused");
    }
}
