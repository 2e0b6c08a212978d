package vn.hocso;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real S3 server for the tests: S3Proxy (the jar Maven copies to target/s3proxy) on a free port with a
 * filesystem backend in a temporary folder, reached by the same minio-java client the app uses against MinIO in
 * production. It runs as a child process so its own libraries stay off the app's classpath. Applies to every
 * {@code @QuarkusTest}.
 */
@QuarkusTestResource(ObjectStoreTestResource.class)
public class ObjectStoreTestResource implements QuarkusTestResourceLifecycleManager {

    static final String ACCESS_KEY = "test-access";
    static final String SECRET_KEY = "test-secret";

    private Process process;
    private Path dataDir;
    private Path properties;
    private int port;

    @Override
    public Map<String, String> start() {
        try {
            Path jar = Path.of("target/s3proxy/s3proxy.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: run the tests through Maven (./mvnw verify)");
            }
            port = freePort();
            dataDir = Files.createTempDirectory("hocso-s3-test");
            properties = dataDir.resolve("s3proxy.properties");
            Files.createDirectories(dataDir.resolve("blobs"));
            Files.writeString(
                    properties,
                    String.join(
                                    "\n",
                                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                                    "s3proxy.authorization=aws-v2-or-v4",
                                    "s3proxy.identity=" + ACCESS_KEY,
                                    "s3proxy.credential=" + SECRET_KEY,
                                    "s3proxy.ignore-unknown-headers=true",
                                    "s3proxy.cors-allow-all=true",
                                    "jclouds.provider=filesystem",
                                    "jclouds.filesystem.basedir=" + dataDir.resolve("blobs"))
                            + "\n");
            launch();
            String endpoint = "http://127.0.0.1:" + port;
            return Map.of(
                    "quarkus.minio.host",
                    endpoint,
                    "quarkus.minio.access-key",
                    ACCESS_KEY,
                    "quarkus.minio.secret-key",
                    SECRET_KEY);
        } catch (IOException e) {
            throw new IllegalStateException("S3Proxy did not start", e);
        }
    }

    private void launch() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        process = new ProcessBuilder(
                        java.toString(),
                        "-Xmx256m",
                        "-jar",
                        Path.of("target/s3proxy/s3proxy.jar").toString(),
                        "--properties",
                        properties.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dataDir.resolve("s3proxy.log").toFile()))
                .start();
        awaitListening("http://127.0.0.1:" + port);
    }

    /** Port the server listens on (the same after {@link #restart()}). */
    public int port() {
        return port;
    }

    /** Stops the server for real (the outage tests); its objects stay on disk for {@link #restart()}. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the server again on the same port with the same objects. */
    public void restart() {
        try {
            launch();
        } catch (IOException e) {
            throw new IllegalStateException("S3Proxy did not start again", e);
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
        }
        if (dataDir != null) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary folder left behind is harmless
            }
        }
    }

    private void awaitListening(String endpoint) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited: " + Files.readString(dataDir.resolve("s3proxy.log")));
            }
            try {
                HttpURLConnection connection =
                        (HttpURLConnection) URI.create(endpoint + "/").toURL().openConnection();
                connection.setConnectTimeout(500);
                // any S3 answer (403 for an anonymous request) means it is up
                if (connection.getResponseCode() > 0) {
                    return;
                }
            } catch (IOException notYet) {
                sleep();
            }
        }
        throw new IllegalStateException("S3Proxy did not answer on " + endpoint);
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
