package vn.hocso.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Origin rule on its own, for the cases an HTTP test cannot reach (a valid bearer token needs a real provider). */
class SameOriginRuleTest {

    static final String PUBLIC = "https://hocso.example.vn";

    private static boolean foreign(String method, String... headers) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            map.put(headers[i], headers[i + 1]);
        }
        return SameOrigin.isForeign(method, map::get, PUBLIC);
    }

    @Test
    void aBearerTokenCallWithoutCookiesIsNotABrowsersAndGoesOn() {
        assertFalse(foreign("POST", "Authorization", "Bearer abc", "Origin", "https://partner.example"));
        assertFalse(foreign("POST", "Authorization", "Bearer abc", "Sec-Fetch-Site", "cross-site"));
    }

    @Test
    void withACookieABearerCallIsCheckedLikeAnyBrowserRequest() {
        assertTrue(foreign(
                "POST", "Authorization", "Bearer abc", "Cookie", "q_session=x", "Origin", "https://evil.example"));
    }

    @Test
    void theHostTheRequestWasSentToAndThePublicAddressAreOurs() {
        assertFalse(foreign("POST", "Origin", "https://hocso.example.vn", "Host", "10.0.0.5:8080"));
        assertFalse(foreign("POST", "Origin", "https://hocso.example.vn:443", "Host", "10.0.0.5:8080"));
        assertFalse(foreign("POST", "Origin", "http://127.0.0.1:8080", "Host", "127.0.0.1:8080"));
        assertTrue(foreign("POST", "Origin", "http://127.0.0.1:8081", "Host", "127.0.0.1:8080"));
        assertTrue(foreign("POST", "Origin", "http://hocso.example.vn", "Host", "10.0.0.5:8080"));
        assertTrue(foreign("POST", "Origin", "https://hocso.example.vn/x", "Host", "10.0.0.5:8080"));
        assertTrue(foreign("POST", "Origin", "null", "Host", "hocso.example.vn"));
    }

    @Test
    void onlyRequestsThatChangeSomethingAreChecked() {
        assertFalse(foreign("GET", "Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site"));
        assertFalse(foreign("HEAD", "Origin", "https://evil.example"));
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            assertTrue(foreign(method, "Origin", "https://evil.example"), method);
            assertTrue(foreign(method, "Sec-Fetch-Site", "cross-site"), method);
        }
        assertFalse(foreign("POST", "Sec-Fetch-Site", "same-origin"));
        assertFalse(foreign("POST"));
    }
}
