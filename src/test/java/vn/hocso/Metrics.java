package vn.hocso;

import static io.restassured.RestAssured.given;

import java.net.URL;

/** What Prometheus would read from {@code /q/metrics}: the sum of the samples of one metric whose labels match. */
public final class Metrics {

    private Metrics() {}

    public static String scrape(URL management) {
        return given().baseUri(management.toString())
                .when()
                .get("/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    /** Sum of {@code name{…}} samples whose label text contains every one of {@code labels} (e.g. {@code kind="x"}). */
    public static double sum(String scraped, String name, String... labels) {
        double total = 0;
        for (String line : scraped.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            boolean matches = true;
            for (String label : labels) {
                matches &= line.contains(label);
            }
            if (matches) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }
}
