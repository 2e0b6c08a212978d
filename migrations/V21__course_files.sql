-- The files of each course as last imported or published (issue 12, CAT-3 round trip): course.yaml, lesson
-- Markdown, quiz YAML and caption files, byte for byte as they were read, so that an export writes back exactly
-- what an import read (same content hash) and an editor draft starts from the published text. Video files are
-- not kept here: course.yaml names them, the object store holds them.
create table course_file (
    course_id bigint       not null references course (id) on delete cascade,
    path      varchar(300) not null,
    position  int          not null,
    body      text         not null,
    primary key (course_id, path)
);

-- A run of the importer may now be a zip uploaded by an admin, checked without writing (a dry run).
alter table content_import
    add column dry_run boolean      not null default false,
    add column source  varchar(300);
