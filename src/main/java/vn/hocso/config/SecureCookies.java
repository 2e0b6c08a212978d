package vn.hocso.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Cookies are {@code Secure} when the platform is served over HTTPS, as {@code hocso.public-url} says: the session,
 * sign-in state and CSRF cookies are then never sent over plain HTTP, also when TLS ends at a load balancer and the
 * app itself sees HTTP. Set explicitly, the two settings win (this source ranks below application.properties).
 * Registered in META-INF/services, so it is public.
 */
public class SecureCookies implements ConfigSourceFactory {

    static final List<String> SETTINGS =
            List.of("quarkus.oidc.authentication.cookie-force-secure", "quarkus.rest-csrf.cookie-force-secure");

    /** Below application.properties (250) and the environment (300). */
    static final int ORDINAL = 200;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue publicUrl = context.getValue("hocso.public-url");
        boolean https = publicUrl != null
                && publicUrl.getValue() != null
                && publicUrl.getValue().toLowerCase(Locale.ROOT).startsWith("https://");
        if (!https) {
            return List.of();
        }
        return List.of(new PropertiesConfigSource(
                Map.of(SETTINGS.get(0), "true", SETTINGS.get(1), "true"), "hocso secure cookies", ORDINAL));
    }
}
