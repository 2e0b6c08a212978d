package vn.hocso.ops;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import vn.hocso.ObjectStoreTestResource;
import vn.hocso.TcpProxy;

/**
 * The app with each dependency behind a {@link TcpProxy} the test controls: PostgreSQL (the machine's, never
 * stopped: only the proxy is cut or frozen), an S3Proxy of its own (stopped and started again for real) and an OpenID
 * Connect provider address with nothing behind it (the provider is down from the start). The test drives them through
 * {@link #control(String)}: the resource may live in another class loader than the test, so commands go over a
 * local socket whose port is a system property.
 */
public class OutageProfile implements QuarkusTestProfile {

    static final String CONTROL_PORT = "outage-test.control-port";

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Dependencies.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        // the readiness answers of this test must not wait for a pool that waits for a frozen server
        return Map.of("quarkus.datasource.jdbc.acquisition-timeout", "2S", "hocso.storage.read-timeout", "3s");
    }

    /** {@code <dependency> <action>}: database|object-store|identity-provider pass|cut|frozen, object-store kill|restart. */
    public static void control(String command) {
        try (Socket socket = new Socket(
                        InetAddress.getLoopbackAddress(), Integer.parseInt(System.getProperty(CONTROL_PORT)));
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            socket.getOutputStream().write((command + "\n").getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            String answer = in.readLine();
            if (!"ok".equals(answer)) {
                throw new IllegalStateException(command + ": " + answer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static class Dependencies implements QuarkusTestResourceLifecycleManager {

        private final ObjectStoreTestResource s3 = new ObjectStoreTestResource();
        private TcpProxy database;
        private TcpProxy objectStore;
        private TcpProxy identityProvider;
        private ServerSocket controls;

        @Override
        public Map<String, String> start() {
            try {
                Map<String, String> store = s3.start();
                objectStore = new TcpProxy("127.0.0.1", s3.port());
                URI db = URI.create(System.getenv()
                        .getOrDefault("HOCSO_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/hocso_test")
                        .substring("jdbc:".length()));
                database = new TcpProxy(db.getHost(), db.getPort() < 0 ? 5432 : db.getPort());
                // port 9 (discard) on loopback: nothing listens there, every connection is refused
                identityProvider = new TcpProxy("127.0.0.1", 9);
                controls = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
                Thread listener = new Thread(this::listen, "outage-control");
                listener.setDaemon(true);
                listener.start();
                System.setProperty(CONTROL_PORT, String.valueOf(controls.getLocalPort()));
                return Map.of(
                        "quarkus.minio.host", "http://127.0.0.1:" + objectStore.port(),
                        "quarkus.minio.access-key", store.get("quarkus.minio.access-key"),
                        "quarkus.minio.secret-key", store.get("quarkus.minio.secret-key"),
                        "quarkus.datasource.jdbc.url",
                                "jdbc:postgresql://127.0.0.1:" + database.port() + db.getRawPath()
                                        + (db.getRawQuery() == null ? "" : "?" + db.getRawQuery()),
                        "quarkus.oidc.auth-server-url",
                                "http://127.0.0.1:" + identityProvider.port() + "/realms/hocso");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void listen() {
            while (!controls.isClosed()) {
                try (Socket socket = controls.accept();
                        BufferedReader in = new BufferedReader(
                                new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
                    String answer;
                    try {
                        control(in.readLine());
                        answer = "ok";
                    } catch (RuntimeException e) {
                        answer = String.valueOf(e);
                    }
                    socket.getOutputStream().write((answer + "\n").getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    if (controls.isClosed()) {
                        return;
                    }
                }
            }
        }

        private void control(String command) {
            String[] parts = command.split(" ");
            if (parts[0].equals("object-store") && parts[1].equals("kill")) {
                s3.kill();
                return;
            }
            if (parts[0].equals("object-store") && parts[1].equals("restart")) {
                s3.restart();
                return;
            }
            TcpProxy proxy = switch (parts[0]) {
                case "database" -> database;
                case "object-store" -> objectStore;
                case "identity-provider" -> identityProvider;
                default -> throw new IllegalArgumentException(command);
            };
            proxy.mode(TcpProxy.Mode.valueOf(parts[1].toUpperCase(java.util.Locale.ROOT)));
        }

        @Override
        public int order() {
            // after the S3Proxy every test gets, so that this one's addresses are the ones the app uses
            return 1000;
        }

        @Override
        public void stop() {
            System.clearProperty(CONTROL_PORT);
            try {
                if (controls != null) {
                    controls.close();
                }
            } catch (IOException ignored) {
                // the test is over
            }
            for (TcpProxy proxy : new TcpProxy[] {database, objectStore, identityProvider}) {
                if (proxy != null) {
                    try {
                        proxy.close();
                    } catch (IOException ignored) {
                        // the test is over
                    }
                }
            }
            s3.stop();
        }
    }
}
