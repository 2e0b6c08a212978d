-- Unit admins scoped to subtrees (ORG-2): a grant names a person and a unit; revoked grants stay as history.
create table unit_admin_grant (
    id         bigint generated always as identity primary key,
    person_id  bigint       not null references person (id),
    unit_id    bigint       not null references org_unit (id),
    granted_by varchar(255) not null,
    granted_at timestamptz  not null default now(),
    revoked_by varchar(255),
    revoked_at timestamptz
);
create unique index unit_admin_grant_live on unit_admin_grant (person_id, unit_id) where revoked_at is null;

-- Imports of rosters (ORG-3) and of communes (ORG-1): the file stays in the object store; the dry run's outcome per
-- row is kept so that apply writes exactly what was shown, and refuses when the data moved in between.
create table roster_import (
    id           bigint generated always as identity primary key,
    kind         varchar(20)  not null check (kind in ('roster', 'units')),
    admin_id     bigint       not null references person (id),
    file_name    varchar(255) not null,
    file_key     varchar(200) not null,
    file_sha256  varchar(64)  not null,
    status       varchar(20)  not null check (status in ('dry-run', 'applied', 'refused')),
    -- the scope the dry run was made in: apply runs in the same one
    scope_paths  text[]       not null,
    -- the plan, row by row; apply recomputes it and refuses when it differs
    plan         jsonb        not null,
    plan_hash    varchar(64)  not null,
    new_rows     int          not null default 0,
    changed_rows int          not null default 0,
    moved_rows   int          not null default 0,
    same_rows    int          not null default 0,
    rejected_rows int         not null default 0,
    created_at   timestamptz  not null default now(),
    applied_at   timestamptz
);
create index roster_import_admin on roster_import (admin_id, created_at desc);
