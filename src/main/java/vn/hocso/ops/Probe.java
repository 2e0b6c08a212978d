package vn.hocso.ops;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * One dependency's readiness, answered within {@link #TIMEOUT} whatever the dependency does. A store or a database
 * that accepts connections and never answers (a network partition looks like that) would otherwise hold the readiness
 * answer, and with it the load balancer's view of the instance, for as long as its client waits. A probe still
 * waiting from an earlier call is not started again: the answer is DOWN at once, and no thread piles up behind it.
 */
final class Probe {

    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private static final ExecutorService THREADS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hocso-probe");
        t.setDaemon(true);
        return t;
    });

    private final String name;

    /** Empty when the dependency answered as it should; otherwise why not, for the operator. */
    private final Callable<Optional<String>> check;

    private final AtomicReference<Instant> waitingSince = new AtomicReference<>();

    Probe(String name, Callable<Optional<String>> check) {
        this.name = name;
        this.check = check;
    }

    Uni<HealthCheckResponse> answer() {
        Instant now = Instant.now();
        if (!waitingSince.compareAndSet(null, now)) {
            Duration waiting = Duration.between(waitingSince.get(), now);
            return Uni.createFrom().item(down("no answer for " + Math.max(1, waiting.toSeconds()) + " s"));
        }
        CompletableFuture<HealthCheckResponse> probe = CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return check.call().map(this::down).orElseGet(this::up);
                    } catch (Exception e) {
                        return down(e.getClass().getSimpleName() + ": " + e.getMessage());
                    } finally {
                        waitingSince.set(null);
                    }
                },
                THREADS);
        return Uni.createFrom()
                .completionStage(probe)
                .ifNoItem()
                .after(TIMEOUT)
                .recoverWithItem(() -> down("no answer within " + TIMEOUT.toSeconds() + " s"));
    }

    private HealthCheckResponse up() {
        return HealthCheckResponse.named(name).up().build();
    }

    private HealthCheckResponse down(String reason) {
        return HealthCheckResponse.named(name).down().withData("error", reason).build();
    }
}
