-- Each run of the courses-folder importer (at start-up or by an admin), with what it did to every course,
-- so the admin page shows the last report whichever instance ran it.
create table content_import (
    id         bigint generated always as identity primary key,
    started_by varchar(200) not null,
    started_at timestamptz  not null,
    created    int          not null,
    updated    int          not null,
    unchanged  int          not null,
    rejected   int          not null,
    report     jsonb        not null
);
create index content_import_started on content_import (started_at desc);
