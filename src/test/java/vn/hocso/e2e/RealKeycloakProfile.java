package vn.hocso.e2e;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The app as a person meets it: signing in through the real Keycloak of the local stack (deploy/local/test starts
 * it), on the port its realm lists as a redirect URI, with the demo courses imported at start-up and the job worker running.
 */
public class RealKeycloakProfile implements QuarkusTestProfile {

    public static final int PORT = 8089;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.http.test-port",
                String.valueOf(PORT),
                "quarkus.oidc.connection-delay",
                "30S",
                "quarkus.oidc.api.connection-delay",
                "30S",
                "hocso.courses.import-at-start",
                "true",
                // background work runs as in production (certificate PDFs, transcoding)
                "hocso.jobs.enabled",
                "true");
    }
}
