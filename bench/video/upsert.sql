-- pgbench: the heartbeat statement exactly as Heartbeats.BEAT sends it (one statement, autocommit): take a token from
-- the learner's shared heartbeat bucket (HeartbeatThrottle.TOKEN; the limit is lifted as bench/video/run lifts the
-- app's, so there always is one), find the learner's watch row of the bench lesson their ticket names, check the
-- course, enrolment and ready video, lock the row, union a 10-second stretch into the multirange if plausible, return what happened. Same parameters as the app
-- binds from a heartbeat: lesson key and course slug from the path, watcher key and lesson id from the watch ticket
-- (bench/video/run checks that lesson b-n has id :first_lesson + n - 1). The claim comes from -D claim=…. pgbench
-- cannot pick one of four strings, so the learner's watcher key is picked from an array in SQL (-D w0..w3).
\set k random(0, 3)
\set n random(1, :lessons)
\set lid :first_lesson + :n - 1
\set claim_end 10000
\set position 10000
\set speed 2
\set grace 5000
\set limit 1000000000
with token as (
    insert into heartbeat_bucket as b (watcher_key, tokens, refilled_at)
    select (array[:w0, :w1, :w2, :w3]::uuid[])[:k + 1], :limit - 1, now() where true
    on conflict (watcher_key) do update
        set tokens = least(:limit, b.tokens + extract(epoch from now() - b.refilled_at) / 60 * :limit) - 1,
            refilled_at = now()
        where least(:limit, b.tokens + extract(epoch from now() - b.refilled_at) / 60 * :limit) >= 1
    returning tokens),
allowed as (select not true or exists (select 1 from token) as ok),
t as (
    select w.person_id, w.lesson_id, w.watched, w.completed_at, v.duration_ms as d,
           lv.coverage_threshold as th,
           (extract(epoch from now() - w.started_at) * 1000)::bigint as elapsed,
           cast(:claim as int4multirange) * int4multirange(int4range(0, v.duration_ms)) as claim
    from video_watcher k
    join video_watch w on w.person_id = k.person_id
    join lesson_in_course l on l.lesson_id = w.lesson_id and l.key = 'b-' || :n and not l.retired
         and l.kind = 'video' and l.slug = 'bench-video' and l.course_status = 'published'
    join course_enrolment e on e.person_id = w.person_id and e.course_id = l.course_id
    join lesson_video lv on lv.lesson_id = l.lesson_id
    join video v on v.id = lv.video_id and v.status = 'ready'
    where k.watcher_key = (array[:w0, :w1, :w2, :w3]::uuid[])[:k + 1] and w.lesson_id = :lid
      and (select ok from allowed)
    for update of w),
c as (
    select t.*, :claim_end > t.d + 2000 as past_end,
           (select coalesce(sum(upper(r) - lower(r)), 0) from unnest(t.watched) r) as before,
           (select coalesce(sum(upper(r) - lower(r)), 0) from unnest(t.watched + t.claim) r) as after
    from t),
u as (
    update video_watch w set watched = c.watched + c.claim, covered_ms = c.after,
        position_ms = least(greatest(:position, 0), c.d), last_beat_at = now(),
        completed_at = case when c.completed_at is not null or c.after >= c.th * c.d
                            then coalesce(w.completed_at, now()) end
    from c
    where w.person_id = c.person_id and w.lesson_id = c.lesson_id and not c.past_end
      and (c.after = c.before or c.after <= :speed * greatest(c.elapsed, 0) + :grace)
    returning w.completed_at)
select a.ok, c.person_id, c.lesson_id, c.d, c.before, c.after, c.past_end, c.completed_at is not null,
       (select count(*) from u), (select bool_or(completed_at is not null) from u),
       exists (select 1 from completed_lesson p where p.person_id = c.person_id
               and p.lesson_id = c.lesson_id)
from allowed a left join c on true;
