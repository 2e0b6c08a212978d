package vn.hocso.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.events.EventFiringDecorator;
import org.openqa.selenium.support.events.WebDriverListener;

/**
 * axe-core (src/test/resources/axe/axe.min.js, MPL-2.0, taken with {@code npm pack axe-core}) run in every page of
 * the app a browser journey reaches, once per address, after each navigation and each click or submit that may have
 * led to a new page; with it a check that every visible button and field is a touch target of 44 × 44 px at least.
 * What it finds is kept per browser and fails the test when the browser is closed ({@link Chromium#quit}): Selenium
 * swallows what a listener throws, so the listener only records.
 */
public final class Axe implements WebDriverListener {

    /** Only serious and critical violations fail: minor and moderate ones are advice, not barriers. */
    private static final Set<String> FAILING = Set.of("serious", "critical");

    private static final String SOURCE = read();

    private static final Map<WebDriver, Axe> WATCHES = new ConcurrentHashMap<>();

    private final Set<String> seen = new HashSet<>();
    private final List<String> violations = new ArrayList<>();
    private WebDriver original;

    private Axe() {}

    /** {@code browser} with axe run on every page of the app it shows. */
    static WebDriver watch(WebDriver browser) {
        Axe axe = new Axe();
        axe.original = browser;
        WebDriver decorated = new EventFiringDecorator<>(axe).decorate(browser);
        WATCHES.put(decorated, axe);
        return decorated;
    }

    /** What axe found in the pages {@code browser} showed, and forgets the browser. */
    static List<String> violationsOf(WebDriver browser) {
        Axe axe = WATCHES.remove(browser);
        return axe == null ? List.of() : List.copyOf(axe.violations);
    }

    @Override
    public void afterGet(WebDriver driver, String url) {
        check();
    }

    @Override
    public void afterAnyWebElementCall(org.openqa.selenium.WebElement element, Method method, Object[] args, Object r) {
        if (method.getName().equals("click") || method.getName().equals("submit")) {
            check();
        }
    }

    private void check() {
        try {
            JavascriptExecutor js = (JavascriptExecutor) original;
            String url =
                    String.valueOf(js.executeScript("return document.readyState === 'complete' ? location.href : ''"));
            if (url.isEmpty() || !isApp(url) || !seen.add(withoutFragment(url))) {
                return;
            }
            if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
                js.executeScript(SOURCE);
            }
            original.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            // /api-docs holds Swagger UI's own widget (#swagger-ui): its markup and styles are the vendor's, so axe and
            // the touch-target scan check our page around it, not inside it
            Object found = js.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const failing = arguments[0];
                    axe.run({ exclude: [['#swagger-ui']] }, { resultTypes: ['violations'] })
                      .then(r => done(r.violations.filter(v => failing.includes(v.impact))
                        .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' — '
                          + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))
                      .catch(e => done(['axe failed: ' + e]));""", List.copyOf(FAILING));
            for (Object violation : (List<?>) found) {
                violations.add(withoutFragment(url) + " " + violation);
            }
            Object small = js.executeScript("""
                    return Array.from(document.querySelectorAll(
                        'button, a.button, select, input:not([type=checkbox]):not([type=radio]):not([type=hidden])'))
                      .filter(e => e.offsetParent !== null && !e.closest('#swagger-ui'))
                      .filter(e => { const r = e.getBoundingClientRect(); return r.height < 43.5 || r.width < 43.5; })
                      .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')
                        + ' ' + Math.round(e.getBoundingClientRect().width) + 'x'
                        + Math.round(e.getBoundingClientRect().height))
                      .slice(0, 5);""");
            for (Object target : (List<?>) small) {
                violations.add(withoutFragment(url) + " touch target smaller than 44 px: " + target);
            }
        } catch (WebDriverException e) {
            // a page replaced while it was being checked (a redirect, a download): the next page gets its own check
        }
    }

    /** The app under test, not Keycloak's pages (they answer for themselves) nor a PDF or media file. */
    /** The app's pages, and the sign-in pages of our Keycloak theme (deploy/keycloak/themes/hocso), which are ours too. */
    private static boolean isApp(String url) {
        URI uri = URI.create(url);
        if (!"127.0.0.1".equals(uri.getHost())) {
            return false;
        }
        return uri.getPort() == RealKeycloakProfile.PORT
                || (uri.getPath() != null && uri.getPath().startsWith("/realms/hocso/"));
    }

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    private static String read() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe/axe.min.js is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
