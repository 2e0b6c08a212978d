package vn.hocso.config;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * No development secret in a running platform. application.properties gives every secret a development default so
 * that the local stack and the tests run with no configuration; outside the dev and test profiles the app refuses to
 * start while a secret still has that committed default or is too short, in one line naming the setting and its
 * variable (deploy/README.md lists them). The committed defaults are read from the shipped application.properties
 * itself, so a default changed there is still refused.
 */
@ApplicationScoped
class Secrets {

    /** A secret setting: its property, the variable that sets it, and its least length. */
    record Secret(String property, String variable, int minLength) {}

    static final List<Secret> SECRETS = List.of(
            new Secret("hocso.video.ticket-secret", "HOCSO_WATCH_TICKET_SECRET", HocsoConfig.MIN_SECRET_LENGTH),
            new Secret(
                    "quarkus.oidc.token-state-manager.encryption-secret",
                    "HOCSO_SESSION_SECRET",
                    HocsoConfig.MIN_SECRET_LENGTH),
            new Secret("quarkus.oidc.credentials.secret", "HOCSO_OIDC_CLIENT_SECRET", 16),
            new Secret("quarkus.minio.secret-key", "HOCSO_S3_SECRET_KEY", 16),
            new Secret("quarkus.datasource.password", "HOCSO_DB_PASSWORD", 16));

    /** Profiles in which the development defaults are allowed. */
    static final List<String> DEVELOPMENT_PROFILES = List.of("dev", "test");

    private static final Pattern WITH_DEFAULT = Pattern.compile("\\$\\{([A-Z0-9_]+):(.*)}");

    /** Before any other start-up work of the application (course import, job worker). */
    void refuseDevelopmentSecrets(
            @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start, Config config) {
        if (ConfigUtils.getProfiles().stream().anyMatch(DEVELOPMENT_PROFILES::contains)) {
            return;
        }
        Function<String, Optional<String>> value = name -> config.getOptionalValue(name, String.class);
        Properties committed = committedDefaults();
        List<String> problems = new ArrayList<>(problems(value, committed));
        publicAddressProblem(value, committed).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw new ConfigurationException(String.join("\n", problems));
        }
    }

    /** One line per secret that is missing, a committed default or too short (empty: all is well). */
    static List<String> problems(Function<String, Optional<String>> value, Properties committed) {
        List<String> problems = new ArrayList<>();
        for (Secret secret : SECRETS) {
            Optional<String> set = value.apply(secret.property()).filter(v -> !v.isBlank());
            String fix = "set " + secret.variable() + " (see deploy/README.md; e.g. openssl rand -base64 48)";
            if (set.isEmpty()) {
                problems.add("hocso: " + secret.property() + " is not set: " + fix);
            } else if (set.get().equals(committedDefault(committed, secret))) {
                problems.add("hocso: " + secret.property() + " is the development default committed in"
                        + " application.properties: " + fix);
            } else if (set.get().length() < secret.minLength()) {
                problems.add("hocso: " + secret.property() + " is shorter than " + secret.minLength() + " characters: "
                        + fix);
            }
        }
        return problems;
    }

    /** The public address: where certificate QR codes and e-mails point, so it is no secret but must be the real one. */
    static final String PUBLIC_URL = "hocso.public-url";

    static final String PUBLIC_URL_VARIABLE = "HOCSO_PUBLIC_URL";

    /**
     * The public address left at its committed development default ({@code http://127.0.0.1:8080}): every certificate
     * issued would carry a QR code nobody can open. Set on purpose to that very address (the local stack does), it is
     * accepted.
     */
    static Optional<String> publicAddressProblem(Function<String, Optional<String>> value, Properties committed) {
        if (value.apply(PUBLIC_URL_VARIABLE).filter(v -> !v.isBlank()).isPresent()) {
            return Optional.empty();
        }
        String set = value.apply(PUBLIC_URL).orElse("");
        if (set.isBlank() || set.equals(committedDefault(committed, PUBLIC_URL))) {
            return Optional.of(
                    "hocso: " + PUBLIC_URL + " is the development default committed in application.properties:"
                            + " set " + PUBLIC_URL_VARIABLE + " to the address people reach the platform at, e.g."
                            + " https://hocso.example.vn (certificate QR codes point to it; see deploy/README.md)");
        }
        return Optional.empty();
    }

    /** The shipped application.properties as written, before any expression is expanded. */
    static Properties committedDefaults() {
        Properties shipped = new Properties();
        try (InputStream in = Secrets.class.getClassLoader().getResourceAsStream("application.properties")) {
            if (in != null) {
                try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    shipped.load(reader);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read application.properties", e);
        }
        return shipped;
    }

    /** The default after ':' in {@code ${VARIABLE:default}}, or null when the property has none. */
    static String committedDefault(Properties committed, Secret secret) {
        return committedDefault(committed, secret.property());
    }

    /** The default after ':' of a property, or null when the property has none. */
    static String committedDefault(Properties committed, String property) {
        String raw = committed.getProperty(property);
        if (raw == null) {
            return null;
        }
        Matcher m = WITH_DEFAULT.matcher(raw.trim());
        return m.matches() ? m.group(2) : raw.trim();
    }
}
