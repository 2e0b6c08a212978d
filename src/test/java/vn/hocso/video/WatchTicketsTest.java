package vn.hocso.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WatchTicketsTest {

    static final String SECRET = "a-test-secret-of-at-least-32-characters";
    static final Instant NOON = Instant.parse("2026-11-29T05:00:00Z");
    static final UUID LEARNER = UUID.fromString("7d444840-9dc0-11d1-b245-5ffdce74fad2");

    static WatchTickets at(Instant now) {
        return new WatchTickets(SECRET, Duration.ofHours(6), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aTicketNamesItsLearnerAndLessonUntilItRunsOut() {
        String ticket = at(NOON).issue(LEARNER, 7);
        assertEquals(Optional.of(new WatchTickets.Ticket(LEARNER, 7)), at(NOON).read(ticket));
        assertEquals(
                Optional.of(new WatchTickets.Ticket(LEARNER, 7)),
                at(NOON.plus(Duration.ofHours(6))).read(ticket));
        assertTrue(
                at(NOON.plus(Duration.ofHours(6)).plusSeconds(1)).read(ticket).isEmpty());
    }

    @Test
    void changingAnyPartOfATicketVoidsIt() {
        String ticket = at(NOON).issue(LEARNER, 7);
        String[] parts = ticket.split("\\.");
        assertTrue(at(NOON).read(UUID.randomUUID() + "." + parts[1] + "." + parts[2] + "." + parts[3])
                .isEmpty());
        assertTrue(at(NOON).read(parts[0] + ".8." + parts[2] + "." + parts[3]).isEmpty());
        assertTrue(at(NOON).read(parts[0] + "." + parts[1] + "." + (Long.parseLong(parts[2]) + 3600) + "." + parts[3])
                .isEmpty());
        String signature = parts[3];
        char flipped = signature.charAt(0) == 'A' ? 'B' : 'A';
        assertTrue(at(NOON).read(
                        ticket.substring(0, ticket.length() - signature.length()) + flipped + signature.substring(1))
                .isEmpty());
    }

    @Test
    void aTicketSignedWithAnotherSecretIsRefused() {
        String forged = new WatchTickets(
                        "another-secret-of-at-least-32-characters",
                        Duration.ofHours(6),
                        Clock.fixed(NOON, ZoneOffset.UTC))
                .issue(LEARNER, 7);
        assertTrue(at(NOON).read(forged).isEmpty());
    }

    @Test
    void aTicketInTheOldFormNamingASequentialPersonIdIsRefusedEvenWhenSigned() throws Exception {
        String claims = "42.7." + (NOON.getEpochSecond() + 3600);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(mac.doFinal(claims.getBytes(StandardCharsets.US_ASCII)));
        assertTrue(at(NOON).read(claims + "." + signature).isEmpty());
    }

    @Test
    void garbageIsNoTicket() {
        for (String garbage :
                new String[] {null, "", ".", "42.7", "a.b.c.d", "42.7.x.", "1.2.3.4.5", "x".repeat(500)}) {
            assertTrue(at(NOON).read(garbage).isEmpty(), String.valueOf(garbage));
        }
    }

    @Test
    void aShortSecretIsRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> new WatchTickets("short", Duration.ofHours(1)));
    }
}
