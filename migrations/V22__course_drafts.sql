-- Authoring in the browser (issue 12). A course is edited as a draft: a copy of its files in the courses/ format,
-- changed file by file, checked by the importer's own rules, reviewed, and published through the importer (lesson
-- ids kept). Learners see the published course until then. Each file carries a version, so that two people editing
-- the same file cannot overwrite each other without knowing (optimistic locking).
create table course_draft (
    id           bigint generated always as identity primary key,
    course_id    bigint       not null unique references course (id) on delete cascade,
    state        varchar(20)  not null check (state in ('editing', 'review')),
    created_by   varchar(200) not null,
    created_at   timestamptz  not null default now(),
    submitted_by varchar(200),
    submitted_at timestamptz
);

create table draft_file (
    id         bigint generated always as identity primary key,
    draft_id   bigint       not null references course_draft (id) on delete cascade,
    path       varchar(300) not null,
    position   int          not null,
    body       text         not null,
    version    int          not null default 0,
    updated_by varchar(200),
    updated_at timestamptz,
    unique (draft_id, path)
);

-- Every change to a course made in the browser: who, when, what (a code), and about what (a lesson, a file).
create table course_change (
    id        bigint generated always as identity primary key,
    course_id bigint       not null references course (id) on delete cascade,
    at        timestamptz  not null default now(),
    by_name   varchar(200) not null,
    what      varchar(30)  not null,
    detail    varchar(500)
);
create index course_change_course on course_change (course_id, at desc);
