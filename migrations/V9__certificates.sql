-- Certificates (CERT-1). What was certified is copied onto the certificate when it is issued (name, course,
-- unit), so a later profile or course change never alters a certificate; a correction is a re-issue with a new
-- code, and the old code then says "replaced by".
create table certificate (
    id              bigint generated always as identity primary key,
    -- 10 characters without look-alikes (no 0/O, 1/I/L): typable from paper, ~31^10 possibilities
    code            varchar(10)  not null unique check (code ~ '^[A-HJKMNP-Z2-9]{10}$'),
    person_id       bigint       not null references person (id),
    course_id       bigint       not null references course (id),
    holder_name     varchar(200) not null,
    course_title_vi varchar(300) not null,
    course_title_en varchar(300),
    unit_name       varchar(200),
    issuer_name     varchar(200) not null,
    completed_on    date         not null,
    status          varchar(20)  not null default 'pending'
        check (status in ('pending', 'issued', 'revoked', 'replaced')),
    pdf_key         varchar(200),
    issued_at       timestamptz,
    revoked_at      timestamptz,
    revoked_reason  text,
    replaced_by_id  bigint references certificate (id),
    created_at      timestamptz  not null default now()
);
-- one live certificate per learner and course: issuing is idempotent
create unique index certificate_current on certificate (person_id, course_id) where status in ('pending', 'issued');
create index certificate_person on certificate (person_id, course_id);

-- Who did what to whom, and why: admin actions (revocations, re-issues, …).
create table audit_log (
    id            bigint generated always as identity primary key,
    at            timestamptz  not null default now(),
    actor_subject varchar(255),
    actor_name    varchar(200),
    action        varchar(60)  not null,
    target_type   varchar(40)  not null,
    target_id     varchar(100) not null,
    reason        text,
    detail        text
);
create index audit_log_target on audit_log (target_type, target_id, at);
create index audit_log_at on audit_log (at desc);

-- Fixed-window counters shared by every instance (e.g. wrong certificate codes per address per minute).
create table rate_limit (
    bucket       varchar(200) not null,
    window_start timestamptz  not null,
    hits         int          not null,
    primary key (bucket, window_start)
);
