package vn.hocso.video;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import vn.hocso.course.Lesson;
import vn.hocso.progress.ProgressService;

/**
 * The rules of watching (VID-4). A heartbeat carries the stretches watched since the last one; the server keeps
 * their union per learner and lesson, so a retried heartbeat adds nothing. The whole coverage may not exceed what the
 * wall clock allows since the learner's first heartbeat on the lesson, at the fastest speed the player offers
 * ({@link Intervals#SPEED}), plus one small grace; so no pattern of heartbeats completes a video faster than it can
 * be played. The lesson is
 * complete when the covered time reaches the lesson's threshold (90 % by default) of the duration, never by
 * where the playhead is.
 *
 * <p>Heartbeats are the hottest write: once a learner has a watch row, a heartbeat is one statement in one round
 * trip ({@link #BEAT}), the statement bench/video/run also gives pgbench. The arithmetic is {@link Intervals}'s,
 * done by PostgreSQL on the int4multirange (union, intersection with the video, covered length).
 */
@ApplicationScoped
class Heartbeats {

    @Inject
    EntityManager em;

    @Inject
    ProgressService progress;

    /** The lesson a heartbeat is about: an enrolled learner's, in a published course, with a ready video. */
    record Target(long personId, long lessonId) {}

    enum Outcome {
        /** Recorded. */
        RECORDED,
        /** More new coverage than the clock allows: nothing recorded (the player may send it again later). */
        IMPLAUSIBLE,
        /** Stretches past the end of the video: malformed, nothing recorded. */
        PAST_END,
        /** The learner's shared heartbeat bucket was empty ({@link HeartbeatThrottle}): nothing recorded. */
        THROTTLED
    }

    record Beat(Outcome outcome, long coveredMs, int percent, boolean completed) {}

    /**
     * One statement, run on its own (autocommit): take a token from the learner's shared heartbeat bucket
     * ({@link HeartbeatThrottle#TOKEN}; when there is none, go no further), find the learner's lesson, its ready video
     * and watch row, lock the row, clip the claim to the video, union it into the watched multirange if the new
     * coverage is plausible (the rule of {@link Intervals#plausible}, same constants), and say what happened. It
     * answers one row, whose first column says whether the token was there. Every join is on a unique index; the row
     * lock serialises one learner's heartbeats on one lesson.
     */
    static final String BEAT = "with " + HeartbeatThrottle.TOKEN + """
            ,
            allowed as (select not ? or exists (select 1 from token) as ok),
            t as (
                select w.person_id, w.lesson_id, w.watched, w.completed_at, v.duration_ms as d,
                       lv.coverage_threshold as th,
                       (extract(epoch from now() - w.started_at) * 1000)::bigint as elapsed,
                       cast(? as int4multirange) * int4multirange(int4range(0, v.duration_ms)) as claim
                from video_watcher k
                join video_watch w on w.person_id = k.person_id
                join lesson_in_course l on l.lesson_id = w.lesson_id and l.key = ? and not l.retired
                     and l.kind = 'video' and l.slug = ? and l.course_status = 'published'
                join course_enrolment e on e.person_id = w.person_id and e.course_id = l.course_id
                join lesson_video lv on lv.lesson_id = l.lesson_id
                join video v on v.id = lv.video_id and v.status = 'ready'
                where k.watcher_key = ? and w.lesson_id = ? and (select ok from allowed)
                for update of w),
            c as (
                select t.*, ? > t.d + 2000 as past_end,
                       (select coalesce(sum(upper(r) - lower(r)), 0) from unnest(t.watched) r) as before,
                       (select coalesce(sum(upper(r) - lower(r)), 0) from unnest(t.watched + t.claim) r) as after
                from t),
            u as (
                update video_watch w set watched = c.watched + c.claim, covered_ms = c.after,
                    position_ms = least(greatest(?, 0), c.d), last_beat_at = now(),
                    completed_at = case when c.completed_at is not null or c.after >= c.th * c.d
                                        then coalesce(w.completed_at, now()) end
                from c
                where w.person_id = c.person_id and w.lesson_id = c.lesson_id and not c.past_end
                  and (c.after = c.before or c.after <= ? * greatest(c.elapsed, 0) + ?)
                returning w.completed_at)
            select a.ok, c.person_id, c.lesson_id, c.d, c.before, c.after, c.past_end, c.completed_at is not null,
                   (select count(*) from u), (select bool_or(completed_at is not null) from u),
                   exists (select 1 from completed_lesson p where p.person_id = c.person_id
                           and p.lesson_id = c.lesson_id)
            from allowed a left join c on true""";

    @Inject
    HeartbeatThrottle throttle;

    @Inject
    AgroalDataSource db;

    /**
     * Records a heartbeat of the learner (by their watcher key) on the lesson a watch ticket names, first taking a
     * token from their shared heartbeat bucket when {@code takeToken} (outcome {@link Outcome#THROTTLED} when there
     * was none); empty when there is no watch row yet (first heartbeat) or the learner may not watch this lesson (any
     * more) — then {@link #target} and {@link #start} tell which, and the heartbeat is sent again without taking a
     * second token. Plain JDBC: this is the hottest write of the platform, one round trip.
     */
    public Optional<Beat> beat(
            WatchTickets.Ticket ticket, String slug, String key, Intervals claimed, int positionMs, boolean takeToken) {
        Beat recorded;
        boolean record;
        long personId;
        try (Connection connection = db.getConnection();
                PreparedStatement beat = connection.prepareStatement(BEAT)) {
            int i = throttle.bind(beat, 1, ticket.watcher(), takeToken);
            beat.setBoolean(i, takeToken);
            beat.setString(i + 1, claimed.toMultirange());
            beat.setString(i + 2, key);
            beat.setString(i + 3, slug);
            beat.setObject(i + 4, ticket.watcher());
            beat.setLong(i + 5, ticket.lessonId());
            beat.setInt(i + 6, claimed.end());
            beat.setInt(i + 7, positionMs);
            beat.setInt(i + 8, Intervals.SPEED);
            beat.setLong(i + 9, Intervals.GRACE_MS);
            try (ResultSet r = beat.executeQuery()) {
                r.next();
                if (!r.getBoolean(1)) {
                    return Optional.of(new Beat(Outcome.THROTTLED, 0, 0, false));
                }
                personId = r.getLong(2);
                if (r.wasNull()) {
                    return Optional.empty();
                }
                int duration = r.getInt(4);
                long before = r.getLong(5);
                long after = r.getLong(6);
                boolean wasCompleted = r.getBoolean(8);
                if (r.getBoolean(7)) {
                    return Optional.of(new Beat(Outcome.PAST_END, before, percent(before, duration), wasCompleted));
                }
                if (r.getLong(9) == 0) {
                    return Optional.of(new Beat(Outcome.IMPLAUSIBLE, before, percent(before, duration), wasCompleted));
                }
                boolean completed = r.getBoolean(10);
                // asked of the completed lessons, not of the watch row: if recording the completion failed after the
                // coverage was saved, the next heartbeat records it
                record = completed && !r.getBoolean(11);
                recorded = new Beat(Outcome.RECORDED, after, percent(after, duration), completed);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("heartbeat failed: " + e.getMessage(), e);
        }
        // after the statement's connection is back in the pool: a burst of completions holds one each, not two
        if (record) {
            QuarkusTransaction.requiringNew()
                    .run(() -> progress.complete(personId, Lesson.findById(ticket.lessonId())));
        }
        return Optional.of(recorded);
    }

    /** Whether this person may send heartbeats for the lesson (enrolled, published, video ready). */
    Optional<Target> target(long personId, String slug, String key) {
        List<?> rows = em.createNativeQuery("""
                select l.lesson_id
                from lesson_in_course l
                join course_enrolment e on e.course_id = l.course_id and e.person_id = ?3
                join lesson_video lv on lv.lesson_id = l.lesson_id
                join video v on v.id = lv.video_id and v.status = 'ready'
                where l.slug = ?1 and l.course_status = 'published' and l.key = ?2 and not l.retired
                  and l.kind = 'video'""")
                .setParameter(1, slug)
                .setParameter(2, key)
                .setParameter(3, personId)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Target(personId, ((Number) rows.get(0)).longValue()));
    }

    /** First contact: the watch row starts the clock the plausibility rule measures against. */
    @Transactional
    public void start(Target target) {
        em.createNativeQuery("insert into video_watch (person_id, lesson_id) values (?1, ?2) on conflict do nothing")
                .setParameter(1, target.personId())
                .setParameter(2, target.lessonId())
                .executeUpdate();
    }

    static int percent(long coveredMs, int durationMs) {
        return durationMs <= 0 ? 0 : (int) Math.min(100, coveredMs * 100 / durationMs);
    }
}
