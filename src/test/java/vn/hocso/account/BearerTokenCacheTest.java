package vn.hocso.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BearerTokenCacheTest {

    /** A clock the test moves. */
    static final class Hands extends Clock {
        Instant now = Instant.parse("2026-11-29T05:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        long in(Duration d) {
            return now.plus(d).getEpochSecond();
        }
    }

    final Hands clock = new Hands();
    final BearerTokenCache<String> cache = new BearerTokenCache<>(3, Duration.ofMinutes(5), clock);

    @Test
    void aVerifiedTokenIsKnownUntilItExpires() {
        cache.remember("api", "token-a", "hocvien", clock.in(Duration.ofMinutes(2)));
        assertEquals(Optional.of("hocvien"), cache.find("api", "token-a"));
        clock.now = clock.now.plus(Duration.ofMinutes(2)).minusSeconds(1);
        assertEquals(Optional.of("hocvien"), cache.find("api", "token-a"));
        clock.now = clock.now.plusSeconds(1);
        assertTrue(cache.find("api", "token-a").isEmpty());
        assertEquals(0, cache.size(), "an expired token is forgotten when met");
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterTheTtl() {
        cache.remember("api", "token-a", "hocvien", clock.in(Duration.ofHours(10)));
        clock.now = clock.now.plus(Duration.ofMinutes(5));
        assertTrue(cache.find("api", "token-a").isEmpty());
    }

    @Test
    void onlyTheSameTokenUnderTheSameTenantIsKnown() {
        cache.remember("api", "token-a", "hocvien", clock.in(Duration.ofMinutes(2)));
        assertTrue(cache.find("Default", "token-a").isEmpty());
        assertTrue(cache.find("api", "token-b").isEmpty());
        assertTrue(cache.find("api", "token-a ").isEmpty());
    }

    @Test
    void anAlreadyExpiredTokenIsNotRemembered() {
        cache.remember("api", "token-a", "hocvien", clock.in(Duration.ofSeconds(-1)));
        assertTrue(cache.find("api", "token-a").isEmpty());
        assertEquals(0, cache.size());
    }

    @Test
    void aFullCacheMakesRoomFromExpiredTokensOrRemembersNothingMore() {
        cache.remember("api", "a", "1", clock.in(Duration.ofMinutes(1)));
        cache.remember("api", "b", "2", clock.in(Duration.ofMinutes(3)));
        cache.remember("api", "c", "3", clock.in(Duration.ofMinutes(3)));
        cache.remember("api", "d", "4", clock.in(Duration.ofMinutes(3)));
        assertTrue(cache.find("api", "d").isEmpty(), "full: d is verified every time, nothing is evicted early");
        assertEquals(Optional.of("1"), cache.find("api", "a"));

        clock.now = clock.now.plus(Duration.ofMinutes(2));
        cache.forgetExpired();
        cache.remember("api", "d", "4", clock.in(Duration.ofMinutes(3)));
        assertEquals(Optional.of("4"), cache.find("api", "d"), "a's room, now that it expired and was swept");
        assertEquals(3, cache.size());
    }
}
