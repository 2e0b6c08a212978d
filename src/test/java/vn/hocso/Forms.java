package vn.hocso;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Submits forms the way a browser does: with the CSRF cookie and the hidden token of a page that has the form. */
public final class Forms {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private Forms() {}

    /** The cookie and field a page's forms carry. */
    public record Csrf(String cookie, String field) {}

    public static Csrf csrfFrom(String pagePath) {
        Response page = given().redirects().follow(false).when().get(pagePath);
        Matcher m = TOKEN.matcher(page.asString());
        if (!m.find()) {
            throw new AssertionError("no CSRF field on " + pagePath + " (status " + page.statusCode() + ")");
        }
        return new Csrf(page.getCookie("csrf-token"), m.group(1));
    }

    /** POSTs a form with a valid CSRF token taken from {@code pagePath}; redirects are not followed. */
    public static Response post(String pagePath, String action, String... fields) {
        Csrf csrf = csrfFrom(pagePath);
        var request = given().redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .cookie("csrf-token", csrf.cookie())
                .formParam("csrf-token", csrf.field());
        for (int i = 0; i + 1 < fields.length; i += 2) {
            request.formParam(fields[i], fields[i + 1]);
        }
        return request.when().post(action);
    }
}
