package vn.hocso.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class IntervalsTest {

    @Test
    void overlappingStretchesCountOnce() {
        Intervals watched = Intervals.of(0, 5000, 3000, 8000);
        assertEquals(Intervals.of(0, 8000), watched);
        assertEquals(8000, watched.covered());
    }

    @Test
    void stretchesArriveInAnyOrder() {
        assertEquals(Intervals.of(0, 1000, 2000, 3000, 4000, 6000), Intervals.of(4000, 6000, 0, 1000, 2000, 3000));
    }

    @Test
    void adjacentStretchesJoinAndEmptyOnesVanish() {
        assertEquals(Intervals.of(0, 3000), Intervals.of(0, 1000, 1000, 3000, 2000, 2000));
        assertEquals(0, Intervals.of(5000, 5000).covered());
    }

    @Test
    void aDuplicateOrRetriedHeartbeatAddsNothing() {
        Intervals before = Intervals.of(0, 10_000);
        assertEquals(0, before.added(Intervals.of(0, 10_000)));
        assertEquals(0, before.added(Intervals.of(2000, 4000, 2000, 4000)));
        assertEquals(2000, before.added(Intervals.of(9000, 12_000)));
    }

    @Test
    void coverageIsTheUnionNotTheSumOfWatchingTime() {
        Intervals watched = Intervals.EMPTY;
        for (int i = 0; i < 5; i++) {
            // the same first minute watched five times
            watched = watched.union(Intervals.of(0, 60_000));
        }
        watched = watched.union(Intervals.of(120_000, 150_000));
        assertEquals(90_000, watched.covered());
    }

    @Test
    void claimsAreClippedToTheVideo() {
        assertEquals(
                Intervals.of(0, 5000),
                Intervals.of(0, 3000, 4000, 999_999).clip(5000).union(Intervals.of(3000, 4000)));
        assertEquals(0, Intervals.of(6000, 9000).clip(5000).covered());
    }

    @Test
    void aPlayerClaimIsParsedOrRefusedAsAWhole() {
        assertEquals(Intervals.of(0, 5000, 7000, 9000), Intervals.parseClaim("7000-9000, 0-5000"));
        assertTrue(Intervals.parseClaim("").isEmpty());
        assertTrue(Intervals.parseClaim(null).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> Intervals.parseClaim("5000-1000"));
        assertThrows(IllegalArgumentException.class, () -> Intervals.parseClaim("-5-10"));
        assertThrows(IllegalArgumentException.class, () -> Intervals.parseClaim("abc"));
        assertThrows(IllegalArgumentException.class, () -> Intervals.parseClaim("1-99999999999"));
        assertThrows(IllegalArgumentException.class, () -> Intervals.parseClaim("0-1,".repeat(201) + "0-1"));
    }

    @Test
    void theMultirangeTextOfPostgresReadsBackTheSame() {
        Intervals watched = Intervals.of(0, 5000, 7000, 9000);
        assertEquals("{[0,5000),[7000,9000)}", watched.toMultirange());
        assertEquals(watched, Intervals.parseMultirange("{[0,5000),[7000,9000)}"));
        assertEquals(Intervals.EMPTY, Intervals.parseMultirange("{}"));
    }

    @Test
    void aForgedJumpIsImplausibleButFastPlaybackIsNot() {
        // an hour claimed ten seconds after the first heartbeat
        assertFalse(Intervals.plausible(Intervals.EMPTY.added(Intervals.of(0, 3_600_000)), 10_000));
        // skipping ahead is not watching: only the stretch actually played counts, and that is plausible
        assertTrue(Intervals.plausible(Intervals.of(0, 10_000).added(Intervals.of(600_000, 610_000)), 10_000));
        // the fastest speed the player offers (2x) plus a little jitter, once
        assertTrue(Intervals.plausible(20_000, 10_000));
        assertTrue(Intervals.plausible(25_000, 10_000));
        assertFalse(Intervals.plausible(25_001, 10_000));
    }

    @Test
    void aLessonCompletesAtTheThresholdAndNotBelow() {
        BigDecimal ninety = new BigDecimal("0.90");
        assertTrue(Intervals.reaches(90_000, 100_000, ninety));
        assertFalse(Intervals.reaches(89_999, 100_000, ninety));
        assertFalse(Intervals.reaches(89_000, 100_000, ninety));
        assertTrue(Intervals.reaches(4_500, 5_000, ninety));
        assertFalse(Intervals.reaches(4_450, 5_000, ninety));
        assertFalse(Intervals.reaches(0, 0, ninety));
    }
}
