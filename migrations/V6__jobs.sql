-- Background work (transcoding, certificates, exports, reminders): a table every instance polls. A job is
-- claimed with FOR UPDATE SKIP LOCKED, so any number of instances share the work without a broker; a claim is
-- a lease, so the job of a crashed instance is taken again once its lease runs out.
create table job (
    id           bigint generated always as identity primary key,
    kind         varchar(40)  not null,
    payload      jsonb        not null default '{}',
    -- at most one live job per key (e.g. one certificate per learner and course): enqueueing twice is a no-op
    dedupe_key   varchar(200) unique,
    status       varchar(20)  not null default 'queued'
        check (status in ('queued', 'running', 'done', 'failed')),
    attempts     int          not null default 0,
    max_attempts int          not null default 3 check (max_attempts >= 1),
    run_after    timestamptz  not null default now(),
    locked_by    varchar(100),
    locked_until timestamptz,
    progress     int check (progress between 0 and 100),
    last_error   text,
    created_at   timestamptz  not null default now(),
    updated_at   timestamptz  not null default now(),
    finished_at  timestamptz
);
create index job_claimable on job (kind, run_after, id) where status in ('queued', 'running');
