package vn.hocso.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.hocso.CookieBrowser;
import vn.hocso.Metrics;

/**
 * The platform as several instances behind a load balancer (PLT-4), checked against a real cluster that
 * deploy/local/cluster check starts: three app processes on their own ports, HAProxy in front (round robin, no sticky
 * sessions), one PostgreSQL database, one object store, the real Keycloak. Requests go either through the balancer
 * or, to say exactly which instance does what, straight to one instance with the balancer's Host header (the sign-in
 * redirect and the same-origin rule are the balancer's address). The instances are processes of this machine: the
 * check sends them SIGTERM and SIGKILL itself. Not run by the ordinary test runs (tag cluster): it needs the cluster.
 */
@Tag("cluster")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterCheck {

    static {
        // the Host header of the balancer on requests sent straight to one instance
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
    }

    private static final String COURSE = "ky-nang-so-co-ban";
    private static final String QUIZ = "kiem-tra-cuoi-khoa";
    private static final String VIDEO = "video-gioi-thieu";
    /** The instances' quarkus.shutdown.delay (deploy/local/cluster sets it). */
    private static final Duration DELAY =
            Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("CLUSTER_SHUTDOWN_DELAY_SECONDS", "5")));

    /** Certificate codes' letters (migrations/V9__certificates.sql: no look-alikes). */
    private static final String CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    /** One app process: its name at the balancer, its ports and its process id. */
    record Node(String name, int port, int management, long pid) {

        boolean alive() {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
    }

    static String front;
    static String frontHost;
    static List<Node> nodes = new ArrayList<>();
    static Connection db;

    @BeforeAll
    static void cluster() throws SQLException {
        front = System.getenv("CLUSTER_FRONT");
        assertNotNull(front, "CLUSTER_FRONT: run deploy/local/cluster check");
        frontHost = URI.create(front).getAuthority();
        for (String node : System.getenv("CLUSTER_NODES").split(",")) {
            String[] nameRest = node.split("=");
            String[] p = nameRest[1].split(":");
            nodes.add(new Node(nameRest[0], Integer.parseInt(p[0]), Integer.parseInt(p[1]), Long.parseLong(p[2])));
        }
        assertTrue(nodes.size() >= 3, "three instances at least: " + nodes);
        db = DriverManager.getConnection(System.getenv("CLUSTER_DB_URL"), "hocso", "hocso");
    }

    @AfterAll
    static void close() throws SQLException {
        if (db != null) {
            db.close();
        }
    }

    /** A person's browser (see {@link CookieBrowser}) that can also speak to one instance as the balancer would. */
    static final class Browser extends CookieBrowser {
        /** Through the balancer (node null) or straight to one instance, as the balancer would forward it. */
        HttpResponse<String> get(Node node, String path) {
            return send(request(node, path).GET());
        }

        HttpResponse<String> post(Node node, String path, Map<String, List<String>> form) {
            return send(request(node, path)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Origin", front)
                    .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
        }

        HttpRequest.Builder request(Node node, String path) {
            if (node == null) {
                return HttpRequest.newBuilder(URI.create(front + path));
            }
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + path))
                    .header("Host", frontHost);
        }

        /** The OIDC code flow through Keycloak's own login page; the steps on the app go to the nodes given. */
        void signIn(String user, Node starts, Node finishes) {
            HttpResponse<String> toProvider = get(starts, "/my");
            assertEquals(302, toProvider.statusCode(), "an anonymous /my is sent to the provider");
            URI callback =
                    signInAtProvider(toProvider.headers().firstValue("Location").orElseThrow(), user);
            assertTrue(callback.toString().startsWith(front + "/login"), "back to the balancer: " + callback);
            HttpResponse<String> signedIn = get(finishes, callback.getRawPath() + "?" + callback.getRawQuery());
            assertEquals(
                    302,
                    signedIn.statusCode(),
                    "the sign-in started on " + starts.name() + " finishes on " + finishes.name());
        }
    }

    static String encode(Map<String, List<String>> form) {
        return CookieBrowser.encode(form);
    }

    static String csrf(HttpResponse<String> page) {
        Matcher m = CSRF.matcher(page.body());
        assertTrue(m.find(), "a CSRF token on " + page.uri());
        return m.group(1);
    }

    static Map<String, List<String>> form(String csrf, String... pairs) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("csrf-token", List.of(csrf));
        for (int i = 0; i < pairs.length; i += 2) {
            form.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
        }
        return form;
    }

    static String instance(HttpResponse<?> response) {
        return response.headers().firstValue("X-Hocso-Instance").orElse("?");
    }

    static long longOf(String sql, Object... params) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next(), sql);
                return r.getLong(1);
            }
        }
    }

    static String stringOf(String sql, Object... params) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    static Node node(int i) {
        return nodes.get(i % nodes.size());
    }

    static List<Node> alive() {
        return nodes.stream().filter(Node::alive).toList();
    }

    /** Enrols the signed-in browser in the demo course: the page read on one instance, the form sent to another. */
    static void enrol(Browser b, Node reads, Node posts) {
        HttpResponse<String> course = b.get(reads, "/courses/" + COURSE);
        assertEquals(200, course.statusCode());
        HttpResponse<String> enrolled = b.post(posts, "/courses/" + COURSE + "/enrol", form(csrf(course)));
        assertEquals(
                303, enrolled.statusCode(), "the CSRF cookie set by " + reads.name() + " holds on " + posts.name());
    }

    /** Starts a quiz attempt (the page on one instance, the form on another) and returns its id. */
    static long startAttempt(Browser b, Node reads, Node posts) {
        String quiz = "/courses/" + COURSE + "/lessons/" + QUIZ + "/quiz";
        HttpResponse<String> page = b.get(reads, quiz);
        assertEquals(200, page.statusCode());
        HttpResponse<String> started = b.post(posts, quiz + "/attempts", form(csrf(page)));
        assertEquals(303, started.statusCode(), started.body());
        Matcher id = Pattern.compile("/quiz/attempts/(\\d+)")
                .matcher(started.headers().firstValue("Location").orElseThrow());
        assertTrue(id.find());
        return Long.parseLong(id.group(1));
    }

    /** The attempt page's answers: the first option (or a word) for every question, as a form. */
    static Map<String, List<String>> firstAnswers(HttpResponse<String> attemptPage) {
        Map<String, List<String>> form = form(csrf(attemptPage));
        Matcher questions =
                Pattern.compile("name=\"questions\" value=\"(\\d+)\"").matcher(attemptPage.body());
        assertTrue(questions.find(), "the attempt page lists its questions");
        form.put("questions", List.of(questions.group(1)));
        Matcher inputs = Pattern.compile(
                        "<input type=\"(radio|checkbox|text)\"[^>]*name=\"(q\\d+)\"(?: value=\"([^\"]*)\")?")
                .matcher(attemptPage.body());
        while (inputs.find()) {
            String name = inputs.group(2);
            if (!form.containsKey(name)) {
                form.put(name, List.of(inputs.group(1).equals("text") ? "zalo" : inputs.group(3)));
            }
        }
        assertEquals(Integer.parseInt(questions.group(1)), form.size() - 2, "an answer for every question");
        return form;
    }

    @Test
    @Order(1)
    void aSignedInLearnersSessionWorksOnEveryInstance() {
        Browser b = new Browser();
        b.signIn("hocvien", node(0), node(1));
        Set<String> answeredBy = new LinkedHashSet<>();
        for (int i = 0; i < 3 * nodes.size(); i++) {
            HttpResponse<String> my = b.get(null, "/my");
            assertEquals(200, my.statusCode(), "the session cookie holds on " + instance(my));
            answeredBy.add(instance(my));
        }
        assertEquals(nodes.size(), answeredBy.size(), "the balancer spreads the requests: " + answeredBy);
        for (Node n : nodes) {
            assertEquals(200, b.get(n, "/my").statusCode(), "the session holds on " + n.name());
        }
        enrol(b, node(1), node(2));
    }

    @Test
    @Order(2)
    void aQuizAttemptStartedOnOneInstanceIsSavedOnAnotherAndGradedOnceWhenTwentySubmitsRace() throws Exception {
        Browser b = new Browser();
        b.signIn("hocvien", node(2), node(0));
        long attempt = startAttempt(b, node(1), node(0));
        HttpResponse<String> page = b.get(node(1), "/quiz/attempts/" + attempt);
        assertEquals(200, page.statusCode());
        Map<String, List<String>> answers = firstAnswers(page);
        HttpResponse<String> saved = b.post(node(1), "/quiz/attempts/" + attempt + "/answers", answers);
        assertEquals(303, saved.statusCode(), "autosave on " + node(1).name());
        long chosen = longOf(
                "select count(*) from quiz_attempt_question where attempt_id = ? and (chosen is not null or text_answer is not null)",
                attempt);
        assertEquals(answers.size() - 2, chosen, "every saved answer is in the database");
        // the saved answers are shown by the third instance
        HttpResponse<String> again = b.get(node(2), "/quiz/attempts/" + attempt);
        assertTrue(again.body().contains("checked") || again.body().contains("value=\"zalo\""), "saved answers shown");

        // twenty submits at once, spread over the instances
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> submits = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Node n = node(i);
            submits.add(pool.submit(() -> {
                go.await();
                return b.post(n, "/quiz/attempts/" + attempt + "/submit", answers);
            }));
        }
        go.countDown();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        for (Future<HttpResponse<String>> f : submits) {
            statuses.merge(f.get(60, TimeUnit.SECONDS).statusCode(), 1, Integer::sum);
        }
        pool.shutdown();
        assertEquals(Map.of(303, 20), statuses, "every submit is answered with the result, none fails");
        assertEquals("graded", stringOf("select status from quiz_attempt where id = ?", attempt));
        assertEquals(
                1,
                longOf(
                        "select count(*) from quiz_attempt where person_id = (select person_id from quiz_attempt where id = ?)",
                        attempt),
                "one attempt, graded once");
        String score = stringOf("select score from quiz_attempt where id = ?", attempt);
        String submittedAt = stringOf("select submitted_at from quiz_attempt where id = ?", attempt);
        for (Node n : nodes) {
            assertEquals(200, b.get(n, "/quiz/attempts/" + attempt + "/result").statusCode());
        }
        assertEquals(score, stringOf("select score from quiz_attempt where id = ?", attempt));
        assertEquals(
                submittedAt,
                stringOf("select submitted_at from quiz_attempt where id = ?", attempt),
                "the racing submits after the first changed nothing");
    }

    @Test
    @Order(3)
    void theVerifyLimitCountsTheGuessesOfEveryInstance() {
        Browser b = new Browser();
        int refused = 0;
        Set<String> refusedBy = new LinkedHashSet<>();
        for (int i = 0; i < 15; i++) {
            HttpResponse<String> guess = b.get(null, "/verify/ZZZZZ" + (10000 + i));
            if (guess.statusCode() == 429) {
                refused++;
                refusedBy.add(instance(guess));
            }
        }
        // 10 misses a minute per address, counted in the database: 5 of the 15 are refused, by any instance
        assertTrue(refused >= 5, refused + " refused");
        assertTrue(refusedBy.size() >= 2, "refused by several instances: " + refusedBy);
    }

    static long demoVideo() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (System.nanoTime() < deadline) {
            String id = stringOf("""
                    select v.id from lesson_video lv join video v on v.id = lv.video_id and v.status = 'ready'
                    join lesson l on l.id = lv.lesson_id where l.key = ?""", VIDEO);
            if (id != null) {
                return Long.parseLong(id);
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the demo video was not transcoded within 4 minutes");
    }

    /** A learner's player on the video lesson: the CSRF token and the latest watch ticket. */
    static final class Player {
        final Browser browser;
        String csrf;
        String ticket;

        Player(Browser browser, Node reads) {
            this.browser = browser;
            HttpResponse<String> page = browser.get(reads, "/courses/" + COURSE + "/lessons/" + VIDEO);
            assertEquals(200, page.statusCode());
            Matcher t = Pattern.compile("data-ticket=\"([^\"]+)\"").matcher(page.body());
            assertTrue(t.find(), "a watch ticket on the lesson page");
            ticket = t.group(1);
            Matcher c = Pattern.compile("data-csrf=\"([^\"]+)\"").matcher(page.body());
            assertTrue(c.find());
            csrf = c.group(1);
        }

        HttpResponse<String> beat(Node node, int fromMs, int toMs) {
            HttpResponse<String> r = browser.post(
                    node,
                    "/courses/" + COURSE + "/lessons/" + VIDEO + "/video/heartbeat",
                    form(csrf, "ticket", ticket, "watched", fromMs + "-" + toMs, "position", String.valueOf(toMs)));
            Matcher t = Pattern.compile("\"ticket\":\"([^\"]+)\"").matcher(r.body());
            if (r.statusCode() == 200 && t.find()) {
                ticket = t.group(1);
            }
            return r;
        }
    }

    static String watched(String user) throws SQLException {
        return stringOf("""
                select w.watched::text from video_watch w join person p on p.id = w.person_id
                join lesson l on l.id = w.lesson_id where p.email = ? and l.key = ?""", user + "@demo.hocso.vn", VIDEO);
    }

    @Test
    @Order(4)
    void heartbeatsAlternatingBetweenInstancesLoseNoWatchedInterval() throws Exception {
        demoVideo();
        Browser b = new Browser();
        b.signIn("giangvien", node(1), node(2));
        enrol(b, node(0), node(1));
        Player player = new Player(b, node(2));
        for (int k = 0; k < 12; k++) {
            HttpResponse<String> r = player.beat(node(k), k * 1000, (k + 1) * 1000);
            assertEquals(200, r.statusCode(), "heartbeat " + k + " on " + node(k).name() + ": " + r.body());
            Thread.sleep(700);
        }
        assertEquals("{[0,12000)}", watched("giangvien"));

        // the limit (bursts of 10, 120 a minute) holds across instances: the bucket is in the database
        long started = System.nanoTime();
        int accepted = 0;
        Set<String> refusedBy = new LinkedHashSet<>();
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> r = player.beat(null, 0, 1000);
            if (r.statusCode() == 200) {
                accepted++;
            } else {
                assertEquals(429, r.statusCode(), r.body());
                refusedBy.add(instance(r));
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertTrue(accepted <= 11 + 2 * seconds, accepted + " of 30 accepted in " + seconds + " s");
        assertTrue(refusedBy.size() >= 2, "refused by several instances: " + refusedBy);
    }

    /** Sends SIGTERM and returns how long the process took to exit. */
    static Duration terminate(Node n, boolean force) throws InterruptedException {
        ProcessHandle process = ProcessHandle.of(n.pid()).orElseThrow();
        long started = System.nanoTime();
        if (force) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        while (process.isAlive() && System.nanoTime() - started < TimeUnit.SECONDS.toNanos(60)) {
            Thread.sleep(100);
        }
        assertTrue(!process.isAlive(), n.name() + " still runs a minute after the signal");
        return Duration.ofNanos(System.nanoTime() - started);
    }

    static int readiness(Node n) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + n.management() + "/q/health/ready"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The certificate PDFs each instance has made: its job runs of kind certificate that ended done. */
    static Map<String, Double> certificateRuns() {
        Map<String, Double> runs = new LinkedHashMap<>();
        for (Node n : alive()) {
            String scraped = HttpClient.newHttpClient()
                    .sendAsync(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + n.management() + "/q/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .join()
                    .body();
            runs.put(
                    n.name(),
                    Metrics.sum(scraped, "hocso_job_runs_seconds_count", "kind=\"certificate\"", "outcome=\"done\""));
        }
        return runs;
    }

    @Test
    @Order(5)
    void aBatchOfCertificateJobsIsIssuedOnceEachWhicheverInstancesPoll() throws Exception {
        int count = 24;
        Map<String, Double> before = certificateRuns();
        long course = longOf("select id from course where slug = ?", COURSE);
        String batch = Long.toString(System.nanoTime(), 36);
        // learners who completed the course, each with a pending certificate and its job, all queued in one commit so
        // that every instance's worker finds them at its next poll
        List<Long> certificates = new ArrayList<>();
        SecureRandom random = new SecureRandom();
        db.setAutoCommit(false);
        try {
            for (int i = 0; i < count; i++) {
                long person = longOf(
                        "insert into person (subject, full_name) values (?, ?) returning id",
                        "cluster-certificate-" + batch + "-" + i,
                        "Người Học Chứng Chỉ " + i);
                StringBuilder code = new StringBuilder();
                for (int k = 0; k < 10; k++) {
                    code.append(CODE_LETTERS.charAt(random.nextInt(CODE_LETTERS.length())));
                }
                long certificate = longOf("""
                        insert into certificate (code, person_id, course_id, holder_name, course_title_vi, issuer_name,
                            completed_on)
                        values (?, ?, ?, ?, 'Kỹ năng số cơ bản', 'HọcSố', current_date) returning id""", code.toString(), person, course, "Người Học Chứng Chỉ " + i);
                longOf("""
                        insert into job (kind, payload, dedupe_key, max_attempts)
                        values ('certificate', cast(? as jsonb), ?, 5) returning id""", "{\"certificateId\":" + certificate + "}", "certificate:" + certificate);
                certificates.add(certificate);
            }
            db.commit();
        } finally {
            db.setAutoCommit(true);
        }
        String ids = certificates.stream()
                .map(String::valueOf)
                .reduce((a, b) -> a + "," + b)
                .orElseThrow();

        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (longOf(
                        "select count(*) from job where kind = 'certificate' and status = 'done'"
                                + " and payload ->> 'certificateId' in (select unnest(string_to_array(?, ',')))",
                        ids)
                < count) {
            assertTrue(System.nanoTime() < deadline, "the certificate jobs were not done within 3 minutes");
            Thread.sleep(500);
        }
        assertEquals(
                count,
                longOf(
                        "select count(*) from certificate where id = any (string_to_array(?, ',')::bigint[])"
                                + " and status = 'issued' and issued_at is not null and pdf_key = 'certificates/' || code || '.pdf'",
                        ids),
                "every certificate issued with its PDF");
        assertEquals(
                count,
                longOf(
                        "select count(*) from job where kind = 'certificate' and attempts = 1"
                                + " and payload ->> 'certificateId' in (select unnest(string_to_array(?, ',')))",
                        ids),
                "each job claimed once");
        // every run is counted by the instance that made it: a job run twice, anywhere, would count twice
        Map<String, Double> after = certificateRuns();
        double runs = 0;
        Set<String> issuers = new LinkedHashSet<>();
        for (Map.Entry<String, Double> e : after.entrySet()) {
            double made = e.getValue() - before.getOrDefault(e.getKey(), 0.0);
            runs += made;
            if (made > 0) {
                issuers.add(e.getKey());
            }
        }
        assertEquals(count, (int) runs, "one run per certificate in all: " + before + " -> " + after);
        assertTrue(issuers.size() >= 2, "made by several instances: " + before + " -> " + after);
    }

    @Test
    @Order(6)
    void sigtermTakesTheInstanceOutFinishesTheSubmitInFlightAndHandsItsJobToAnother() throws Exception {
        long video = demoVideo();
        // a new version of the demo video from the same source, so a transcode runs now; its job is the check's
        long version;
        try (PreparedStatement s = db.prepareStatement("""
                insert into video (lesson_id, status, source_key, prefix, size_bytes)
                select lesson_id, 'queued', source_key, prefix || 'cluster-check/', size_bytes from video where id = ?
                returning id""")) {
            s.setLong(1, video);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                version = r.getLong(1);
            }
        }
        try (PreparedStatement s = db.prepareStatement("""
                insert into job (kind, payload, dedupe_key) values ('transcode', cast(? as jsonb), ?) returning id""")) {
            s.setString(1, "{\"video\": " + version + "}");
            s.setString(2, "cluster-check-" + version);
            s.executeQuery();
        }
        long job = longOf("select id from job where dedupe_key = ?", "cluster-check-" + version);
        String holder = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (holder == null && System.nanoTime() < deadline) {
            holder = stringOf(
                    "select locked_by from job where id = ? and status = 'running' and progress is not null", job);
            Thread.sleep(200);
        }
        assertNotNull(holder, "an instance runs the transcode");
        long holderPid = Long.parseLong(holder.substring(0, holder.indexOf('@')));
        Node leaving =
                nodes.stream().filter(n -> n.pid() == holderPid).findFirst().orElseThrow();

        // a quiz submit made slow: the attempt's row is held by this transaction, so the submit waits for it
        Browser b = new Browser();
        b.signIn("quantri", leaving, leaving);
        enrol(b, leaving, leaving);
        long attempt = startAttempt(b, leaving, leaving);
        Map<String, List<String>> answers = firstAnswers(b.get(leaving, "/quiz/attempts/" + attempt));
        Connection lock = DriverManager.getConnection(System.getenv("CLUSTER_DB_URL"), "hocso", "hocso");
        lock.setAutoCommit(false);
        try (PreparedStatement s = lock.prepareStatement("select id from quiz_attempt where id = ? for update")) {
            s.setLong(1, attempt);
            s.executeQuery();
        }
        CompletableFuture<HttpResponse<String>> submit =
                CompletableFuture.supplyAsync(() -> b.post(leaving, "/quiz/attempts/" + attempt + "/submit", answers));
        Thread.sleep(1000);
        assertTrue(!submit.isDone(), "the submit waits for the attempt's row");

        CompletableFuture<Duration> exit = CompletableFuture.supplyAsync(() -> {
            try {
                return terminate(leaving, false);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        // readiness goes down first, while the instance still serves
        long signalled = System.nanoTime();
        int ready = 200;
        while (ready == 200 && System.nanoTime() - signalled < TimeUnit.SECONDS.toNanos(3)) {
            ready = readiness(leaving);
            Thread.sleep(100);
        }
        assertEquals(503, ready, "readiness is down within 3 s of SIGTERM");
        // the balancer stops sending it anything (two failed checks a second apart)
        Thread.sleep(2500);
        Browser anonymous = new Browser();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> page = anonymous.get(null, "/courses/" + COURSE);
            assertEquals(200, page.statusCode());
            assertNotEquals(leaving.name(), instance(page), "no new request reaches the instance shutting down");
        }
        // keep the submit in flight past the shutdown delay, into the drain of requests in flight
        Thread.sleep(Math.max(0, DELAY.toMillis() + 1500 - (System.nanoTime() - signalled) / 1_000_000));
        assertTrue(!submit.isDone(), "still in flight");
        lock.commit();
        lock.close();
        HttpResponse<String> submitted = submit.get(30, TimeUnit.SECONDS);
        assertEquals(303, submitted.statusCode(), "the submit in flight completes: " + submitted.body());
        assertEquals("graded", stringOf("select status from quiz_attempt where id = ?", attempt));
        Duration took = exit.get(60, TimeUnit.SECONDS);
        assertTrue(took.compareTo(Duration.ofSeconds(30)) < 0, "the process exits within 30 s: " + took);

        // its transcode went back to the queue, uncounted, and another instance ran it to the end
        Set<String> holders = new LinkedHashSet<>();
        deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!"done".equals(stringOf("select status from job where id = ?", job)) && System.nanoTime() < deadline) {
            String now = stringOf("select locked_by from job where id = ?", job);
            if (now != null) {
                holders.add(now);
            }
            Thread.sleep(200);
        }
        holders.remove(holder);
        assertEquals(1, holders.size(), "one other instance took the job: " + holders);
        assertEquals("done", stringOf("select status from job where id = ?", job), "the transcode is done");
        assertEquals(1, longOf("select attempts from job where id = ?", job), "the interrupted attempt is not counted");
        assertEquals("ready", stringOf("select status from video where id = ?", version));
    }

    @Test
    @Order(7)
    void sigkillInAStreamOfHeartbeatsAndSavesLosesNothingAClientWasToldSucceeded() throws Exception {
        List<Node> up = alive();
        assertTrue(up.size() >= 2, "two instances left: " + up);
        Browser b = new Browser();
        b.signIn("donvi", up.get(0), up.get(1));
        enrol(b, up.get(1), up.get(0));
        Player player = new Player(b, up.get(0));
        long attempt = startAttempt(b, up.get(0), up.get(1));
        Map<String, List<String>> answers = firstAnswers(b.get(up.get(1), "/quiz/attempts/" + attempt));
        Node victim = up.get(up.size() - 1);

        List<int[]> acknowledged = new ArrayList<>();
        int saves = 0;
        int failed = 0;
        Set<String> afterKill = new LinkedHashSet<>();
        boolean killed = false;
        for (int k = 0; k < 24; k++) {
            if (k == 8) {
                terminate(victim, true);
                killed = true;
            }
            HttpResponse<String> beat = player.beat(null, k * 1000, (k + 1) * 1000);
            if (beat.statusCode() == 200) {
                acknowledged.add(new int[] {k * 1000, (k + 1) * 1000});
                if (killed) {
                    afterKill.add(instance(beat));
                }
            } else {
                failed++;
            }
            HttpResponse<String> save = b.post(null, "/quiz/attempts/" + attempt + "/answers", answers);
            if (save.statusCode() == 303) {
                saves++;
            } else {
                failed++;
            }
            Thread.sleep(600);
        }
        assertTrue(!afterKill.contains(victim.name()), "the survivors took the rest: " + afterKill);
        assertTrue(failed <= 2, failed + " requests failed: at most those in flight at the kill");
        assertTrue(acknowledged.size() >= 20, acknowledged.size() + " heartbeats acknowledged");
        String watched = watched("donvi");
        for (int[] stretch : acknowledged) {
            assertEquals(
                    Boolean.TRUE,
                    "t"
                            .equals(stringOf(
                                    "select cast(? as int4multirange) @> int4range(?, ?)",
                                    watched,
                                    stretch[0],
                                    stretch[1])),
                    "acknowledged stretch " + stretch[0] + "-" + stretch[1] + " is in " + watched);
        }
        assertTrue(saves >= 22, saves + " saves acknowledged");
        assertEquals(
                answers.size() - 2,
                longOf(
                        "select count(*) from quiz_attempt_question where attempt_id = ? and (chosen is not null or text_answer is not null)",
                        attempt));
    }
}
