package vn.hocso.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The mapping as SmallRye Config builds and validates it at start-up, over the shipped application.properties (no
 * environment, so the development defaults) and a few overrides; Quarkus does the same with its own sources.
 */
class ConfigValidationTest {

    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();

    private static HocsoConfig load(Map<String, String> overrides) throws IOException {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(
                        Path.of("src/main/resources/application.properties")
                                .toUri()
                                .toURL(),
                        100))
                .withSources(new PropertiesConfigSource(overrides, "overrides", 500))
                // Quarkus's reading of durations ("6h"), not only ISO-8601's ("PT6H")
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(HocsoConfig.class)
                .withValidator((BeanValidationConfigValidator) () -> VALIDATOR)
                .build();
        return config.getConfigMapping(HocsoConfig.class);
    }

    private static String failure(String property, String value) {
        return assertThrows(ConfigValidationException.class, () -> load(Map.of(property, value)))
                .getMessage();
    }

    @Test
    void theShippedSettingsAreValidAndDefaultsFillTheRest() throws IOException {
        HocsoConfig config = load(Map.of());
        assertEquals(2147483648L, config.video().maxBytes());
        assertEquals(Duration.ofHours(6), config.video().ticketTtl());
        assertTrue(config.video().dir().isEmpty());
        assertTrue(config.jobs().enabled());
        assertEquals("ffprobe", config.video().ffprobe());
        assertEquals(Duration.ofSeconds(120), config.video().probeTimeout());
    }

    @Test
    void aShortWatchTicketSecretStopsStartUpNamingTheProperty() {
        String message = failure("hocso.video.ticket-secret", "0123456789");
        assertTrue(message.contains("hocso.video.ticket-secret"), message);
    }

    @Test
    void aNonsensicalLimitStopsStartUpNamingTheProperty() {
        String message = failure("hocso.video.max-bytes", "0");
        assertTrue(message.contains("hocso.video.max-bytes"), message);
        message = failure("hocso.verify.misses-per-minute", "-1");
        assertTrue(message.contains("hocso.verify.misses-per-minute"), message);
    }

    @Test
    void aPublicAddressThatIsNotAWebAddressStopsStartUp() {
        String message = failure("hocso.public-url", "hocso.example.vn");
        assertTrue(message.contains("hocso.public-url"), message);
    }

    @Test
    void aNegativeDurationStopsStartUpNamingTheProperty() {
        String message = failure("hocso.video.playback-ttl", "PT-1H");
        assertTrue(message.contains("hocso.video.playback-ttl"), message);
    }
}
