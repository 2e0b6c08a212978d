-- "My learning" in one statement (issue 14): a learner's enrolments with who assigned each, read by the learning
-- feature through the enrolment feature's view rather than its tables. Columns appended (a view keeps its
-- columns' order); the wave is a left join on its key, which the planner drops wherever wave_name is not asked for.
create or replace view enrolment_status as
select e.person_id, e.course_id, e.source, e.enrolled_at, e.due_at, e.completed_at,
       (e.last_seen_at is not null or e.completed_at is not null) as started,
       e.wave_id, e.started_at, e.assigned_by, w.name as wave_name
from enrolment e
left join wave w on w.id = e.wave_id;
