-- Search that understands phrases (CAT-2): every word of a query may be anywhere in a course (title, summary,
-- module and lesson titles, lesson text), in any order, ranked title > lesson title > summary > text, with the
-- best matching lesson shown under its course. One document per course, written when the importer writes the
-- course (import, publish of a draft), so a search never folds or parses course text at query time.

-- The text of a lesson as people read it: HTML tags and entities dropped, folded like every search input.
create function search_fold(text) returns text
    language sql immutable parallel safe
as $$ select lower(f_unaccent(regexp_replace(regexp_replace(coalesce($1, ''), '<[^>]*>', ' ', 'g'),
                                              '&[a-zA-Z#0-9]+;', ' ', 'g'))) $$;

create table course_search (
    course_id bigint primary key references course (id) on delete cascade,
    -- what ranks: course title (A), module and lesson titles (B), summary (C); small, so cheap to rank
    head      tsvector not null,
    -- head and lesson text (D): where every word of a query must be found
    document  tsvector not null
);
create index course_search_document on course_search using gin (document);

-- One row per live lesson: which lesson of a found course to show under it.
create table lesson_search (
    lesson_id bigint primary key references lesson (id) on delete cascade,
    course_id bigint   not null references course (id) on delete cascade,
    -- lesson title (A) and its text (D)
    document  tsvector not null
);
create index lesson_search_course on lesson_search (course_id);

-- Every word of every searchable course, folded: a query word found nowhere is looked up here by trigram
-- similarity to correct one wrong letter. Words are never removed: a stale one only corrects to no result.
create table search_word (
    word text primary key
);
create index search_word_trigrams on search_word using gin (word gin_trgm_ops);

create function course_search_refresh(p_course bigint) returns void
    language plpgsql
as $$
begin
    delete from lesson_search where course_id = p_course;
    insert into lesson_search (lesson_id, course_id, document)
    select l.id, l.course_id,
           setweight(to_tsvector('simple', search_fold(l.title_vi || ' ' || coalesce(l.title_en, ''))), 'A')
               || setweight(to_tsvector('simple', search_fold(l.body_html)), 'D')
    from lesson l
    where l.course_id = p_course and not l.retired;

    insert into course_search (course_id, head, document)
    select c.id, h.head, h.head || setweight(to_tsvector('simple', t.body), 'D')
    from course c
    cross join lateral (
        select setweight(to_tsvector('simple', search_fold(c.title_vi || ' ' || coalesce(c.title_en, ''))), 'A')
                   || setweight(to_tsvector('simple', search_fold(concat_ws(' ',
                          (select string_agg(m.title_vi || ' ' || coalesce(m.title_en, ''), ' ' order by m.position)
                           from course_module m where m.course_id = c.id and not m.retired),
                          (select string_agg(l.title_vi || ' ' || coalesce(l.title_en, ''), ' ' order by l.position)
                           from lesson l where l.course_id = c.id and not l.retired)))), 'B')
                   || setweight(to_tsvector('simple', search_fold(c.summary_vi || ' ' || coalesce(c.summary_en, ''))),
                                'C') as head) h
    cross join lateral (
        select search_fold(string_agg(l.body_html, ' ' order by l.position)) as body
        from lesson l where l.course_id = c.id and not l.retired) t
    where c.id = p_course
    on conflict (course_id) do update set head = excluded.head, document = excluded.document;

    insert into search_word (word)
    select distinct w from course_search s, unnest(tsvector_to_array(s.document)) w
    where s.course_id = p_course and length(w) between 2 and 40
    on conflict do nothing;
end
$$;

-- Courses already imported get their document now; later ones when the importer writes them.
select course_search_refresh(id) from course;
