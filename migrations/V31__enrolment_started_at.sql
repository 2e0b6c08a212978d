-- "Started" as of a past day (REP-1, issue 11): the first activity of an enrolment, so a report for last year does not
-- count as started a learner who opened the course only this year. Set by the database on the first write of
-- last_seen_at or completed_at, whichever code path writes them, so no feature has to remember it. Enrolments from
-- before this column get the earliest time known (their last activity or completion): an approximation only for them.
alter table enrolment add column started_at timestamptz;
update enrolment set started_at = least(last_seen_at, completed_at)
where last_seen_at is not null or completed_at is not null;

create function enrolment_first_activity() returns trigger language plpgsql as $$
begin
    if new.started_at is null and (new.last_seen_at is not null or new.completed_at is not null) then
        -- least() skips nulls: the one of the two that is set, or the earlier
        new.started_at := least(new.last_seen_at, new.completed_at);
    end if;
    return new;
end
$$;
create trigger enrolment_first_activity before insert or update of last_seen_at, completed_at on enrolment
    for each row execute function enrolment_first_activity();

-- the report view gains the first activity
create or replace view enrolment_status as
select e.person_id, e.course_id, e.source, e.enrolled_at, e.due_at, e.completed_at,
       (e.last_seen_at is not null or e.completed_at is not null) as started,
       e.wave_id, e.started_at
from enrolment e;
