-- Quizzes (QUIZ-1…4). A quiz lesson has one quiz: its settings and its question bank, imported from
-- courses/<slug>/quiz/*.yaml. Questions and options carry stable keys from the file, like lessons: re-importing
-- matches on them, so past attempts keep pointing at the same rows; a question dropped from the file is retired.
create table quiz (
    id                 bigint generated always as identity primary key,
    lesson_id          bigint      not null unique references lesson (id),
    course_id          bigint      not null references course (id),
    -- questions per attempt: null = the whole bank; draw_by_tag = {"tag": count, …} draws per tag instead
    draw_count         int check (draw_count > 0),
    draw_by_tag        jsonb,
    shuffle_questions  boolean     not null default true,
    shuffle_options    boolean     not null default true,
    -- null = no time limit
    time_limit_seconds int check (time_limit_seconds > 0),
    -- null = unlimited attempts
    max_attempts       int check (max_attempts > 0),
    delay_minutes      int         not null default 0 check (delay_minutes >= 0),
    pass_percent       int         not null check (pass_percent between 0 and 100),
    -- which graded attempt is the learner's result
    counting           varchar(10) not null check (counting in ('highest', 'last')),
    -- what the result page shows after submission
    review             varchar(10) not null check (review in ('score', 'mistakes', 'answers')),
    updated_at         timestamptz not null default now()
);
create index quiz_course on quiz (course_id);

create table quiz_question (
    id            bigint generated always as identity primary key,
    quiz_id       bigint           not null references quiz (id),
    key           varchar(64)      not null,
    type          varchar(10)      not null check (type in ('single', 'multiple', 'truefalse', 'text')),
    -- sanitised HTML rendered from Markdown at import
    stem_vi       text             not null,
    stem_en       text,
    feedback_vi   text,
    feedback_en   text,
    weight        double precision not null check (weight > 0),
    -- competency codes and topics; draws per tag read them
    tags          varchar(64)[]    not null default '{}',
    -- short text questions: the accepted answers as written; compared folded (case, diacritics, spaces)
    accepted      varchar(200)[]   not null default '{}',
    position      int              not null,
    retired       boolean          not null default false,
    unique (quiz_id, key)
);

create table quiz_option (
    id          bigint generated always as identity primary key,
    question_id bigint       not null references quiz_question (id),
    key         varchar(64)  not null,
    text_vi     varchar(1000),
    text_en     varchar(1000),
    correct     boolean      not null,
    position    int          not null,
    retired     boolean      not null default false,
    unique (question_id, key)
);

-- One sitting of a quiz. Its questions and their option order are fixed when it starts (quiz_attempt_question);
-- the deadline is the server's; status moves open → graded exactly once (the submit holds the row lock).
create table quiz_attempt (
    id           bigint generated always as identity primary key,
    quiz_id      bigint           not null references quiz (id),
    person_id    bigint           not null references person (id),
    number       int              not null check (number > 0),
    status       varchar(10)      not null default 'open' check (status in ('open', 'graded')),
    started_at   timestamptz      not null default now(),
    deadline     timestamptz,
    submitted_at timestamptz,
    -- true when the deadline closed it, not the learner
    expired      boolean          not null default false,
    score        double precision,
    max_score    double precision,
    percent      double precision,
    passed       boolean,
    -- two tabs starting at once cannot both take the same attempt number
    unique (quiz_id, person_id, number),
    check (status = 'open' or (submitted_at is not null and percent is not null and passed is not null))
);
create index quiz_attempt_person on quiz_attempt (person_id, quiz_id);
create index quiz_attempt_graded on quiz_attempt (quiz_id) where status = 'graded';
create index quiz_attempt_open_deadline on quiz_attempt (deadline) where status = 'open';

create table quiz_attempt_question (
    id           bigint generated always as identity primary key,
    attempt_id   bigint           not null references quiz_attempt (id) on delete cascade,
    question_id  bigint           not null references quiz_question (id),
    position     int              not null,
    -- the options in the order this attempt shows them, and the opaque ids the browser sees for them
    option_ids   bigint[]         not null default '{}',
    option_codes varchar(16)[]    not null default '{}',
    chosen       bigint[],
    text_answer  varchar(500),
    answered_at  timestamptz,
    score        double precision,
    correct      boolean,
    unique (attempt_id, position)
);
create index quiz_attempt_question_question on quiz_attempt_question (question_id);
