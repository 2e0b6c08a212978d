package vn.hocso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's browser for tests that sign in through the real Keycloak: no automatic redirects, and a cookie jar as a
 * browser keeps one for 127.0.0.1 (the app and Keycloak share the host, and cookies do not tell ports apart; a
 * browser sends Secure cookies to 127.0.0.1 over http). java.net.CookieManager would do neither.
 */
public class CookieBrowser {

    public final Map<String, String> cookies = new ConcurrentHashMap<>();

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** Sends the request with the jar's cookies and keeps the cookies the answer sets or clears. */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            StringBuilder header = new StringBuilder();
            cookies.forEach((k, v) -> header.append(header.isEmpty() ? "" : "; ")
                    .append(k)
                    .append('=')
                    .append(v));
            request.header("Cookie", header.toString());
        }
        try {
            HttpResponse<String> response =
                    http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            for (String set : response.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).trim();
                String lower = set.toLowerCase(Locale.ROOT);
                if (lower.contains("max-age=0") || lower.contains("expires=thu, 01 jan 1970")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, pair.substring(eq + 1).trim());
                }
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Keycloak's own sign-in form, from the redirect to it ({@code authorization}, the Location the app answered) to
     * the redirect back to the app; answers that last Location (the app's /login with the code).
     */
    public URI signInAtProvider(String authorization, String user) {
        HttpResponse<String> loginPage = get(authorization);
        assertEquals(200, loginPage.statusCode(), "Keycloak's login page");
        Matcher action =
                Pattern.compile("id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"").matcher(loginPage.body());
        if (!action.find()) {
            action = Pattern.compile("<form[^>]*action=\"([^\"]+)\"").matcher(loginPage.body());
            assertTrue(action.find(), "a login form on Keycloak's page");
        }
        HttpResponse<String> back =
                send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                encode(Map.of("username", List.of(user), "password", List.of("hocso123"))))));
        assertEquals(302, back.statusCode(), "Keycloak accepts " + user + ": " + back.body());
        return URI.create(back.headers().firstValue("Location").orElseThrow());
    }

    /** The whole code flow against one app at {@code app}: /my, Keycloak's form, the code back to the app. */
    public void signIn(String app, String user) {
        HttpResponse<String> toProvider = get(app + "/my");
        assertEquals(302, toProvider.statusCode(), "an anonymous /my is sent to the provider");
        URI callback =
                signInAtProvider(toProvider.headers().firstValue("Location").orElseThrow(), user);
        assertTrue(callback.toString().startsWith(app + "/login"), callback.toString());
        assertEquals(302, get(callback.toString()).statusCode(), "the app takes the code");
    }

    public static String encode(Map<String, List<String>> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, values) -> values.forEach(v -> {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        }));
        return body.toString();
    }
}
