package vn.hocso.ops;

import io.agroal.api.AgroalDataSource;
import io.smallrye.health.api.AsyncHealthCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
