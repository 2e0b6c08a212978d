package vn.hocso.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** A probe of a frozen dependency answers every caller with its own named DOWN, however their waits overlap. */
class ProbeTest {

    @Test
    void aCallerWhoseWaitEndsFirstDoesNotSpoilTheAnswerOfAnotherWaitingOnTheSameProbe() throws Exception {
        CountDownLatch frozen = new CountDownLatch(1);
        Probe probe = new Probe("object-store", () -> {
            frozen.await(30, TimeUnit.SECONDS);
            return Optional.empty();
        });
        try {
            Uni<HealthCheckResponse> first = probe.answer();
            Uni<HealthCheckResponse> second = probe.answer();
            var firstAnswer = first.subscribeAsCompletionStage();
            // the second caller's wait starts later, so it is still waiting when the first one's ends
            Thread.sleep(500);
            var secondAnswer = second.subscribeAsCompletionStage();
            for (var answer : java.util.List.of(firstAnswer, secondAnswer)) {
                HealthCheckResponse response =
                        answer.get(Probe.TIMEOUT.plus(Duration.ofSeconds(5)).toMillis(), TimeUnit.MILLISECONDS);
                assertEquals("object-store", response.getName());
                assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
            }
        } finally {
            frozen.countDown();
        }
    }
}
