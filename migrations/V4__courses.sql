-- Courses, modules and lessons (CAT-1, CAT-3). Lessons carry a stable key from courses/<slug>/course.yaml;
-- re-importing matches on it, so a lesson keeps its id and learners keep their progress. A lesson dropped
-- from the course is retired, never deleted.
create table category (
    code     varchar(50)  primary key,
    name_vi  varchar(200) not null,
    name_en  varchar(200) not null,
    position int          not null
);
insert into category (code, name_vi, name_en, position) values
    ('ky-nang-so', 'Kỹ năng số cơ bản', 'Basic digital skills', 1),
    ('dich-vu-cong', 'Dịch vụ công trực tuyến', 'Online public services', 2),
    ('an-toan-thong-tin', 'An toàn thông tin', 'Online safety', 3),
    ('chuyen-doi-so', 'Chuyển đổi số', 'Digital transformation', 4);

create table course (
    id             bigint generated always as identity primary key,
    slug           varchar(100) not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    title_vi       varchar(300) not null,
    title_en       varchar(300),
    summary_vi     text         not null,
    summary_en     text,
    category_code  varchar(50)  not null references category (code),
    target_groups  varchar(20)[] not null default '{}',
    level          varchar(20)  not null check (level in ('basic', 'intermediate', 'advanced')),
    status         varchar(20)  not null check (status in ('draft', 'published', 'archived')),
    minutes        int          not null default 0 check (minutes >= 0),
    -- completion rule: every required lesson, and this quiz lesson passed when set
    final_quiz_key varchar(64),
    -- hash of the imported folder: re-importing an unchanged course is a no-op
    source_hash    varchar(64),
    published_at   timestamptz,
    created_at     timestamptz  not null default now(),
    updated_at     timestamptz  not null default now(),
    -- folded once on write, so search never unaccents a row at query time
    search_title   text generated always as (lower(f_unaccent(title_vi || ' ' || coalesce(title_en, '')))) stored,
    search_summary text generated always as (lower(f_unaccent(summary_vi || ' ' || coalesce(summary_en, '')))) stored
);
create index course_published on course (status, category_code, title_vi);
create index course_target_groups on course using gin (target_groups);
create index course_search_title on course using gin (search_title gin_trgm_ops);
create index course_search_summary on course using gin (search_summary gin_trgm_ops);

create table course_module (
    id        bigint generated always as identity primary key,
    course_id bigint       not null references course (id) on delete cascade,
    key       varchar(64)  not null,
    title_vi  varchar(300) not null,
    title_en  varchar(300),
    position  int          not null,
    retired   boolean      not null default false,
    unique (course_id, key)
);

create table lesson (
    id          bigint generated always as identity primary key,
    course_id   bigint       not null references course (id) on delete cascade,
    module_id   bigint       not null references course_module (id),
    key         varchar(64)  not null,
    kind        varchar(10)  not null check (kind in ('text', 'video', 'quiz')),
    title_vi    varchar(300) not null,
    title_en    varchar(300),
    minutes     int          not null default 0 check (minutes >= 0),
    position    int          not null,
    required    boolean      not null default true,
    -- the file the lesson came from (Markdown, video or quiz), relative to the course folder
    source_path varchar(300),
    -- text lessons: sanitised HTML rendered from Markdown at import
    body_html   text,
    retired     boolean      not null default false,
    unique (course_id, key)
);
create index lesson_module on lesson (module_id, position);
create index lesson_course on lesson (course_id, position);

create table enrolment (
    id             bigint generated always as identity primary key,
    person_id      bigint      not null references person (id),
    course_id      bigint      not null references course (id),
    source         varchar(20) not null default 'self' check (source in ('self', 'assignment')),
    enrolled_at    timestamptz not null default now(),
    due_at         timestamptz,
    completed_at   timestamptz,
    last_lesson_id bigint references lesson (id),
    last_seen_at   timestamptz,
    unique (person_id, course_id)
);
create index enrolment_course on enrolment (course_id);

create table lesson_progress (
    id           bigint generated always as identity primary key,
    person_id    bigint      not null references person (id),
    lesson_id    bigint      not null references lesson (id),
    completed_at timestamptz,
    updated_at   timestamptz not null default now(),
    unique (person_id, lesson_id)
);
create index lesson_progress_lesson on lesson_progress (lesson_id);
