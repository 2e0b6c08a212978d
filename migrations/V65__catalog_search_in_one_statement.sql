-- The catalogue's search in one round trip (issue 14): the page of courses that hold every word, their total and
-- the best matching lesson of each, ranked as before (the whole phrase in the titles or summary first, then by where
-- the words are, then by title). A requested page past the last shows the last, as the catalogue always did.
--
-- When most courses hold the words ("học", "số") the planner prefers reading every row, which unpacks every
-- course's document (kilobytes, TOASTed), where the GIN index answers the match without reading a document at
-- all. The settings below hold for the function's own statements only, so nothing else is planned differently and no
-- separate statement sets them. PL/pgSQL rather than SQL: a SQL function with SET clauses is planned again at every
-- call (0.80 ms a search on the demo courses), a PL/pgSQL one keeps its plan for the session's connection (0.51 ms).
create function course_search_page(q_all text, q_any text, q_phrase text, q_category text, q_group text,
                                   q_limit int, q_offset int)
    returns table (course_id bigint, lesson_id bigint, total bigint)
    language plpgsql stable
    set enable_seqscan = off
    set enable_indexscan = off
as $$
#variable_conflict use_column
begin
return query
with found as (
    select c.id, c.title_vi,
           s.head @@ to_tsquery('simple', q_phrase) as phrase,
           ts_rank('{0.02, 0.2, 0.5, 1.0}', s.head, to_tsquery('simple', q_any)) as rank
    from course_search s join course c on c.id = s.course_id
    where s.document @@ to_tsquery('simple', q_all) and c.status = 'published'
      and (q_category is null or c.category_code = q_category)
      and (q_group is null or c.target_groups @> array[q_group]::varchar[])
), ranked as (
    select id, count(*) over () as total,
           row_number() over (order by phrase desc, rank desc, title_vi, id) as n
    from found
), shown as (
    select id, total, n, least(q_offset, (total - 1) / q_limit * q_limit) as skipped
    from ranked
)
select shown.id, best.lesson_id, shown.total
from shown
left join lateral (
    select ls.lesson_id from lesson_search ls
    where ls.course_id = shown.id and ls.document @@ to_tsquery('simple', q_any)
    order by ts_rank(ls.document, to_tsquery('simple', q_any)) desc, ls.lesson_id
    limit 1) best on true
where shown.n > shown.skipped and shown.n <= shown.skipped + q_limit
order by shown.n;
end
$$;
