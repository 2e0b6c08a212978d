package vn.hocso.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Verified bearer tokens and what they proved, until the token expires (and at most {@code ttl}): a client such as
 * the mobile app sends the same access token with every call for its few minutes of life, and verifying it again
 * each time (parsing it, checking its RSA signature) costs more than most API calls themselves. A token verified
 * once stays valid until its expiry anyway — local verification never learns of revocation — so remembering the
 * result changes nothing but the cost; {@code ttl} bounds how long a verification key removed by the provider keeps
 * working. Tokens are kept as SHA-256 digests.
 *
 * <p>A Caffeine cache built here rather than a quarkus-cache one: each entry expires at its own token's expiry
 * (Caffeine's per-entry {@link Expiry}), which quarkus-cache's configuration (one expire-after-write for the whole
 * cache) cannot express, and the clock is the test's. The bound is checked before a token is added instead of being
 * Caffeine's size eviction: a full cache of live tokens evicts none of them early, it simply stops remembering new
 * ones (they are verified every time) until expired ones are dropped; {@code maximumSize} only backs that check when
 * several tokens are added at once.
 */
final class BearerTokenCache<T> {

    private record Entry<T>(T value, long expiresAtNanos) {}

    private final Cache<String, Entry<T>> entries;
    private final int capacity;
    private final Duration ttl;
    private final Clock clock;

    BearerTokenCache(int capacity, Duration ttl, Clock clock) {
        this.capacity = capacity;
        this.ttl = ttl;
        this.clock = clock;
        this.entries = Caffeine.newBuilder()
                .maximumSize(capacity)
                .expireAfter(new Expiry<String, Entry<T>>() {
                    @Override
                    public long expireAfterCreate(String key, Entry<T> entry, long now) {
                        return entry.expiresAtNanos() - now;
                    }

                    @Override
                    public long expireAfterUpdate(String key, Entry<T> entry, long now, long remaining) {
                        return entry.expiresAtNanos() - now;
                    }

                    @Override
                    public long expireAfterRead(String key, Entry<T> entry, long now, long remaining) {
                        return remaining;
                    }
                })
                // the wall clock, not System.nanoTime: a token's expiry is a wall-clock time
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                // upkeep (dropping expired tokens) runs on the calling thread: it is a few pointer moves, and no
                // other thread pool is involved
                .executor(Runnable::run)
                .build();
    }

    /** What this token proved in this realm of use ({@code scope}), if it was verified and has not expired. */
    Optional<T> find(String scope, String token) {
        Entry<T> entry = entries.getIfPresent(key(scope, token));
        return entry == null ? Optional.empty() : Optional.of(entry.value());
    }

    /** Remembers a verified token until {@code tokenExpiresAtSeconds} (its exp claim), or the ttl if sooner. */
    void remember(String scope, String token, T value, long tokenExpiresAtSeconds) {
        long now = clock.millis();
        long until = Math.min(tokenExpiresAtSeconds * 1000, now + ttl.toMillis());
        if (until <= now) {
            return;
        }
        if (entries.estimatedSize() >= capacity) {
            // full of live tokens: this one is verified every time until expired ones make room
            return;
        }
        entries.put(key(scope, token), new Entry<>(value, TimeUnit.MILLISECONDS.toNanos(until)));
    }

    /** Drops expired tokens; run on a timer too, so room is made even while no request comes. */
    void forgetExpired() {
        entries.cleanUp();
    }

    int size() {
        return (int) entries.estimatedSize();
    }

    private static String key(String scope, String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return scope + ":" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * A remembered identity for this request: with its routing context, and marked so that the augmentor that
     * remembers identities does not remember it again.
     */
    static Uni<SecurityIdentity> answer(SecurityIdentity known, RoutingContext routing, String marker) {
        return Uni.createFrom()
                .item(QuarkusSecurityIdentity.builder(known)
                        .addAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE, routing)
                        .addAttribute(marker, Boolean.TRUE)
                        .build());
    }
}
