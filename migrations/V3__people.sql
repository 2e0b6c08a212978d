-- A person's profile on the platform (ORG-2). Identity lives with the OIDC provider; the platform keeps what
-- reports need (unit, target group, position). subject is null for roster-imported people who have not
-- signed in yet; they are linked on first sign-in.
create table person (
    id           bigint generated always as identity primary key,
    subject      varchar(255) unique,
    full_name    varchar(200) not null,
    email        varchar(320),
    phone        varchar(20),
    unit_id      bigint references org_unit (id),
    target_group varchar(20) check (target_group in ('civil-servant', 'community-team', 'citizen')),
    position     varchar(200),
    created_at   timestamptz  not null default now(),
    updated_at   timestamptz  not null default now()
);
create index person_unit on person (unit_id);
create index person_email on person (lower(email));
