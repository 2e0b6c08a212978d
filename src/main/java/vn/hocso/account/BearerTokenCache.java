package vn.hocso.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verified bearer tokens and what they proved, until the token expires (and at most {@code ttl}): a client such as
 * the mobile app sends the same access token with every call for its few minutes of life, and verifying it again
 * each time (parsing it, checking its RSA signature) costs more than most API calls themselves. A token verified
 * once stays valid until its expiry anyway — local verification never learns of revocation — so remembering the
 * result changes nothing but the cost; {@code ttl} bounds how long a verification key removed by the provider keeps
 * working. Tokens are kept as SHA-256 digests, and the map is bounded: when full, new tokens are simply verified
 * until {@link #forgetExpired} (a timer) makes room.
 */
final class BearerTokenCache<T> {

    private record Entry<T>(T value, long expiresAt) {}

    private final ConcurrentHashMap<String, Entry<T>> entries = new ConcurrentHashMap<>();
    private final int capacity;
    private final Duration ttl;
    private final Clock clock;

    BearerTokenCache(int capacity, Duration ttl, Clock clock) {
        this.capacity = capacity;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** What this token proved in this realm of use ({@code scope}), if it was verified and has not expired. */
    Optional<T> find(String scope, String token) {
        String key = key(scope, token);
        Entry<T> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.expiresAt() <= clock.millis()) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    /** Remembers a verified token until {@code tokenExpiresAtSeconds} (its exp claim), or the ttl if sooner. */
    void remember(String scope, String token, T value, long tokenExpiresAtSeconds) {
        long now = clock.millis();
        long until = Math.min(tokenExpiresAtSeconds * 1000, now + ttl.toMillis());
        if (until <= now) {
            return;
        }
        if (entries.size() >= capacity) {
            // full of live tokens: this one is verified every time until a sweep makes room
            return;
        }
        entries.put(key(scope, token), new Entry<>(value, until));
    }

    /** Drops expired tokens; run on a timer, so no request pays for a scan of the whole map. */
    void forgetExpired() {
        long now = clock.millis();
        entries.values().removeIf(e -> e.expiresAt() <= now);
    }

    int size() {
        return entries.size();
    }

    private static String key(String scope, String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return scope + ":" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
