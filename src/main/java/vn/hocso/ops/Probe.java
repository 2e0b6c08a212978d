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
 * answer for as long as its client waits. Callers while a probe is under way (a readiness request, the 15-second
 * measurement) share it; a probe still waiting past the timeout is not started again: the answer is DOWN at once, and
 * no thread piles up behind a frozen dependency.
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

    /** The probe under way, if any: callers meanwhile share it rather than start another. */
    private final AtomicReference<InFlight> inFlight = new AtomicReference<>();

    private record InFlight(Instant started, CompletableFuture<HealthCheckResponse> answer) {}

    Probe(String name, Callable<Optional<String>> check) {
        this.name = name;
        this.check = check;
    }

    String name() {
        return name;
    }

    Uni<HealthCheckResponse> answer() {
        InFlight current = inFlight.get();
        while (current == null) {
            InFlight mine = new InFlight(Instant.now(), new CompletableFuture<>());
            if (inFlight.compareAndSet(null, mine)) {
                THREADS.execute(() -> run(mine));
                current = mine;
            } else {
                current = inFlight.get();
            }
        }
        Duration left = TIMEOUT.minus(Duration.between(current.started(), Instant.now()));
        if (left.isNegative() || left.isZero()) {
            long waiting = Duration.between(current.started(), Instant.now()).toSeconds();
            return Uni.createFrom().item(down("no answer for " + Math.max(1, waiting) + " s"));
        }
        // each caller waits on a copy: a caller's timeout cancels what it waits on, and cancelling the shared answer
        // would give every other caller a CancellationException instead of this probe's named answer
        return Uni.createFrom()
                .completionStage(current.answer().copy())
                .ifNoItem()
                .after(left)
                .recoverWithItem(() -> down("no answer within " + TIMEOUT.toSeconds() + " s"));
    }

    private void run(InFlight probe) {
        HealthCheckResponse response;
        try {
            response = check.call().map(this::down).orElseGet(this::up);
        } catch (Exception e) {
            response = down(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        inFlight.compareAndSet(probe, null);
        probe.answer().complete(response);
    }

    private HealthCheckResponse up() {
        return HealthCheckResponse.named(name).up().build();
    }

    private HealthCheckResponse down(String reason) {
        return HealthCheckResponse.named(name).down().withData("error", reason).build();
    }
}
