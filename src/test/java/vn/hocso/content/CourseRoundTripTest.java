package vn.hocso.content;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hocso.DemoCourses;
import vn.hocso.Forms;
import vn.hocso.content.ImportReport.Outcome;
import vn.hocso.course.Course;

/** CAT-3 round trip (issue 12): import a folder, export it, import the zip: nothing changes, for every demo course. */
@QuarkusTest
class CourseRoundTripTest {

    static final Set<String> DEMO = Set.of("ky-nang-so-co-ban", "dich-vu-cong-truc-tuyen", "an-toan-tren-mang");

    @Inject
    CourseImporter importer;

    @BeforeEach
    void demoCourses() {
        DemoCourses.ensureImported(importer);
    }

    private static ContentMessages msg() {
        return MessageBundles.get(ContentMessages.class);
    }

    private static Path saved(byte[] zip) throws IOException {
        Path file = Files.createTempFile("hocso-export", ".zip");
        Files.write(file, zip);
        return file;
    }

    @Test
    @TestSecurity(
            user = "quantri",
            roles = {"learner", "admin"})
    @OidcSecurity(claims = @Claim(key = "sub", value = "round-trip-admin"))
    void everyDemoCourseExportsToAZipThatImportsWithNoChangeAndTheSameContentHash() throws Exception {
        byte[] zip = given().when()
                .get("/admin/courses/export")
                .then()
                .statusCode(200)
                .contentType("application/zip")
                .extract()
                .asByteArray();
        Map<String, Map<String, byte[]>> folders = CourseZip.read(saved(zip));
        assertTrue(folders.keySet().containsAll(DEMO), folders.keySet().toString());
        Map<String, Map<String, byte[]>> demo = new LinkedHashMap<>();
        DEMO.forEach(slug -> demo.put(slug, folders.get(slug)));

        ImportReport dryRun = importer.importFiles(demo, false, msg());
        ImportReport real = importer.importFiles(demo, true, msg());
        for (ImportReport report : List.of(dryRun, real)) {
            assertEquals(List.of(), report.problems());
            report.courses().forEach(c -> assertEquals(Outcome.UNCHANGED, c.outcome(), c.slug()));
            assertEquals(3, report.courses().size());
        }
        for (String slug : DEMO) {
            CourseFolder.Result read = CourseFolder.read(
                    Path.of("zip"),
                    Path.of("zip", slug),
                    CourseTree.of(demo.get(slug)),
                    Set.of("ky-nang-so", "dich-vu-cong", "an-toan-thong-tin", "chuyen-doi-so"),
                    msg());
            String imported = QuarkusTransaction.requiringNew()
                    .call(() -> Course.findBySlug(slug).orElseThrow().sourceHash);
            assertEquals(imported, read.definition().orElseThrow().sourceHash(), slug);
            // the exported files are the folder's files, byte for byte (videos are named, not copied)
            for (Map.Entry<String, byte[]> file : demo.get(slug).entrySet()) {
                assertEquals(
                        Files.readString(DemoCourses.FOLDER.resolve(slug).resolve(file.getKey())),
                        new String(file.getValue(), StandardCharsets.UTF_8),
                        slug + "/" + file.getKey());
            }
            assertFalse(demo.get(slug).keySet().stream().anyMatch(p -> p.endsWith(".mp4")));
        }
    }

    @Test
    @TestSecurity(
            user = "quantri",
            roles = {"learner", "admin"})
    @OidcSecurity(claims = @Claim(key = "sub", value = "round-trip-admin"))
    void anUploadedZipIsFirstCheckedWithoutWritingThenImported() throws IOException {
        String slug = "khoa-tu-zip";
        Map<String, Map<String, String>> course = Map.of(
                slug,
                new LinkedHashMap<>(
                        Map.of("course.yaml", """
                title: {vi: "Khoá học từ zip"}
                summary: {vi: "Nhập từ một tệp zip."}
                category: ky-nang-so
                targetGroups: [citizen]
                level: basic
                status: published
                modules:
                  - id: mot
                    title: {vi: "Một"}
                    lessons:
                      - id: bai-1
                        kind: text
                        file: lessons/01.md
                """, "lessons/01.md", "---\ntitle: {vi: \"Bài 1\"}\n---\nNội dung.\n")));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        CourseZip.write(course, out);
        Path zip = saved(out.toByteArray());

        upload(zip, "check").then().statusCode(303);
        assertTrue(QuarkusTransaction.requiringNew()
                .call(() -> Course.findBySlug(slug).isEmpty()));
        ContentImport dry = QuarkusTransaction.requiringNew()
                .call(() -> ContentImport.findLatest().orElseThrow());
        assertTrue(dry.dryRun);
        assertEquals(1, dry.created);

        upload(zip, "import").then().statusCode(303);
        assertTrue(QuarkusTransaction.requiringNew()
                .call(() -> Course.findBySlug(slug).isPresent()));
        given().when().get("/admin/courses").then().statusCode(200).body(org.hamcrest.Matchers.containsString(slug));
    }

    @Test
    @TestSecurity(
            user = "quantri",
            roles = {"learner", "admin"})
    @OidcSecurity(claims = @Claim(key = "sub", value = "round-trip-admin"))
    void aZipThatClimbsOutOfItsFolderIsRefusedAndNothingIsWritten() throws IOException {
        Path zip = Files.createTempFile("evil", ".zip");
        try (var out = new org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream(zip)) {
            out.putArchiveEntry(new org.apache.commons.compress.archivers.zip.ZipArchiveEntry("khoa-xau/course.yaml"));
            out.write("title: {vi: x}".getBytes(StandardCharsets.UTF_8));
            out.closeArchiveEntry();
            out.putArchiveEntry(new org.apache.commons.compress.archivers.zip.ZipArchiveEntry("khoa-xau/../../x"));
            out.closeArchiveEntry();
        }
        upload(zip, "import").then().statusCode(303);
        ContentImport run = QuarkusTransaction.requiringNew()
                .call(() -> ContentImport.findLatest().orElseThrow());
        assertTrue(run.dryRun);
        assertEquals(1, run.rejected);
        assertTrue(QuarkusTransaction.requiringNew()
                .call(() -> Course.findBySlug("khoa-xau").isEmpty()));
        given().when().get("/admin/courses").then().statusCode(200).body(org.hamcrest.Matchers.containsString("../"));
    }

    @Test
    @TestSecurity(
            user = "giangvien",
            roles = {"learner", "trainer"})
    @OidcSecurity(claims = @Claim(key = "sub", value = "round-trip-author"))
    void anAuthorExportsTheirCourse() throws Exception {
        byte[] zip = given().when()
                .get("/trainer/courses/an-toan-tren-mang/export")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertEquals(Set.of("an-toan-tren-mang"), CourseZip.read(saved(zip)).keySet());
    }

    @Test
    @TestSecurity(
            user = "giangvien-khac",
            roles = {"learner", "trainer"})
    @OidcSecurity(claims = @Claim(key = "sub", value = "round-trip-other"))
    void anotherTrainerCannotExportIt() {
        given().when().get("/trainer/courses/an-toan-tren-mang/export").then().statusCode(403);
        given().when().get("/admin/courses/export").then().statusCode(403);
    }

    private static io.restassured.response.Response upload(Path zip, String mode) {
        Forms.Csrf csrf = Forms.csrfFrom("/admin/courses");
        return given().redirects()
                .follow(false)
                .cookie("csrf-token", csrf.cookie())
                .multiPart("csrf-token", csrf.field())
                .multiPart("mode", mode)
                .multiPart("file", zip.toFile(), "application/zip")
                .when()
                .post("/admin/courses/zip");
    }
}
