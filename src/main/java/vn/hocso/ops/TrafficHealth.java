package vn.hocso.ops;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * {@code /q/health/group/traffic}: whether the balancer should send this instance requests, the probe of the load
 * balancer and of Kubernetes' readiness (deploy/k8s/app.yaml). The dependencies are not part of it on purpose: when
 * PostgreSQL, the object store or the provider is down, it is down for every instance, and taking them all out would
 * turn a partial outage (the catalogue and lessons without the object store, signed-in sessions without the provider,
 * a 503 page in the person's language for the rest) into the balancer's own error page. {@code /q/health/ready} names
 * the dependencies, for people and alerts. The instance leaves the traffic when its shutdown begins (with
 * {@code quarkus.shutdown.delay-enabled}, the delay lets the balancer notice before requests stop being taken).
 */
@HealthGroup("traffic")
@ApplicationScoped
class TrafficHealth implements HealthCheck {

    private volatile boolean stopping;

    void onShutdown(@Observes ShutdownDelayInitiatedEvent event) {
        stopping = true;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("accepting-requests").status(!stopping).build();
    }
}
