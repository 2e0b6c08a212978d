package vn.hocso.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The shipped settings with a public address, as SmallRye Config resolves them with the factory registered. */
class SecureCookiesTest {

    static SmallRyeConfig config(Map<String, String> environment) throws IOException {
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(
                        Path.of("src/main/resources/application.properties")
                                .toUri()
                                .toURL(),
                        250))
                .withSources(new EnvConfigSource(environment, 300))
                .withSources(new SecureCookies())
                .build();
    }

    @Test
    void anHttpsPublicAddressMakesTheSessionAndCsrfCookiesSecure() throws IOException {
        SmallRyeConfig config = config(Map.of("HOCSO_PUBLIC_URL", "https://hocso.example.vn"));
        for (String setting : SecureCookies.SETTINGS) {
            assertEquals(Optional.of(true), config.getOptionalValue(setting, Boolean.class), setting);
        }
    }

    @Test
    void overPlainHttpTheyAreLeftAsTheyAre() throws IOException {
        SmallRyeConfig config = config(Map.of());
        for (String setting : SecureCookies.SETTINGS) {
            assertEquals(Optional.empty(), config.getOptionalValue(setting, Boolean.class), setting);
        }
    }

    @Test
    void anExplicitSettingWins() throws IOException {
        SmallRyeConfig config = config(Map.of(
                "HOCSO_PUBLIC_URL", "https://hocso.example.vn", "QUARKUS_REST_CSRF_COOKIE_FORCE_SECURE", "false"));
        assertEquals(
                Optional.of(false), config.getOptionalValue("quarkus.rest-csrf.cookie-force-secure", Boolean.class));
    }
}
