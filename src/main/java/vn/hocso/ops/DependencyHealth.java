package vn.hocso.ops;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.health.api.AsyncHealthCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import vn.hocso.storage.ObjectStore;

/**
 * {@code /q/health/ready} names each dependency, UP or DOWN with the reason, within {@link Probe#TIMEOUT} each (they
 * run side by side): PostgreSQL ({@code database}), the object store ({@code object-store}) and the OpenID Connect
 * provider ({@code identity-provider}).
 */
@ApplicationScoped
class DependencyHealth {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectStore store;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String issuer;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Probe.TIMEOUT).build();

    private final Probe database = new Probe("database", this::database);
    private final Probe objectStore = new Probe("object-store", this::objectStore);
    private final Probe identityProvider = new Probe("identity-provider", this::identityProvider);

    @Inject
    MeterRegistry registry;

    /** 1 while the dependency answered its last probe, 0 otherwise: what the "dependency down" alert reads. */
    private final Map<Probe, AtomicInteger> up = new LinkedHashMap<>();

    void onStart(@Observes StartupEvent event) {
        for (Probe probe : List.of(database, objectStore, identityProvider)) {
            AtomicInteger value = new AtomicInteger(1);
            up.put(probe, value);
            Gauge.builder("hocso.dependency.up", value, AtomicInteger::get)
                    .description("1 while the dependency answered its last readiness probe (every 15 s), else 0")
                    .tag("dependency", probe.name())
                    .register(registry);
        }
    }

    /** Every instance probes its dependencies on its own, so the gauge is fresh whoever asks for readiness. */
    @Scheduled(every = "15s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measure() {
        up.forEach((probe, value) -> probe.answer()
                .subscribe()
                .with(answer -> value.set(answer.getStatus() == HealthCheckResponse.Status.UP ? 1 : 0)));
    }

    @Produces
    @Readiness
    AsyncHealthCheck databaseCheck() {
        return database::answer;
    }

    @Produces
    @Readiness
    AsyncHealthCheck objectStoreCheck() {
        return objectStore::answer;
    }

    @Produces
    @Readiness
    AsyncHealthCheck identityProviderCheck() {
        return identityProvider::answer;
    }

    private Optional<String> database() throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) Probe.TIMEOUT.toSeconds());
            statement.execute("select 1");
            return Optional.empty();
        }
    }

    private Optional<String> objectStore() {
        return store.isAvailable() ? Optional.empty() : Optional.of("the bucket could not be reached");
    }

    /** The provider's discovery document: what the app reads to verify sign-ins and tokens. */
    private Optional<String> identityProvider() throws Exception {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        HttpResponse<Void> response = http.send(
                HttpRequest.newBuilder(URI.create(base + "/.well-known/openid-configuration"))
                        .timeout(Probe.TIMEOUT)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        return response.statusCode() == 200
                ? Optional.empty()
                : Optional.of("discovery document answered " + response.statusCode());
    }
}
