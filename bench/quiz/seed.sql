-- Open attempts of the demo course "dich-vu-cong-truc-tuyen" final quiz, every one with all 20 questions of the
-- bank and an answer saved for each (about 75% right, so about half the attempts pass and complete the lesson),
-- spread over the learners enrolled in the course. Usage: psql -v per_person=10000 -f seed.sql
\set ON_ERROR_STOP on
create temp table bench_quiz as
select q.id from quiz q join lesson l on l.id = q.lesson_id join course c on c.id = l.course_id
where c.slug = 'dich-vu-cong-truc-tuyen' and l.key = 'kiem-tra-cuoi-khoa';

delete from quiz_attempt where quiz_id = (select id from bench_quiz);

-- every attempt takes the whole bank of 20 questions, whatever the quiz's own draw says
update quiz set draw_count = null, draw_by_tag = null, max_attempts = null, delay_minutes = 0
where id = (select id from bench_quiz);

insert into quiz_attempt (quiz_id, person_id, number, status, started_at, deadline)
select (select id from bench_quiz), e.person_id, g, 'open', now(), now() + interval '1 day'
from enrolment e join course c on c.id = e.course_id and c.slug = 'dich-vu-cong-truc-tuyen',
     generate_series(1, :per_person) g
-- each learner's attempts get consecutive ids: the run gives every wrk thread one learner's id range, and ids that
-- interleave between learners would send three requests in four to someone else's attempt (404)
order by e.person_id, g;

insert into quiz_attempt_question (attempt_id, question_id, position, option_ids, option_codes, chosen,
                                   text_answer, answered_at)
select a.id, qq.id, qq.position + 1, coalesce(o.ids, '{}'), coalesce(o.codes, '{}'),
       case when qq.type = 'text' then null when r.right then o.correct else array[o.wrong] end,
       case when qq.type = 'text' then case when r.right then qq.accepted[1] else 'không biết' end end,
       now()
from quiz_attempt a
join quiz_question qq on qq.quiz_id = a.quiz_id and not qq.retired
cross join lateral (select random() < 0.75 as right where a.id is not null and qq.id is not null) r
left join lateral (
    select array_agg(x.id order by x.position) as ids,
           array_agg(substr(md5(x.id::text || ':' || a.id::text), 1, 10) order by x.position) as codes,
           array_agg(x.id order by x.position) filter (where x.correct) as correct,
           (array_agg(x.id order by x.position) filter (where not x.correct))[1] as wrong
    from quiz_option x where x.question_id = qq.id and not x.retired) o on qq.type <> 'text'
where a.quiz_id = (select id from bench_quiz);

analyze quiz_attempt;
analyze quiz_attempt_question;

