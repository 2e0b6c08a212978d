package vn.hocso;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The plans PostgreSQL makes for the statements an application really sends, on tables grown to a size where the
 * planner has to choose (issue 14, growth). Statements are taken from the PostgreSQL driver itself (its own trace of
 * every statement it parses), so Hibernate's and plain JDBC's alike, as the code writes them today. The app under
 * test must run with {@code prepareThreshold=0} (every execution parsed, so traced) and may trace the driver's
 * query executor ({@code min-level=TRACE} for its category): see {@link PlanProfile}.
 */
public final class QueryPlans {

    /** The tables that grow with the number of learners, filled by {@link #GROW} before the plans are made. */
    public static final Set<String> GROWING = Set.of(
            "person",
            "enrolment",
            "lesson_progress",
            "video_watch",
            "video_watcher",
            "heartbeat_bucket",
            "quiz_attempt",
            "quiz_attempt_question",
            "certificate",
            "ended_session");

    /**
     * {@value #PEOPLE} people (a twentieth of the growth benchmark's million: enough for every plan to choose), each enrolled in every published course (up to five), two lessons done in each, a
     * video watched and its watcher key and throttle bucket, a submitted attempt of one quiz with three questions,
     * a certificate for one in three, and as many ended sessions. In the caller's transaction, which is rolled
     * back: nothing is left behind but the statistics, made again afterwards.
     */
    public static final int PEOPLE = 50_000;

    private static final String GROW = """
            insert into person (subject, full_name, email, target_group)
            select 'plans-' || g, 'Người thử ' || g, 'plans' || g || '@plans.example', 'citizen'
            from generate_series(1, %1$d) g;
            create temporary table plans_people on commit drop as
            select id, row_number() over (order by id) as n from person where email like '%%@plans.example';
            insert into enrolment (person_id, course_id, enrolled_at, completed_at, last_seen_at)
            select p.id, c.id, now() - (p.n %% 700) * interval '1 day',
                   case when p.n %% 3 = 0 then now() - (p.n %% 300) * interval '1 day' end, now()
            from plans_people p cross join (select id from course where status = 'published' order by id limit 5) c;
            insert into lesson_progress (person_id, lesson_id, completed_at, updated_at)
            select e.person_id, l.lesson_id, now(), now()
            from enrolment e join plans_people p on p.id = e.person_id
            join lesson_in_course l on l.course_id = e.course_id and l.position < 2 and l.module_position = 0;
            insert into video_watch (person_id, lesson_id, watched, covered_ms, position_ms)
            select p.id, (select id from lesson order by id limit 1), '{[0,10000)}', 10000, 10000 from plans_people p;
            insert into video_watcher (person_id) select id from plans_people;
            insert into heartbeat_bucket (watcher_key, tokens, refilled_at)
            select w.watcher_key, 5, now() from video_watcher w join plans_people p on p.id = w.person_id;
            insert into quiz_attempt (quiz_id, person_id, number, status, submitted_at, score, max_score, percent, passed)
            select q.id, p.id, 1, 'graded', now(), 1, 3, 33.3, false
            from plans_people p cross join (select id from quiz order by id limit 1) q;
            insert into quiz_attempt_question (attempt_id, question_id, position, answered_at, score, correct)
            select a.id, qq.id, qq.n, now(), 0, false
            from quiz_attempt a join plans_people p on p.id = a.person_id
            cross join lateral (select id, row_number() over (order by id) as n from quiz_question
                                where quiz_id = a.quiz_id order by id limit 3) qq;
            insert into certificate (code, person_id, course_id, holder_name, course_title_vi, issuer_name,
                                     completed_on, status, issued_at)
            select (select string_agg(substr('ABCDEFGHJKMNPQRSTUVWXYZ23456789',
                                             ((p.n / (31::numeric ^ d))::bigint %% 31)::int + 1, 1), '')
                    from generate_series(0, 9) d),
                   p.id, c.id, 'Người thử', 'Khoá', 'Thử', current_date, 'issued', now()
            from plans_people p cross join (select id from course where status = 'published' order by id limit 1) c
            where p.n %% 3 = 0;
            insert into ended_session (sid) select 'plans-' || g from generate_series(1, %1$d) g;
            """;

    private static final Logger DRIVER = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");
    private static final Pattern PARSED = Pattern.compile("query=\"(.*)\",oids=", Pattern.DOTALL);
    private static final Pattern SIMPLE = Pattern.compile("SimpleQuery\\(query=\"(.*)\"\\)", Pattern.DOTALL);
    private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+)");

    private QueryPlans() {}

    /** The statements the driver parsed while {@code work} ran, each once, in the order first sent. */
    public static List<String> capture(Runnable work) {
        Set<String> sql = new LinkedHashSet<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record.getMessage();
                if (message == null || !message.contains("FE=>")) {
                    return;
                }
                Object[] parameters = record.getParameters();
                if (message.contains("Parse(") && parameters != null && parameters.length > 1) {
                    add(String.valueOf(parameters[1]));
                    return;
                }
                String formatted = parameters == null ? message : java.text.MessageFormat.format(message, parameters);
                Matcher parsed = PARSED.matcher(formatted);
                Matcher simple = SIMPLE.matcher(formatted);
                if (formatted.contains("Parse(") && parsed.find()) {
                    add(parsed.group(1));
                } else if (simple.find()) {
                    add(simple.group(1));
                }
            }

            private void add(String statement) {
                synchronized (sql) {
                    sql.add(statement.strip());
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Level level = DRIVER.getLevel();
        boolean parents = DRIVER.getUseParentHandlers();
        DRIVER.setUseParentHandlers(false);
        DRIVER.addHandler(handler);
        DRIVER.setLevel(Level.FINEST);
        try {
            work.run();
        } finally {
            DRIVER.setLevel(level);
            DRIVER.removeHandler(handler);
            DRIVER.setUseParentHandlers(parents);
        }
        synchronized (sql) {
            if (sql.isEmpty()) {
                throw new AssertionError("the driver traced no statement: is its query executor traced at FINEST?");
            }
            return List.copyOf(sql);
        }
    }

    /**
     * The sequential scans of a {@link #GROWING} table in the generic plans of {@code statements} (the plans a
     * prepared statement ends up with, whatever its values), on tables grown by {@link #GROW} and analysed; each
     * finding names the table and the statement. Statements that are not queries (transaction control, settings)
     * are skipped; one that cannot be planned is a finding too.
     */
    public static List<String> seqScansOfGrowingTables(DataSource db, Collection<String> statements)
            throws SQLException {
        List<String> findings = new ArrayList<>();
        try (Connection connection = db.getConnection()) {
            // growing the tables takes longer than the app's socket timeout allows a statement on a busy machine
            connection.setNetworkTimeout(Runnable::run, (int) java.util.concurrent.TimeUnit.MINUTES.toMillis(10));
            connection.setAutoCommit(false);
            try (Statement grow = connection.createStatement()) {
                grow.execute(GROW.formatted(PEOPLE));
                for (String table : GROWING) {
                    grow.execute("analyze " + table);
                }
                grow.execute("set local plan_cache_mode = force_generic_plan");
                int n = 0;
                for (String sql : statements) {
                    if (!isQuery(sql)) {
                        continue;
                    }
                    n++;
                    Savepoint before = connection.setSavepoint();
                    try {
                        grow.execute("prepare plans_" + n + " as " + sql);
                        int parameters = parameters(sql);
                        String values = parameters == 0 ? "" : "(" + String.join(", ", nulls(parameters)) + ")";
                        try (ResultSet plan = grow.executeQuery("explain (format json) execute plans_" + n + values)) {
                            plan.next();
                            JsonNode root = new ObjectMapper().readTree(plan.getString(1));
                            List<String> scanned = new ArrayList<>();
                            seqScans(root.get(0).get("Plan"), scanned);
                            for (String table : scanned) {
                                findings.add("Seq Scan on " + table + " in: " + oneLine(sql));
                            }
                        }
                        connection.releaseSavepoint(before);
                    } catch (SQLException | java.io.IOException e) {
                        connection.rollback(before);
                        findings.add("could not plan (" + e.getMessage().strip() + "): " + oneLine(sql));
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
                // the rolled-back rows are gone, but ANALYZE wrote the tables' sizes in place: measure them again
                try (Statement again = connection.createStatement()) {
                    for (String table : GROWING) {
                        again.execute("vacuum analyze " + table);
                    }
                }
            }
        }
        return findings;
    }

    private static boolean isQuery(String sql) {
        String head = sql.stripLeading().toLowerCase(java.util.Locale.ROOT);
        return head.startsWith("select")
                || head.startsWith("with")
                || head.startsWith("insert")
                || head.startsWith("update")
                || head.startsWith("delete");
    }

    private static int parameters(String sql) {
        Matcher m = PARAMETER.matcher(sql);
        int most = 0;
        while (m.find()) {
            most = Math.max(most, Integer.parseInt(m.group(1)));
        }
        return most;
    }

    private static List<String> nulls(int n) {
        List<String> nulls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            nulls.add("null");
        }
        return nulls;
    }

    private static void seqScans(JsonNode plan, List<String> tables) {
        if (plan == null) {
            return;
        }
        JsonNode relation = plan.get("Relation Name");
        if ("Seq Scan".equals(plan.path("Node Type").asText())
                && relation != null
                && GROWING.contains(relation.asText())) {
            tables.add(relation.asText());
        }
        for (JsonNode child : plan.path("Plans")) {
            seqScans(child, tables);
        }
    }

    private static String oneLine(String sql) {
        return sql.replaceAll("\\s+", " ").strip();
    }
}
