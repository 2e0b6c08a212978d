-- Completion reports (REP-1..3) read enrolments and certificates through views their owners publish (like V10):
-- plain projections the planner inlines, so a report costs what the underlying indexed query costs.

-- enrolment: every enrolment with its dates; "started" is a learner who opened a lesson (or already finished).
create view enrolment_status as
select e.person_id, e.course_id, e.source, e.enrolled_at, e.due_at, e.completed_at,
       (e.last_seen_at is not null or e.completed_at is not null) as started
from enrolment e;

-- certificate: the live certificate of a learner and course (one at most), with the day it was issued.
create view issued_certificate as
select c.person_id, c.course_id, c.issued_at
from certificate c
where c.status = 'issued';

-- course: the courses a report may be filtered by, with their titles and target groups.
create view course_title as
select id as course_id, slug, title_vi, title_en, status, target_groups
from course;

-- Reports join enrolments to people by person and count completions by month: both indexed.
create index enrolment_completed_at on enrolment (completed_at) where completed_at is not null;
