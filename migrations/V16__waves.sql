-- Training waves (ORG-4): a unit admin opens a wave for a subtree and target groups, with a course set, a time
-- window and headcount targets per unit; publishing assigns the courses (enrolments with the due date).
create table wave (
    id            bigint generated always as identity primary key,
    unit_id       bigint        not null references org_unit (id),
    name          varchar(200)  not null,
    -- empty: every target group
    target_groups varchar(20)[] not null default '{}',
    starts_on     date          not null,
    due_on        date          not null,
    status        varchar(20)   not null default 'draft'
        check (status in ('draft', 'open', 'closed', 'cancelled')),
    created_by    bigint        not null references person (id),
    created_at    timestamptz   not null default now(),
    published_at  timestamptz,
    ended_at      timestamptz,
    check (due_on >= starts_on)
);
create index wave_unit on wave (unit_id);
create index wave_open on wave (status) where status = 'open';

create table wave_course (
    wave_id   bigint not null references wave (id),
    course_id bigint not null references course (id),
    primary key (wave_id, course_id)
);

create table wave_target (
    wave_id   bigint not null references wave (id),
    unit_id   bigint not null references org_unit (id),
    headcount int    not null check (headcount > 0),
    primary key (wave_id, unit_id)
);

-- an enrolment assigned by a wave says which, and who published it
alter table enrolment add column wave_id bigint references wave (id);
alter table enrolment add column assigned_by bigint references person (id);
create index enrolment_wave on enrolment (wave_id);
