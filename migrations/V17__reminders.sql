-- Reminders by e-mail (ORG-4): learners about assigned courses due in 7 days, in 2 days or overdue (at most one
-- message a day), unit admins a weekly digest of overdue counts.

-- enrolment: assignments of waves with their due date and the wave's state, for the features that remind or report.
create view assignment_due as
select e.person_id, e.course_id, e.wave_id, e.due_at, e.completed_at, w.status as wave_status, w.unit_id as wave_unit_id
from enrolment e
join wave w on w.id = e.wave_id;

-- One row per message that was (being) sent: written and committed before the message goes out, so a crash
-- mid-send never sends twice ('sending' left behind is not retried).
create table reminder_sent (
    person_id  bigint      not null references person (id),
    kind       varchar(20) not null check (kind in ('learner', 'digest')),
    -- the day (2026-12-01) of a learner's reminder, the ISO week (2026-W49) of a digest
    period     varchar(20) not null,
    state      varchar(20) not null default 'sending' check (state in ('sending', 'sent')),
    created_at timestamptz not null default now(),
    primary key (person_id, kind, period)
);
