package vn.hocso.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TokenProfileTest {

    @Test
    void claimsLongerThanTheColumnsDoNotStopAFirstSignIn() {
        String longName = "Nguyễn " + "Thị Hường ".repeat(40);
        TokenProfile profile = new TokenProfile(longName, "a".repeat(400) + "@example.vn", "0".repeat(30), true, null);
        assertEquals(
                Person.MAX_NAME,
                profile.fullName().codePointCount(0, profile.fullName().length()));
        assertEquals(longName.substring(0, profile.fullName().length()), profile.fullName());
        assertNull(profile.email());
        assertNull(profile.phone());
    }

    @Test
    void claimsThatFitAreKept() {
        TokenProfile profile = new TokenProfile("Đặng Thị Hường", "huong@example.vn", "0912 345 678", true, null);
        assertEquals("Đặng Thị Hường", profile.fullName());
        assertEquals("huong@example.vn", profile.email());
        assertEquals("0912 345 678", profile.phone());
    }
}
