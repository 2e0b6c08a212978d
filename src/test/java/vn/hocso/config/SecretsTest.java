package vn.hocso.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The production check of secrets over the shipped application.properties as SmallRye Config expands it with no
 * environment (the committed development defaults), and with each secret set in turn.
 */
class SecretsTest {

    /** Long, random-looking values: what deploy/local/start generates. */
    static final Map<String, String> GOOD = Map.of(
            "HOCSO_WATCH_TICKET_SECRET", "Qm9vdHN0cmFwcGVkLXdhdGNoLXRpY2tldC1zZWNyZXQtMDE",
            "HOCSO_SESSION_SECRET", "c2Vzc2lvbi1lbmNyeXB0aW9uLXNlY3JldC1mb3ItdGVzdHMtMDI",
            "HOCSO_OIDC_CLIENT_SECRET", "b2lkYy1jbGllbnQtc2VjcmV0LWZvci10ZXN0cy0wMw",
            "HOCSO_S3_SECRET_KEY", "czMtc2VjcmV0LWtleS1mb3ItdGVzdHMtMDQ",
            "HOCSO_DB_PASSWORD", "ZGItcGFzc3dvcmQtZm9yLXRlc3RzLTA1");

    /** The shipped settings with these environment variables, as the app reads them. */
    static List<String> problemsWith(Map<String, String> environment) throws IOException {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(
                        Path.of("src/main/resources/application.properties")
                                .toUri()
                                .toURL(),
                        100))
                .withSources(new PropertiesConfigSource(environment, "environment", 300))
                .build();
        return Secrets.problems(name -> config.getOptionalValue(name, String.class), Secrets.committedDefaults());
    }

    @Test
    void withNoEnvironmentEverySecretIsRefusedAsTheCommittedDefaultNamingItsSetting() throws IOException {
        List<String> problems = problemsWith(Map.of());
        assertEquals(Secrets.SECRETS.size(), problems.size(), String.join("\n", problems));
        for (Secrets.Secret secret : Secrets.SECRETS) {
            assertTrue(
                    problems.stream()
                            .anyMatch(p -> p.contains(secret.property() + " is the development default")
                                    && p.contains(secret.variable())),
                    secret + " in " + problems);
        }
    }

    @Test
    void eachCommittedDefaultAloneIsRefused() throws IOException {
        for (Secrets.Secret secret : Secrets.SECRETS) {
            Map<String, String> environment = new HashMap<>(GOOD);
            environment.remove(secret.variable());
            List<String> problems = problemsWith(environment);
            assertEquals(1, problems.size(), secret + ": " + problems);
            assertTrue(problems.get(0).startsWith("hocso: " + secret.property() + " "), problems.get(0));
            assertTrue(!problems.get(0).contains("\n"), "one line");
        }
    }

    @Test
    void aShortSecretIsRefusedNamingItsSetting() throws IOException {
        for (Secrets.Secret secret : Secrets.SECRETS) {
            Map<String, String> environment = new HashMap<>(GOOD);
            environment.put(secret.variable(), "x".repeat(secret.minLength() - 1));
            assertEquals(
                    List.of("hocso: " + secret.property() + " is shorter than " + secret.minLength()
                            + " characters: set " + secret.variable()
                            + " (see deploy/README.md; e.g. openssl rand -base64 48)"),
                    problemsWith(environment));
        }
    }

    @Test
    void generatedSecretsPass() throws IOException {
        assertEquals(List.of(), problemsWith(GOOD));
    }

    @Test
    void aMissingSecretIsRefused() {
        Properties committed = Secrets.committedDefaults();
        List<String> problems = Secrets.problems(name -> Optional.empty(), committed);
        assertEquals(Secrets.SECRETS.size(), problems.size());
        assertTrue(problems.get(0).contains("is not set"), problems.get(0));
    }

    @Test
    void everySecretHasACommittedDefaultToRefuse() {
        Properties committed = Secrets.committedDefaults();
        for (Secrets.Secret secret : Secrets.SECRETS) {
            assertNotNull(Secrets.committedDefault(committed, secret), secret.property());
        }
    }

    /** The public address check over the shipped application.properties with this environment. */
    static Optional<String> publicAddressWith(Map<String, String> environment) throws IOException {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(
                        Path.of("src/main/resources/application.properties")
                                .toUri()
                                .toURL(),
                        100))
                .withSources(new PropertiesConfigSource(environment, "environment", 300))
                .build();
        return Secrets.publicAddressProblem(
                name -> config.getOptionalValue(name, String.class), Secrets.committedDefaults());
    }

    @Test
    void thePublicAddressLeftAtItsDevelopmentDefaultIsRefusedNamingItsVariable() throws IOException {
        Optional<String> problem = publicAddressWith(Map.of());
        assertTrue(problem.isPresent());
        assertTrue(problem.get().startsWith("hocso: hocso.public-url is the development default"), problem.get());
        assertTrue(problem.get().contains("HOCSO_PUBLIC_URL"), problem.get());
        assertTrue(!problem.get().contains("\n"), "one line");
    }

    @Test
    void aPublicAddressSetOnPurposeIsAcceptedEvenTheLocalStacksOwn() throws IOException {
        assertEquals(Optional.empty(), publicAddressWith(Map.of("HOCSO_PUBLIC_URL", "https://hocso.example.vn")));
        assertEquals(Optional.empty(), publicAddressWith(Map.of("HOCSO_PUBLIC_URL", "http://127.0.0.1:8080")));
    }
}
