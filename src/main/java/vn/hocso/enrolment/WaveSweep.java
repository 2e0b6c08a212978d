package vn.hocso.enrolment;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Every instance sweeps open waves now and then; the assignment is idempotent, so instances may overlap. */
@ApplicationScoped
class WaveSweep {

    @Inject
    Waves waves;

    @Scheduled(every = "${hocso.waves.sweep}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        waves.sweep();
    }
}
