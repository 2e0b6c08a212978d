package vn.hocso.storage;

import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the object store answers and the bucket exists. */
@Readiness
class ObjectStoreHealth implements HealthCheck {

    @Inject
    ObjectStore store;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("object-store")
                .status(store.isAvailable())
                .build();
    }
}
