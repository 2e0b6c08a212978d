package vn.hocso.e2e;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Keycloak of the test's own, on ports 8190/9190 beside the shared one on 8180, with the realm of
 * deploy/keycloak/hocso-realm.json, launched the way the local stack launches one (deploy/local/common.sh,
 * launch_keycloak; its own home under deploy/local/.data) so that a test can stop it and start it again for real. The
 * app runs on the port the realm lists as a redirect URI (8089, the browser tests' port: run it under their lock).
 */
public class PrivateKeycloak implements QuarkusTestProfile {

    static final int PORT = 8190;
    static final String REALM = "http://127.0.0.1:" + PORT + "/realms/hocso";
    /** The process id, in a system property: the test resource and the test may be loaded by different loaders. */
    static final String PID = "private-keycloak.pid";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.http.test-port",
                String.valueOf(RealKeycloakProfile.PORT),
                "quarkus.oidc.auth-server-url",
                REALM,
                // the realm file's own secret: this Keycloak imported it, whatever the shared one holds
                "quarkus.oidc.credentials.secret",
                "hocso-dev-secret-change-me",
                "quarkus.oidc.connection-delay",
                "30S",
                "quarkus.oidc.api.connection-delay",
                "30S");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Lifecycle.class));
    }

    /** Started before the app (which reads the provider's addresses at start) and stopped after it. */
    public static class Lifecycle implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            PrivateKeycloak.start();
            return Map.of();
        }

        @Override
        public void stop() {
            PrivateKeycloak.stop();
        }
    }

    /** Launches it and returns once the realm answers. */
    static void start() {
        Path repo = Path.of("").toAbsolutePath();
        ProcessBuilder launch = new ProcessBuilder(
                        "bash",
                        "-c",
                        "set -euo pipefail; source deploy/local/common.sh; launch_keycloak >&2; echo \"$KEYCLOAK_PID\"")
                .directory(repo.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        launch.environment()
                .putAll(Map.of(
                        "HOCSO_KEYCLOAK_PORT",
                        String.valueOf(PORT),
                        "HOCSO_KEYCLOAK_MANAGEMENT_PORT",
                        "9190",
                        "HOCSO_KEYCLOAK_HOME",
                        repo.resolve("deploy/local/.data/keycloak-private").toString(),
                        "HOCSO_KEYCLOAK_NAME",
                        "keycloak-private"));
        try {
            Process shell = launch.start();
            String out = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (shell.waitFor() != 0 || out.isEmpty()) {
                throw new IllegalStateException("could not launch the test's Keycloak (see deploy/local/.data/logs)");
            }
            System.setProperty(PID, out.substring(out.lastIndexOf('\n') + 1));
            Instant deadline = Instant.now().plus(Duration.ofMinutes(6));
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            while (Instant.now().isBefore(deadline)) {
                if (process().isEmpty()) {
                    throw new IllegalStateException(
                            "the test's Keycloak exited (see deploy/local/.data/logs/keycloak-private.log)");
                }
                try {
                    HttpResponse<Void> r = http.send(
                            HttpRequest.newBuilder(URI.create(REALM + "/.well-known/openid-configuration"))
                                    .timeout(Duration.ofSeconds(3))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException(
                    "the test's Keycloak did not answer within 6 minutes (its first start builds it: minutes on a busy machine)");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops it as an operator would (SIGTERM to it and its children), killing it if it has not gone in 30 s. */
    static void stop() {
        Optional<ProcessHandle> keycloak = process();
        if (keycloak.isEmpty()) {
            return;
        }
        ProcessHandle p = keycloak.get();
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            p.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception notYet) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.onExit().join();
        }
        System.clearProperty(PID);
    }

    private static Optional<ProcessHandle> process() {
        String pid = System.getProperty(PID);
        return pid == null
                ? Optional.empty()
                : ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive);
    }
}
