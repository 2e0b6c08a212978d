package vn.hocso.video;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.hocso.config.HocsoConfig;

/**
 * Watch tickets: what a heartbeat carries instead of the sign-in session. The lesson page, shown to a signed-in
 * learner, hands its player a ticket naming that learner and that lesson, signed by the server (HMAC-SHA256) and
 * valid for a few hours; every accepted heartbeat answers with a fresh one. Heartbeats are the most frequent
 * request of the platform, and checking the OIDC session on each (decrypting the cookie, verifying the token's RSA
 * signature, parsing its claims) cost more than the database work itself; a ticket is checked in microseconds.
 * A ticket only lets its holder add watched time to that learner's lesson, and like the CSRF token it lives in
 * the page, where another site cannot read it.
 *
 * <p>A ticket names the learner by their watcher key ({@link Watchers}), a random key per person, not by the
 * sequential person id: were the secret ever known (the committed development default was), a ticket for another
 * learner still could not be made without their key, which only their own lesson pages show.
 */
@Singleton
class WatchTickets {

    /** Who may beat on which lesson, as a valid ticket says: the learner's watcher key and the lesson. */
    record Ticket(UUID watcher, long lessonId) {}

    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final Mac prototype;
    private final Duration ttl;
    private final Clock clock;

    @Inject
    WatchTickets(HocsoConfig config) {
        this(config.video().ticketSecret(), config.video().ticketTtl());
    }

    WatchTickets(String secret, Duration ttl) {
        this(secret, ttl, Clock.systemUTC());
    }

    WatchTickets(String secret, Duration ttl, Clock clock) {
        // start-up validation of hocso.video.ticket-secret names the property; this guards every other way in
        if (secret.length() < HocsoConfig.MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException(
                    "hocso.video.ticket-secret must have at least " + HocsoConfig.MIN_SECRET_LENGTH + " characters");
        }
        try {
            prototype = Mac.getInstance("HmacSHA256");
            prototype.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A ticket for this learner (their watcher key) and lesson: "watcher.lesson.expiry.signature". */
    String issue(UUID watcher, long lessonId) {
        String claims = watcher + "." + lessonId + "." + (clock.instant().getEpochSecond() + ttl.toSeconds());
        return claims + "." + sign(claims);
    }

    /** What a ticket allows, if the server signed it and it has not expired; empty for anything else. */
    Optional<Ticket> read(String ticket) {
        if (ticket == null || ticket.length() > 140) {
            return Optional.empty();
        }
        int cut = ticket.lastIndexOf('.');
        if (cut < 0) {
            return Optional.empty();
        }
        String claims = ticket.substring(0, cut);
        byte[] given = ticket.substring(cut + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(given, sign(claims).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        String[] parts = claims.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            if (Long.parseLong(parts[2]) < clock.instant().getEpochSecond()) {
                return Optional.empty();
            }
            return Optional.of(new Ticket(UUID.fromString(parts[0]), Long.parseLong(parts[1])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String sign(String claims) {
        try {
            // a Mac is not thread-safe; cloning the initialised one is cheaper than a new init
            Mac mac = (Mac) prototype.clone();
            return BASE64.encodeToString(mac.doFinal(claims.getBytes(StandardCharsets.US_ASCII)));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HMAC-SHA256 cannot be cloned", e);
        }
    }
}
