-- The learners of the exam-day soak (bench/soak/run), from soak_account (Keycloak username, subject): a person each,
-- enrolled in the video course of bench/video/seed.sql, the demo course whose final quiz they take and the basic
-- course whose certificate they download. Each has a watch row on every video lesson started a day ago (a learner
-- coming back to a video: the plausibility rule lets the heartbeats cover it at the player's pace) and an issued
-- certificate. The final quiz takes the whole bank and any number of attempts, as in bench/quiz.
\set ON_ERROR_STOP on
insert into person (subject, full_name, email, language)
select subject, 'Học viên ' || split_part(substr(username, 6), '@', 1), username, 'vi' from soak_account;

-- the basic course completed yesterday (its certificate is on "my learning"), the other two under way
insert into enrolment (person_id, course_id, completed_at)
select p.id, c.id, case when c.slug = 'ky-nang-so-co-ban' then now() - interval '1 day' end
from person p join soak_account a on a.subject = p.subject
cross join course c where c.slug in ('bench-video', 'dich-vu-cong-truc-tuyen', 'ky-nang-so-co-ban');

insert into video_watch (person_id, lesson_id, last_beat_at, started_at)
select p.id, l.id, now() - interval '1 day', now() - interval '1 day'
from person p join soak_account a on a.subject = p.subject
cross join lesson l join course c on c.id = l.course_id and c.slug = 'bench-video';

update quiz set draw_count = null, draw_by_tag = null, max_attempts = null, delay_minutes = 0
where lesson_id = (select l.id from lesson l join course c on c.id = l.course_id
                   where c.slug = 'dich-vu-cong-truc-tuyen' and l.key = 'kiem-tra-cuoi-khoa');

-- codes from the certificate alphabet (no 0/O, 1/I/L), derived from the person so that they differ
insert into certificate (code, person_id, course_id, holder_name, course_title_vi, issuer_name, completed_on, status,
                         pdf_key, issued_at)
select (select string_agg(substr('ABCDEFGHJKMNPQRSTUVWXYZ23456789',
                                 1 + get_byte(decode(md5(p.id::text || ':soak'), 'hex'), i) % 31, 1), '' order by i)
        from generate_series(0, 9) i),
       p.id, c.id, p.full_name, c.title_vi, 'HọcSố', current_date, 'issued',
       'certificates/soak/' || p.id || '.pdf', now()
from person p join soak_account a on a.subject = p.subject
cross join course c where c.slug = 'ky-nang-so-co-ban';

analyze person;
analyze enrolment;
analyze video_watch;
analyze certificate;
