package soak;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An exam day (issue 14, P7): each virtual user is a learner who signs in through Keycloak's form, opens "my
 * learning", the video course and one of its lessons, plays the video (heartbeats at the player's pace, each with the
 * fresh ticket of the last answer), opens the demo course and its final quiz, starts an attempt, answers it a few
 * questions at a time with the page's autosave, submits it (one in ten twice, the double click), reads the result and
 * downloads a certificate. Everything the server acknowledged is written to the files under soak.acks, so that
 * bench/soak/check can look for each of them in the database afterwards.
 */
public class ExamDay extends Simulation {

    static final String APP = System.getProperty("soak.app", "http://127.0.0.1:8360");
    static final Path ACKS = Path.of(System.getProperty("soak.acks", "target/acks"));
    static final double RATE = Double.parseDouble(System.getProperty("soak.rate", "1"));
    static final int DURATION = Integer.parseInt(System.getProperty("soak.duration", "10"));
    static final int RAMP = Integer.parseInt(System.getProperty("soak.ramp", "0"));
    static final long PAUSE = Long.parseLong(System.getProperty("soak.pause", "2500"));
    static final int LESSONS = Integer.parseInt(System.getProperty("soak.lessons", "20"));
    static final int P99_MS = Integer.parseInt(System.getProperty("soak.p99", "200"));
    static final int HEARTBEATS = 8;
    static final int SAVES = 4;
    static final String VIDEO_COURSE = "bench-video";
    static final String QUIZ_COURSE = "dich-vu-cong-truc-tuyen";
    static final String QUIZ_LESSON = "kiem-tra-cuoi-khoa";

    static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    static final Pattern FIELD =
            Pattern.compile("<input type=\"(radio|checkbox|text)\"[^>]*? name=\"q(\\d+)\"(?: value=\"([^\"]*)\")?");

    static final PrintWriter HEARTBEAT_ACKS = writer("heartbeats.csv");
    static final PrintWriter ANSWER_ACKS = writer("answers.csv");
    static final PrintWriter SUBMIT_ACKS = writer("submits.csv");
    /** Orders the acknowledged saves: the last one of a question is what the database must hold. */
    static final AtomicLong SAVE = new AtomicLong(System.currentTimeMillis() * 1000);

    static PrintWriter writer(String name) {
        try {
            Files.createDirectories(ACKS);
            return new PrintWriter(Files.newBufferedWriter(ACKS.resolve(name), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void record(PrintWriter out, String line) {
        synchronized (out) {
            out.println(line);
        }
    }

    HttpProtocolBuilder protocol = http.baseUrl(APP)
            .acceptHeader("text/html,application/xhtml+xml")
            .acceptLanguageHeader("vi")
            .userAgentHeader("hocso-soak (Gatling)")
            .disableCaching();

    static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    static String form(Map<String, List<String>> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, values) -> values.forEach(v -> {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        }));
        return body.toString();
    }

    /** The attempt page's questions: number → its type and option codes. */
    record Question(int number, String type, List<String> codes) {}

    static List<Question> questions(String page) {
        Map<Integer, Question> questions = new LinkedHashMap<>();
        Matcher m = FIELD.matcher(page);
        while (m.find()) {
            int n = Integer.parseInt(m.group(2));
            Question q = questions.computeIfAbsent(n, k -> new Question(k, m.group(1), new ArrayList<>()));
            if (!"text".equals(q.type())) {
                q.codes().add(m.group(3));
            }
        }
        return new ArrayList<>(questions.values());
    }

    /** A learner's answer to one question: one option of a radio, one or two of a checkbox, a text. */
    static List<String> answer(Question q) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return switch (q.type()) {
            case "text" -> List.of(random.nextBoolean() ? "khong biet" : "dang nhap");
            case "checkbox" -> {
                List<String> codes = new ArrayList<>(q.codes());
                java.util.Collections.shuffle(codes, random);
                yield codes.subList(0, Math.min(codes.size(), 1 + random.nextInt(2)));
            }
            default -> List.of(q.codes().get(random.nextInt(q.codes().size())));
        };
    }

    /** The whole form after the learner answered the first {@code answered} questions, as the page posts it. */
    @SuppressWarnings("unchecked")
    static Session fill(Session session, int answered) {
        List<Question> questions = (List<Question>) session.get("questions");
        Map<Integer, List<String>> answers = new LinkedHashMap<>((Map<Integer, List<String>>) session.get("answers"));
        for (Question q : questions) {
            if (q.number() <= answered && !answers.containsKey(q.number())) {
                answers.put(q.number(), answer(q));
            }
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("csrf-token", List.of(session.getString("csrf")));
        fields.put("questions", List.of(String.valueOf(questions.size())));
        for (Question q : questions) {
            fields.put("q" + q.number(), answers.getOrDefault(q.number(), List.of()));
        }
        return session.set("answers", answers).set("form", form(fields)).set("status", 0);
    }

    /** Every question of the form just acknowledged, with what it held (nothing: cleared). */
    @SuppressWarnings("unchecked")
    static void recordAnswers(Session session) {
        List<Question> questions = (List<Question>) session.get("questions");
        Map<Integer, List<String>> answers = (Map<Integer, List<String>>) session.get("answers");
        long save = SAVE.incrementAndGet();
        long attempt = session.getLong("attempt");
        for (Question q : questions) {
            String kind = "text".equals(q.type()) ? "text" : "choice";
            List<String> values = answers.getOrDefault(q.number(), List.of());
            if (values.isEmpty()) {
                record(ANSWER_ACKS, attempt + "," + save + "," + q.number() + "," + kind + ",");
            }
            for (String v : values) {
                record(ANSWER_ACKS, attempt + "," + save + "," + q.number() + "," + kind + "," + v);
            }
        }
    }

    static final String FORM = "application/x-www-form-urlencoded";

    ChainBuilder signIn = exec(http("sign in: /login → Keycloak's form")
                    .get("/login")
                    .check(status().is(200))
                    .check(regex("action=\"([^\"]*login-actions/authenticate[^\"]*)\"").saveAs("kcAction")))
            .exec(http("sign in: the form → code → the app")
                    .post(s -> s.getString("kcAction").replace("&amp;", "&"))
                    .formParam("username", "#{username}")
                    .formParam("password", "hocso123")
                    .check(status().is(200))
                    .check(currentLocation().not(s -> s.getString("kcAction").replace("&amp;", "&"))))
            .exitHereIfFailed();

    ChainBuilder pages = exec(http("my learning /my")
                    .get("/my")
                    .check(status().is(200))
                    .check(regex("/certificates/([A-Z0-9]{10})/pdf").saveAs("certificate")))
            .pause(Duration.ofMillis(PAUSE))
            .exec(http("course page (video course)").get("/courses/" + VIDEO_COURSE).check(status().is(200)))
            .exec(s -> s.set("lesson", "b-" + (1 + (s.userId() % LESSONS)))
                    .set("from", ThreadLocalRandom.current().nextInt(0, 60 - HEARTBEATS)))
            .exec(http("video lesson page")
                    .get("/courses/" + VIDEO_COURSE + "/lessons/#{lesson}")
                    .check(status().is(200))
                    .check(regex("data-ticket=\"([^\"]+)\"").saveAs("ticket"))
                    .check(regex(CSRF.pattern()).saveAs("csrf")));

    ChainBuilder video = repeat(HEARTBEATS, "beat")
            .on(pause(Duration.ofMillis(PAUSE))
                    .exec(s -> {
                        int from = (s.getInt("from") + s.getInt("beat")) * 10_000;
                        return s.set("watched", from + "-" + (from + 10_000))
                                .set("position", from + 10_000)
                                .set("status", 0);
                    })
                    .exec(http("heartbeat")
                            .post("/courses/" + VIDEO_COURSE + "/lessons/#{lesson}/video/heartbeat")
                            .header("Accept", "application/json")
                            .header("Origin", APP)
                            .formParam("csrf-token", "#{csrf}")
                            .formParam("ticket", "#{ticket}")
                            .formParam("watched", "#{watched}")
                            .formParam("position", "#{position}")
                            .check(status().is(200).saveAs("status"))
                            .check(jsonPath("$.ticket").saveAs("ticket")))
                    .exec(s -> {
                        if (s.getInt("status") == 200) {
                            String[] w = s.getString("watched").split("-");
                            record(HEARTBEAT_ACKS, s.getString("subject") + "," + s.getString("lesson") + "," + w[0]
                                    + "," + w[1]);
                        }
                        return s;
                    }));

    ChainBuilder quiz = exec(http("course page (quiz course)").get("/courses/" + QUIZ_COURSE).check(status().is(200)))
            .exec(http("quiz page")
                    .get("/courses/" + QUIZ_COURSE + "/lessons/" + QUIZ_LESSON + "/quiz")
                    .check(status().is(200))
                    .check(regex(CSRF.pattern()).saveAs("csrf")))
            .exec(http("start an attempt")
                    .post("/courses/" + QUIZ_COURSE + "/lessons/" + QUIZ_LESSON + "/quiz/attempts")
                    .header("Origin", APP)
                    .formParam("csrf-token", "#{csrf}")
                    .disableFollowRedirect()
                    .check(status().is(303))
                    .check(header("Location").transform(l -> Long.parseLong(l.replaceAll(".*/quiz/attempts/(\\d+).*", "$1")))
                            .saveAs("attempt")))
            .exitHereIfFailed()
            .exec(http("attempt page")
                    .get("/quiz/attempts/#{attempt}")
                    .check(status().is(200))
                    .check(regex(CSRF.pattern()).saveAs("csrf"))
                    .check(bodyString().transform(ExamDay::questions).saveAs("questions")))
            .exitHereIfFailed()
            .exec(s -> s.set("answers", Map.of()))
            .repeat(SAVES, "save")
            .on(pause(Duration.ofMillis(PAUSE))
                    .exec(s -> {
                        @SuppressWarnings("unchecked")
                        int total = ((List<Question>) s.get("questions")).size();
                        return fill(s, (int) Math.ceil(total * (s.getInt("save") + 1) / (double) SAVES));
                    })
                    .exec(http("autosave")
                            .post("/quiz/attempts/#{attempt}/answers")
                            .header("Origin", APP)
                            .header("X-Requested-With", "JavaScript")
                            .header("Content-Type", FORM)
                            .body(StringBody("#{form}"))
                            .disableFollowRedirect()
                            .check(status().is(303).saveAs("status")))
                    .exec(s -> {
                        if (s.getInt("status") == 303) {
                            recordAnswers(s);
                        }
                        return s;
                    }))
            .pause(Duration.ofMillis(PAUSE))
            .exec(s -> {
                @SuppressWarnings("unchecked")
                int total = ((List<Question>) s.get("questions")).size();
                return fill(s, total).set("submits", ThreadLocalRandom.current().nextInt(10) == 0 ? 2 : 1);
            })
            .repeat("#{submits}", "submit")
            .on(exec(http("submit")
                            .post("/quiz/attempts/#{attempt}/submit")
                            .header("Origin", APP)
                            .header("Content-Type", FORM)
                            .body(StringBody("#{form}"))
                            .disableFollowRedirect()
                            .check(status().is(303).saveAs("status"))
                            .check(header("Location")
                                    .transform(l -> l.replaceFirst("^https?://[^/]+", ""))
                                    .is(s -> "/quiz/attempts/" + s.getLong("attempt") + "/result")))
                    .exec(s -> {
                        if (s.getInt("status") == 303) {
                            // the submit's form is a save too, while the attempt takes answers
                            if (s.getInt("submit") == 0) {
                                recordAnswers(s);
                            }
                            record(SUBMIT_ACKS, s.getLong("attempt") + "," + s.getString("subject") + ","
                                    + System.currentTimeMillis());
                        }
                        return s;
                    }))
            .exec(http("result page").get("/quiz/attempts/#{attempt}/result").check(status().is(200)));

    ChainBuilder certificate = exec(http("certificate download")
            .get("/certificates/#{certificate}/pdf")
            .disableFollowRedirect()
            .check(status().is(303))
            .check(header("Location").find().exists()));

    ScenarioBuilder examDay = scenario("exam day")
            .feed(csv(System.getProperty("soak.accounts", "accounts.csv")).circular())
            .exec(signIn, pages, video, quiz, certificate);

    {
        List<OpenInjectionStep> steps = new ArrayList<>();
        if (RAMP > 0) {
            steps.add(rampUsersPerSec(Math.min(1, RATE)).to(RATE).during(Duration.ofSeconds(RAMP)));
        }
        steps.add(constantUsersPerSec(RATE).during(Duration.ofSeconds(DURATION)));
        setUp(examDay.injectOpen(steps)).protocols(protocol).assertions(
                global().failedRequests().count().is(0L),
                global().responseTime().percentile(99.0).lte(P99_MS));
    }

    @Override
    public void after() {
        HEARTBEAT_ACKS.close();
        ANSWER_ACKS.close();
        SUBMIT_ACKS.close();
    }
}
