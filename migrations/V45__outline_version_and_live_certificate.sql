-- The pages learners open (issue 14) read a course's outline (modules and lessons) from memory, per version: every
-- change to a course's modules or lessons, whoever makes it (the importer, authoring, a script), moves the course's
-- outline_version on, in the same transaction, so an instance that reads the course row knows whether the outline it
-- holds is still the published one. Instances never disagree: the version is read from the database with the course.
alter table course add column outline_version bigint not null default 0;

create function course_outline_changed() returns trigger language plpgsql as $$
begin
    if tg_op <> 'INSERT' then
        update course set outline_version = outline_version + 1 where id = old.course_id;
    end if;
    if tg_op = 'INSERT' or (tg_op = 'UPDATE' and new.course_id is distinct from old.course_id) then
        update course set outline_version = outline_version + 1 where id = new.course_id;
    end if;
    return null;
end
$$;

create trigger lesson_outline_changed after insert or update or delete on lesson
    for each row execute function course_outline_changed();
create trigger course_module_outline_changed after insert or update or delete on course_module
    for each row execute function course_outline_changed();

-- certificate: the live certificate of a learner and course (pending until its PDF is made, or issued), with its code,
-- so that a course page reads a learner's standing in one statement (catalog.Standing).
create view live_certificate as
select c.person_id, c.course_id, c.code, c.status
from certificate c
where c.status in ('pending', 'issued');
