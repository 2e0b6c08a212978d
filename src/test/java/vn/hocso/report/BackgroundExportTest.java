package vn.hocso.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hocso.Forms;
import vn.hocso.audit.AuditEntry;
import vn.hocso.job.Job;
import vn.hocso.job.JobWorker;
import vn.hocso.job.Jobs;
import vn.hocso.org.OrgUnit;
import vn.hocso.storage.ObjectStore;

/**
 * Background exports (the test profile's threshold is 10 rows): a larger list is offered as a job, written to the
 * object store and downloaded by its owner alone until it expires; one live export per admin; a crashed attempt is
 * run again and its half file is never offered.
 */
@QuarkusTest
@TestSecurity(user = BackgroundExportTest.ADMIN, roles = "admin")
class BackgroundExportTest {

    static final String ADMIN = "bg-export-quantri";
    static final int PEOPLE = 12;

    @Inject
    JobWorker worker;

    @Inject
    Jobs jobs;

    @Inject
    BackgroundExports background;

    @Inject
    ObjectStore store;

    long commune;
    long course;
    long smallCourse;

    @BeforeEach
    void aCommuneAboveTheThreshold() {
        drain();
        QuarkusTransaction.requiringNew()
                .run(() -> ReportExport.update(
                        "status = ?1 where ownerSubject = ?2 and status in (?3, ?4)",
                        ReportExport.FAILED,
                        ADMIN,
                        ReportExport.QUEUED,
                        ReportExport.RUNNING));
        commune = ReportFixtures.commune("22", "Xã Nền " + ReportFixtures.unique());
        course = ReportFixtures.course();
        smallCourse = ReportFixtures.course();
        LocalDate d = LocalDate.of(2025, 9, 1);
        for (int i = 0; i < PEOPLE; i++) {
            long p = ReportFixtures.person(null, "Phạm Thị Nền " + i, commune, "+8490000000" + (i % 10), null);
            ReportFixtures.enrol(p, course, d, i % 2 == 0 ? d.plusDays(3) : null, null, null);
            if (i < 2) {
                ReportFixtures.enrol(p, smallCourse, d, null, null, null);
            }
        }
    }

    /** Runs every due export job, as the worker loop would. */
    private void drain() {
        while (worker.runNext(BackgroundExports.KIND)) {
            // next
        }
    }

    private String exportPath(String format, long courseId) {
        return "/reports/units/" + commune + "/people/export." + format + "?course=" + courseId;
    }

    private io.restassured.response.Response startExport(String format) {
        return Forms.post(exportPath(format, course), exportPath(format, course));
    }

    private ReportExport latest() {
        return QuarkusTransaction.requiringNew()
                .call(() -> ReportExport.<ReportExport>find("ownerSubject = ?1 order by id desc", ADMIN)
                        .firstResult());
    }

    private static byte[] fetch(String url) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), url);
        return r.body();
    }

    private static List<String> names(byte[] xlsx) throws Exception {
        List<String> names = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row r : wb.getFirstSheet().read()) {
                if (r.getCellCount() > 8
                        && r.getCell(0) != null
                        && r.getCell(0).getText().startsWith("Phạm")) {
                    names.add(r.getCell(0).getText());
                }
            }
        }
        return names;
    }

    @Test
    void aListAboveTheThresholdIsOfferedInTheBackgroundWhileASmallOneStreams() {
        given().when()
                .get(exportPath("xlsx", course))
                .then()
                .statusCode(200)
                .header("Content-Type", containsString("text/html"))
                .body(containsString("method=\"post\""))
                .body(containsString("/people/export.xlsx?course=" + course));
        given().when()
                .get(exportPath("csv", smallCourse))
                .then()
                .statusCode(200)
                .header("Content-Type", containsString("text/csv"))
                .body(containsString("Phạm Thị Nền 1"));
    }

    @Test
    void theJobWritesTheFileToTheStoreAndItsOwnerDownloadsItThroughAShortLivedLink() throws Exception {
        startExport("xlsx").then().statusCode(303).header("Location", containsString("/reports/exports"));
        ReportExport queued = latest();
        assertEquals(ReportExport.QUEUED, queued.status);
        given().when()
                .get("/reports/exports")
                .then()
                .statusCode(200)
                .body(containsString("data-refresh-seconds"))
                .body(containsString("/js/refresh.js"))
                .body(not(containsString("/reports/exports/" + queued.id + "/file")));
        given().redirects()
                .follow(false)
                .when()
                .get("/reports/exports/" + queued.id + "/file")
                .then()
                .statusCode(404);

        drain();

        ReportExport done = latest();
        assertEquals(ReportExport.DONE, done.status);
        assertEquals(PEOPLE, done.rowsWritten);
        assertEquals(PEOPLE, done.rowsTotal);
        assertTrue(done.objectKey.startsWith("exports/" + done.id + "/"), done.objectKey);
        given().when()
                .get("/reports/exports")
                .then()
                .statusCode(200)
                .body(containsString("<progress max=\"" + PEOPLE + "\" value=\"" + PEOPLE + "\""))
                .body(containsString("/reports/exports/" + done.id + "/file"))
                .body(not(containsString("data-refresh-seconds")));
        String link = given().redirects()
                .follow(false)
                .when()
                .get("/reports/exports/" + done.id + "/file")
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
        assertTrue(link.contains("X-Amz-Expires=300"), "a link valid five minutes: " + link);
        List<String> names = names(fetch(link));
        assertEquals(PEOPLE, names.size(), names.toString());
        assertTrue(names.contains("Phạm Thị Nền 11"));
        assertTrue(QuarkusTransaction.requiringNew()
                .call(
                        () -> AuditEntry.<AuditEntry>list(
                                        "action = ?1 and targetId = ?2", "report.export", Long.toString(commune))
                                .stream()
                                .anyMatch(e -> e.actorSubject.equals(ADMIN)
                                        && e.detail.contains("format=xlsx")
                                        && e.detail.contains("rows=" + PEOPLE))));
    }

    @Test
    void aSecondExportWhileOneIsLiveIsRefusedWithAMessage() {
        startExport("csv").then().statusCode(303);
        startExport("xlsx")
                .then()
                .statusCode(409)
                .header("Content-Type", containsString("text/html"))
                .body(containsString("Bạn đang có một tệp xuất chưa xong"));
        drain();
        startExport("xlsx").then().statusCode(303);
        drain();
    }

    @Test
    void anotherAdminsExportIsNotFoundAndAnExpiredOneIsNeitherListedNorServed() {
        OrgUnit unit = QuarkusTransaction.requiringNew().call(() -> OrgUnit.getById(commune));
        ReportFilters f = QuarkusTransaction.requiringNew()
                .call(() -> ReportFilters.parse(
                        u -> true,
                        unit.id,
                        ReportFilters.params(java.util.Map.of("course", Long.toString(course))),
                        vn.hocso.web.Locales.messages(ReportMessages.class, vn.hocso.web.Locales.VIETNAMESE)));
        Optional<ReportExport> theirs = background.start(
                new Exports.Who("bg-export-other", "Người khác", true),
                "vi",
                new String[] {"/%"},
                f,
                Exports.Format.CSV,
                "theirs.csv");
        assertTrue(theirs.isPresent());
        drain();
        long id = theirs.get().id;
        assertEquals(
                ReportExport.DONE,
                QuarkusTransaction.requiringNew().call(() -> ReportExport.<ReportExport>findById(id).status));
        given().redirects()
                .follow(false)
                .when()
                .get("/reports/exports/" + id + "/file")
                .then()
                .statusCode(404);
        given().when().get("/reports/exports").then().statusCode(200).body(not(containsString("theirs.csv")));

        startExport("csv").then().statusCode(303);
        drain();
        ReportExport mine = latest();
        given().redirects()
                .follow(false)
                .when()
                .get("/reports/exports/" + mine.id + "/file")
                .then()
                .statusCode(303);
        QuarkusTransaction.requiringNew()
                .run(() -> ReportExport.update(
                        "expiresAt = ?1 where id = ?2", OffsetDateTime.now().minusMinutes(1), mine.id));
        given().redirects()
                .follow(false)
                .when()
                .get("/reports/exports/" + mine.id + "/file")
                .then()
                .statusCode(404);
        given().when()
                .get("/reports/exports")
                .then()
                .statusCode(200)
                .body(not(containsString("/reports/exports/" + mine.id + "/file")));
        assertFalse(store.list(BackgroundExports.prefix(mine.id)).isEmpty());
        assertTrue(background.sweep(OffsetDateTime.now()) >= 1);
        assertTrue(store.list(BackgroundExports.prefix(mine.id)).isEmpty(), "the file is deleted");
        assertEquals(0, ReportFixtures.count("select count(*) from report_export where id = ?1", mine.id));
    }

    @Test
    void anAttemptThatDiedIsRunAgainFromTheStartAndItsHalfFileIsNeverOffered() throws Exception {
        startExport("xlsx").then().statusCode(303);
        ReportExport export = latest();
        // an instance claims the job, starts writing and dies: its lease runs out, its half file stays in the store
        Optional<Job> claimed = jobs.claim(BackgroundExports.KIND, "instance-that-died", Duration.ZERO);
        assertTrue(claimed.isPresent());
        QuarkusTransaction.requiringNew()
                .run(() -> ReportExport.update(
                        "status = ?1, rowsWritten = 5, rowsTotal = 12 where id = ?2", ReportExport.RUNNING, export.id));
        String half = BackgroundExports.prefix(export.id) + "1-dead.xlsx";
        byte[] truncated = "PK\u0003\u0004 half a zip".getBytes(StandardCharsets.ISO_8859_1);
        store.put(half, new ByteArrayInputStream(truncated), truncated.length, "application/octet-stream");

        given().when()
                .get("/reports/exports")
                .then()
                .statusCode(200)
                .body(containsString("data-refresh-seconds"))
                .body(not(containsString("/reports/exports/" + export.id + "/file")));
        given().redirects()
                .follow(false)
                .when()
                .get("/reports/exports/" + export.id + "/file")
                .then()
                .statusCode(404);

        Thread.sleep(1100);
        drain();

        ReportExport done = latest();
        assertEquals(export.id, done.id);
        assertEquals(ReportExport.DONE, done.status);
        assertNotEquals(half, done.objectKey);
        assertEquals(List.of(done.objectKey), store.list(BackgroundExports.prefix(export.id)), "the half file is gone");
        String link = given().redirects()
                .follow(false)
                .when()
                .get("/reports/exports/" + done.id + "/file")
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
        assertEquals(PEOPLE, names(fetch(link)).size());
    }
}
