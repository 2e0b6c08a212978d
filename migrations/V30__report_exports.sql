-- Background exports (REP-2, issue 11): a people export above hocso.reports.background-threshold rows is a job of the
-- job table that writes the file to the object store; this table is what its admin sees on "my exports". The file is
-- written under a key of its attempt and object_key is set only when the upload has completed, so a crashed attempt's
-- half file is never offered: the job runs again from the start under a new key.
create table report_export (
    id            bigint generated always as identity primary key,
    -- the admin who asked: only they see it and may download it
    owner_subject varchar(255) not null,
    owner_name    varchar(400),
    language      varchar(5)   not null default 'vi',
    -- phone numbers and civil-servant IDs in clear (decided by the role when it was asked)
    personal_data boolean      not null,
    -- what was asked: the unit and the filters as query parameters, and the asker's scope (path patterns) that day
    unit_id       bigint       not null,
    filters       jsonb        not null default '{}',
    scope         text[]       not null,
    format        varchar(10)  not null check (format in ('csv', 'xlsx')),
    status        varchar(20)  not null default 'queued'
        check (status in ('queued', 'running', 'done', 'failed')),
    rows_total    bigint,
    rows_written  bigint       not null default 0,
    file_name     varchar(200) not null,
    object_key    varchar(300),
    bytes         bigint,
    error         text,
    created_at    timestamptz  not null default now(),
    updated_at    timestamptz  not null default now(),
    finished_at   timestamptz,
    expires_at    timestamptz,
    check (status <> 'done' or (object_key is not null and expires_at is not null))
);
-- one running export per admin: a second request while one is queued or running is refused
create unique index report_export_one_live on report_export (owner_subject) where status in ('queued', 'running');
create index report_export_owner on report_export (owner_subject, created_at desc);
