package vn.hocso.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The whole application started in the prod profile with the committed development secrets and public address: it
 * stops before serving, naming each setting. (Its database work is switched off so that the refusal is the only thing that can
 * stop it; were the check gone, the app would start and the launch would not return, hence the timeout.)
 */
@QuarkusMainTest
@TestProfile(ProductionRefusesDevelopmentSecretsTest.Production.class)
class ProductionRefusesDevelopmentSecretsTest {

    public static class Production implements QuarkusTestProfile {

        @Override
        public String getConfigProfile() {
            return "prod";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.jdbc.url",
                    System.getenv().getOrDefault("HOCSO_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/hocso_test"),
                    "quarkus.flyway.migrate-at-start",
                    "false",
                    "quarkus.hibernate-orm.schema-management.strategy",
                    "none",
                    "hocso.courses.import-at-start",
                    "false",
                    "hocso.jobs.enabled",
                    "false",
                    "hocso.quiz.sweep",
                    "off",
                    "quarkus.oidc.connection-delay",
                    "0S",
                    "quarkus.oidc.api.connection-delay",
                    "0S",
                    "quarkus.http.port",
                    "0");
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theProdProfileRefusesToStartWithTheCommittedSecretsNamingEach(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch();
        assertNotEquals(0, result.exitCode(), "the app started");
        String said = result.getErrorOutput() + "\n" + result.getOutput();
        for (Secrets.Secret secret : Secrets.SECRETS) {
            // the tests' own object store (a global test resource) sets its short key over the committed one
            assertTrue(said.contains("hocso: " + secret.property() + " is "), said);
        }
        assertTrue(said.contains("hocso: hocso.public-url is the development default"), said);
        assertEquals(1, result.exitCode());
    }
}
