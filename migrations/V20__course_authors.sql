-- Who may edit a course (issue 12, ownership): its authors and co-authors. An author is named by their sign-in
-- name or e-mail (course.yaml's `authors:`, or added by an admin), because a person's row only exists after their
-- first sign-in; the check compares the signed-in person's name and e-mail with these, folded to lower case.
create table course_author (
    id        bigint generated always as identity primary key,
    course_id bigint       not null references course (id) on delete cascade,
    login     varchar(320) not null check (login = lower(login) and length(trim(login)) > 0),
    added_by  varchar(200) not null,
    added_at  timestamptz  not null default now(),
    unique (course_id, login)
);
create index course_author_login on course_author (login);
