-- Each table has one owning feature package, the only one whose SQL names it. What other packages need to read,
-- the owner publishes as a view (src/test/java/vn/hocso/ArchitectureTest declares who owns what). The views are
-- plain projections that PostgreSQL inlines into the statements that use them: no extra cost, and a left join
-- whose columns a statement does not use is removed by the planner (every one is to a primary key).

-- course: every lesson with its course and module, retired ones included (callers say which they want).
create view lesson_in_course as
select l.id                           as lesson_id,
       l.course_id,
       c.slug,
       c.status                       as course_status,
       l.key,
       l.kind,
       l.required,
       l.retired,
       coalesce(m.retired, false)     as module_retired,
       m.position                     as module_position,
       l.position
from lesson l
left join course c on c.id = l.course_id
left join course_module m on m.id = l.module_id;

-- enrolment: who is enrolled in which course, with the sign-in subject of the person.
create view course_enrolment as
select e.person_id, e.course_id, p.subject
from enrolment e
left join person p on p.id = e.person_id;

-- progress: the lessons each person has completed.
create view completed_lesson as
select person_id, lesson_id, completed_at
from lesson_progress
where completed_at is not null;
