-- The version of what anonymous visitors see of the catalogue: the course list, search results and course pages.
-- An instance keeps those pages as rendered for the first anonymous visitor (web.AnonymousPages) and checks this one
-- number on every visit: a page kept at another version is rendered again. Every change to what those pages show
-- moves it on, whoever writes (importer, authoring, a script), through statement triggers: one update per
-- statement, not per row, and these tables change only when courses are published or edited.
create table catalogue_version (
    id smallint primary key default 1 check (id = 1),
    version bigint not null
);

insert into catalogue_version (id, version) values (1, 1);

create function catalogue_changed() returns trigger language plpgsql as $$
begin
    update catalogue_version set version = version + 1 where id = 1;
    return null;
end
$$;

create trigger course_catalogue_changed after insert or update or delete or truncate on course
    for each statement execute function catalogue_changed();
create trigger course_module_catalogue_changed after insert or update or delete or truncate on course_module
    for each statement execute function catalogue_changed();
create trigger lesson_catalogue_changed after insert or update or delete or truncate on lesson
    for each statement execute function catalogue_changed();
create trigger category_catalogue_changed after insert or update or delete or truncate on category
    for each statement execute function catalogue_changed();
create trigger course_search_catalogue_changed after insert or update or delete or truncate on course_search
    for each statement execute function catalogue_changed();
create trigger lesson_search_catalogue_changed after insert or update or delete or truncate on lesson_search
    for each statement execute function catalogue_changed();
create trigger search_word_catalogue_changed after insert or update or delete or truncate on search_word
    for each statement execute function catalogue_changed();
