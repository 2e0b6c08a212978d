-- Reports filter by training wave (ORG-4, V16): the enrolment view gains the wave that assigned each enrolment.
create or replace view enrolment_status as
select e.person_id, e.course_id, e.source, e.enrolled_at, e.due_at, e.completed_at,
       (e.last_seen_at is not null or e.completed_at is not null) as started,
       e.wave_id
from enrolment e;
