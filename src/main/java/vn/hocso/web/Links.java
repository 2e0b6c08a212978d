package vn.hocso.web;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;

/**
 * Every address a page links to or a resource redirects to, built here and nowhere else: a route that moves changes
 * in one place. Path segments are encoded (slugs, keys and codes are plain by their own rules, but an address must
 * not depend on that). In templates: {@code {link:lesson(course.slug, lesson.key)}}.
 */
@TemplateExtension(namespace = "link")
public final class Links {

    private Links() {}

    public static String catalogue() {
        return "/courses";
    }

    /** A page of the catalogue, keeping the search and filters (each optional: null or empty). */
    public static String cataloguePage(int page, String text, String category, String group) {
        StringBuilder link = new StringBuilder(catalogue()).append("?page=").append(page);
        if (text != null && !text.isEmpty()) {
            link.append("&q=").append(URLEncoder.encode(text, UTF_8));
        }
        if (category != null) {
            link.append("&category=").append(URLEncoder.encode(category, UTF_8));
        }
        if (group != null) {
            link.append("&group=").append(URLEncoder.encode(group, UTF_8));
        }
        return link.toString();
    }

    public static String course(String slug) {
        return "/courses/" + segment(slug);
    }

    /** A lesson in its course's outline, which anyone may read (the lesson itself needs an enrolment). */
    public static String courseLesson(String slug, String key) {
        return course(slug) + "#lesson-" + segment(key);
    }

    /** The course page at its enrol button: where a refusal for want of an enrolment sends the person. */
    public static String courseEnrol(String slug) {
        return course(slug) + "#enrol";
    }

    public static String enrol(String slug) {
        return course(slug) + "/enrol";
    }

    /** The sign-in page, coming back to the course afterwards. */
    public static String signInFor(String slug) {
        return "/login?next=" + course(slug);
    }

    public static String lesson(String slug, String key) {
        return course(slug) + "/lessons/" + segment(key);
    }

    /** A lesson when there is one, else its course (a course with nothing left to continue). */
    public static String lessonOrCourse(String slug, String key) {
        return key == null ? course(slug) : lesson(slug, key);
    }

    public static String lessonDone(String slug, String key) {
        return lesson(slug, key) + "/done";
    }

    /** A playlist of a version of a lesson's video ({@code master.m3u8}, {@code audio.m3u8}). */
    public static String playlist(String slug, String key, long videoId, String file) {
        return lesson(slug, key) + "/video/" + videoId + "/" + segment(file);
    }

    /** Where a lesson's player sends heartbeats. */
    public static String heartbeat(String slug, String key) {
        return lesson(slug, key) + "/video/heartbeat";
    }

    public static String quiz(String slug, String key) {
        return lesson(slug, key) + "/quiz";
    }

    public static String quizAttempts(String slug, String key) {
        return quiz(slug, key) + "/attempts";
    }

    public static String quizStats(String slug, String key) {
        return quiz(slug, key) + "/stats";
    }

    public static String attempt(long id) {
        return "/quiz/attempts/" + id;
    }

    /** The attempt again, saying its answers were saved. */
    public static String attemptSaved(long id) {
        return attempt(id) + "?saved=1";
    }

    public static String attemptAnswers(long id) {
        return attempt(id) + "/answers";
    }

    public static String attemptSubmit(long id) {
        return attempt(id) + "/submit";
    }

    public static String attemptResult(long id) {
        return attempt(id) + "/result";
    }

    /** The review of an attempt in the JSON API. */
    public static String apiAttemptResult(long id) {
        return "/api/quiz-attempts/" + id + "/result";
    }

    public static String myLearning() {
        return "/my";
    }

    /** The profile form, coming back to {@code next} (a local address) when it is saved. */
    public static String profile(String next) {
        return "/profile?next=" + URLEncoder.encode(next, UTF_8);
    }

    public static String trainerVideo(String slug, String key) {
        return "/trainer" + lesson(slug, key) + "/video";
    }

    /** The draft's "Video" button: readies a lesson not yet published for its upload, then shows the video page. */
    public static String trainerVideoPrepare(String slug, String key) {
        return trainerVideo(slug, key) + "/prepare";
    }

    public static String trainerCaptions(String slug, String key) {
        return trainerVideo(slug, key) + "/captions";
    }

    /** Where the browser starts an upload (and learns where to send the bytes). */
    public static String trainerUploads(String slug, String key) {
        return trainerVideo(slug, key) + "/uploads";
    }

    /** Where the trainer's page asks how the newest version of the video stands. */
    public static String trainerUploadStatus(String slug, String key) {
        return trainerUploads(slug, key) + "/status";
    }

    /** Where the browser says an upload it started has finished. */
    public static String trainerUploadConfirm(String slug, String key, long uploadId) {
        return trainerUpload(slug, key, uploadId) + "/confirm";
    }

    /** Where the browser says it gave an upload up. */
    public static String trainerUploadCancel(String slug, String key, long uploadId) {
        return trainerUpload(slug, key, uploadId) + "/cancel";
    }

    private static String trainerUpload(String slug, String key, long uploadId) {
        return trainerUploads(slug, key) + "/" + uploadId;
    }

    public static String certificatePdf(String code) {
        return "/certificates/" + segment(code) + "/pdf";
    }

    /** The public verification page of a certificate (relative: the QR code prefixes the public address). */
    public static String verify(String code) {
        return "/verify/" + segment(code);
    }

    public static String adminCertificate(String code) {
        return "/admin/certificates?code=" + URLEncoder.encode(code, UTF_8);
    }

    public static String adminSignatures() {
        return "/admin/certificate-signatures";
    }

    public static String adminSignatureDelete(long unitId) {
        return "/admin/certificate-signatures/" + unitId + "/delete";
    }

    public static String adminSignatureImage(long unitId, String image) {
        return "/admin/certificate-signatures/" + unitId + "/" + ("seal".equals(image) ? "seal" : "signature") + ".png";
    }

    public static String adminRevoke(String code) {
        return "/admin/certificates/" + segment(code) + "/revoke";
    }

    public static String adminReissue(String code) {
        return "/admin/certificates/" + segment(code) + "/reissue";
    }

    public static String adminCourses() {
        return "/admin/courses";
    }

    /** Where an admin uploads a zip of course folders, to check it (dry run) or import it. */
    public static String adminCoursesZip() {
        return adminCourses() + "/zip";
    }

    /** Every course as a zip of course folders. */
    public static String adminCoursesExport() {
        return adminCourses() + "/export";
    }

    /** A course's folder as a zip, in the courses/ format. */
    public static String courseExport(String slug) {
        return trainerCourse(slug) + "/export";
    }

    /** The trainer's list of the courses they author. */
    public static String trainerCourses() {
        return "/trainer/courses";
    }

    /** A course as its authors see it: the draft they edit, what is published, the change log. */
    public static String trainerCourse(String slug) {
        return trainerCourses() + "/" + segment(slug);
    }

    /** The editor of a text lesson of a course's draft. */
    public static String trainerLessonText(String slug, String key) {
        return trainerCourse(slug) + "/lessons/" + segment(key) + "/text";
    }

    /** The question bank and settings of a quiz lesson of a course's draft. */
    public static String trainerLessonQuiz(String slug, String key) {
        return trainerCourse(slug) + "/lessons/" + segment(key) + "/quiz";
    }

    public static String trainerCourseDetails(String slug) {
        return trainerCourse(slug) + "/details";
    }

    public static String trainerModules(String slug) {
        return trainerCourse(slug) + "/modules";
    }

    public static String trainerModuleMove(String slug, String id) {
        return trainerModules(slug) + "/" + segment(id) + "/move";
    }

    public static String trainerLessons(String slug) {
        return trainerCourse(slug) + "/lessons";
    }

    public static String trainerLessonMove(String slug, String key) {
        return trainerLessons(slug) + "/" + segment(key) + "/move";
    }

    public static String trainerLessonRequired(String slug, String key) {
        return trainerLessons(slug) + "/" + segment(key) + "/required";
    }

    public static String trainerLessonRetire(String slug, String key) {
        return trainerLessons(slug) + "/" + segment(key) + "/retire";
    }

    public static String trainerCourseSubmit(String slug) {
        return trainerCourse(slug) + "/submit";
    }

    public static String trainerCoursePublish(String slug) {
        return trainerCourse(slug) + "/publish";
    }

    public static String trainerCourseReturn(String slug) {
        return trainerCourse(slug) + "/return";
    }

    public static String trainerCourseAuthors(String slug) {
        return trainerCourse(slug) + "/authors";
    }

    public static String trainerQuizSettings(String slug, String key) {
        return trainerLessonQuiz(slug, key) + "/settings";
    }

    public static String trainerQuizQuestions(String slug, String key) {
        return trainerLessonQuiz(slug, key) + "/questions";
    }

    /** A question's form in the bank editor; "new" for a question to add. */
    public static String trainerQuizQuestion(String slug, String key, String id) {
        return trainerQuizQuestions(slug, key) + "/" + segment(id);
    }

    public static String trainerQuizQuestionMove(String slug, String key, String id) {
        return trainerQuizQuestion(slug, key, id) + "/move";
    }

    public static String trainerQuizQuestionRemove(String slug, String key, String id) {
        return trainerQuizQuestion(slug, key, id) + "/remove";
    }

    public static String trainerNewCourse() {
        return trainerCourses() + "/new";
    }

    /** The organisation tree (system admins): search, or browse from the country. */
    public static String adminUnits() {
        return "/admin/units";
    }

    public static String adminUnit(long id) {
        return adminUnits() + "/" + id;
    }

    /** A unit's page showing its children as they were on a day (ISO date). */
    public static String adminUnitAsOf(long id, java.time.LocalDate day) {
        return adminUnit(id) + "?at=" + day;
    }

    public static String adminUnitChildren(long id) {
        return adminUnit(id) + "/children";
    }

    public static String adminUnitRename(long id) {
        return adminUnit(id) + "/rename";
    }

    public static String adminUnitMove(long id) {
        return adminUnit(id) + "/move";
    }

    public static String adminUnitMerge() {
        return adminUnits() + "/merge";
    }

    /** Communes loaded from a CSV file: upload, dry run, apply. */
    public static String adminUnitImports() {
        return adminUnits() + "/imports";
    }

    public static String adminUnitImport(long id) {
        return adminUnitImports() + "/" + id;
    }

    public static String adminUnitImportApply(long id) {
        return adminUnitImport(id) + "/apply";
    }

    /** Who administers which units. */
    public static String adminGrants() {
        return "/admin/unit-admins";
    }

    public static String adminGrantRevoke(long id) {
        return adminGrants() + "/" + id + "/revoke";
    }

    /** A unit admin's home: their units. */
    public static String unitAdmin() {
        return "/unit-admin";
    }

    /** People in the unit admin's scope, filtered and paged (each filter optional: null or empty). */
    public static String unitAdminPeople(int page, String text, Long unit) {
        StringBuilder link =
                new StringBuilder(unitAdmin()).append("/people?page=").append(page);
        if (text != null && !text.isEmpty()) {
            link.append("&q=").append(URLEncoder.encode(text, UTF_8));
        }
        if (unit != null) {
            link.append("&unit=").append(unit);
        }
        return link.toString();
    }

    public static String unitAdminPerson(long id) {
        return unitAdmin() + "/people/" + id;
    }

    public static String rosterImports() {
        return unitAdmin() + "/rosters";
    }

    public static String rosterImport(long id) {
        return rosterImports() + "/" + id;
    }

    public static String rosterImportApply(long id) {
        return rosterImport(id) + "/apply";
    }

    public static String rosterImportFile(long id) {
        return rosterImport(id) + "/file";
    }

    public static String waves() {
        return unitAdmin() + "/waves";
    }

    public static String wave(long id) {
        return waves() + "/" + id;
    }

    public static String wavePublish(long id) {
        return wave(id) + "/publish";
    }

    public static String waveClose(long id) {
        return wave(id) + "/close";
    }

    public static String waveCancel(long id) {
        return wave(id) + "/cancel";
    }

    /** Completion reports: the caller's units. */
    public static String reports() {
        return "/reports";
    }

    /** The report of a unit; {@code query} is the filters, already encoded ("" for none). */
    public static String report(long unit, String query) {
        return withQuery(reports() + "/units/" + unit, query);
    }

    public static String reportPeople(long unit, String query) {
        return withQuery(reports() + "/units/" + unit + "/people", query);
    }

    /** An export of a unit's report ({@code format}: csv or xlsx). */
    public static String reportExport(long unit, String format, String query) {
        return withQuery(reports() + "/units/" + unit + "/export." + segment(format), query);
    }

    public static String reportPeopleExport(long unit, String format, String query) {
        return withQuery(reports() + "/units/" + unit + "/people/export." + segment(format), query);
    }

    /** The caller's background exports and their progress. */
    public static String reportExports() {
        return reports() + "/exports";
    }

    /** The download of a finished background export (a redirect to a short-lived link). */
    public static String reportExportFile(long export) {
        return reportExports() + "/" + export + "/file";
    }

    /** Public statistics (REP-3), open to anyone. */
    public static String statistics() {
        return "/statistics";
    }

    private static String withQuery(String path, String query) {
        return query == null || query.isEmpty() ? path : path + "?" + query;
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, UTF_8).replace("+", "%20");
    }
}
