-- Pre-aggregated completion counts for the report pages (REP-1, issue 11): counting 5,000,000 enrolments on every
-- request of the country page took seconds. The counts are kept per unit of the top three levels of the tree (the
-- country, its provinces and their communes, former ones included: a row counts the people of the unit's whole
-- subtree), per course, wave and target group, in calendar months and, from report_rollup_horizon on, in days (Vietnam
-- time). A page sums whole months and reads days only for the month its "as of" day or period bounds cut; a bound that
-- cuts a month before the horizon is answered by the direct count instead (CompletionReport says which).
--
-- Maintained by the database in the transaction of every write that changes a count (statement triggers below on
-- enrolment, certificate, person and org_unit), whichever feature writes: no code path has to remember it.
--
-- Each event is dated no earlier than its enrolment (greatest(event, enrolled_at)): the direct count asks for both
-- "event before the end of the as-of day" and "enrolled before it", which is then one condition on one date. Overdue
-- = due (and enrolled) before the end minus due, enrolled and completed before the end. An enrolment completed or
-- certified before its own enrolment time (never written by the app; only a hand-made import could) makes a period
-- filter or the trend differ from the direct count: it is counted in "early", and the page falls back to the direct
-- count when its catchment has any.

create table report_rollup_horizon (
    -- the first day with day rows; whole months before it have month rows only
    day date not null
);
insert into report_rollup_horizon
select (date_trunc('month', (now() at time zone 'Asia/Ho_Chi_Minh')) - interval '1 month')::date;

create table report_rollup (
    unit_id      bigint      not null,
    -- true: day is the first of a month and the row counts the whole month; false: the row counts that day
    monthly      boolean     not null,
    day          date        not null,
    course_id    bigint      not null,
    -- 0 for enrolments of no wave, '' for people of no target group
    wave_id      bigint      not null,
    target_group varchar(40) not null,
    enrolled     integer     not null default 0,
    assigned     integer     not null default 0,
    started      integer     not null default 0,
    completed    integer     not null default 0,
    certified    integer     not null default 0,
    due          integer     not null default 0,
    due_done     integer     not null default 0,
    early        integer     not null default 0,
    primary key (unit_id, monthly, day, course_id, wave_id, target_group)
);

-- people in the subtree of each unit of the top three levels, by target group (not dated: today's people)
create table report_rollup_people (
    unit_id      bigint      not null,
    target_group varchar(40) not null,
    people       integer     not null default 0,
    primary key (unit_id, target_group)
);

-- the units (ids) a row of a unit at this path is counted under: the path's first three
create function report_rollup_units(path text) returns bigint[] language sql immutable as $$
    select (string_to_array(trim(both '/' from path), '/')::bigint[])[1:3]
$$;

-- one enrolment (with the issue time of its live certificate) as counted by the roll-up, added (sign 1) or removed (-1)
create type report_fact as (
    sign         integer,
    path         text,
    target_group text,
    course_id    bigint,
    wave_id      bigint,
    assigned     boolean,
    enrolled_at  timestamptz,
    started_at   timestamptz,
    completed_at timestamptz,
    due_at       timestamptz,
    issued_at    timestamptz
);

-- an enrolment as a fact, with the issue time of its live certificate
create function report_fact_of(sign integer, path text, target_group text, e enrolment, issued_at timestamptz)
    returns report_fact language sql immutable as $$
    select row(sign, path, target_group, e.course_id, e.wave_id, e.source = 'assignment', e.enrolled_at, e.started_at,
               e.completed_at, e.due_at, issued_at)::report_fact
$$;

-- what a fact counts, each event dated no earlier than the enrolment (above)
create function report_fact_events(f report_fact) returns table (kind text, at timestamptz)
    language sql immutable as $$
    select x.kind, x.at
    from (values
        ('enrolled', f.enrolled_at),
        ('assigned', case when f.assigned then f.enrolled_at end),
        ('started', case when f.started_at is not null then greatest(f.started_at, f.enrolled_at) end),
        ('completed', case when f.completed_at is not null then greatest(f.completed_at, f.enrolled_at) end),
        ('certified', case when f.issued_at is not null then greatest(f.issued_at, f.enrolled_at) end),
        ('due', case when f.due_at is not null then greatest(f.due_at, f.enrolled_at) end),
        ('due_done', case when f.due_at is not null and f.completed_at is not null
                          then greatest(f.due_at, f.enrolled_at, f.completed_at) end),
        ('early', case when f.completed_at < f.enrolled_at or f.issued_at < f.enrolled_at
                       then f.enrolled_at end)) x(kind, at)
    where x.at is not null
$$;

create function report_rollup_apply(facts report_fact[]) returns void language sql as $$
    with ev as (
        select f.sign, u.unit_id, f.course_id, coalesce(f.wave_id, 0) as wave_id,
               coalesce(f.target_group, '') as target_group, x.kind,
               (x.at at time zone 'Asia/Ho_Chi_Minh')::date as day
        from unnest(facts) f
        cross join lateral unnest(report_rollup_units(f.path)) u(unit_id)
        cross join lateral report_fact_events(f) x),
    grained as (
        select ev.*, true as monthly, date_trunc('month', ev.day)::date as bucket from ev
        union all
        select ev.*, false, ev.day from ev where ev.day >= (select day from report_rollup_horizon))
    insert into report_rollup as r (unit_id, monthly, day, course_id, wave_id, target_group,
                                    enrolled, assigned, started, completed, certified, due, due_done, early)
    select unit_id, monthly, bucket, course_id, wave_id, target_group,
           coalesce(sum(sign) filter (where kind = 'enrolled'), 0),
           coalesce(sum(sign) filter (where kind = 'assigned'), 0),
           coalesce(sum(sign) filter (where kind = 'started'), 0),
           coalesce(sum(sign) filter (where kind = 'completed'), 0),
           coalesce(sum(sign) filter (where kind = 'certified'), 0),
           coalesce(sum(sign) filter (where kind = 'due'), 0),
           coalesce(sum(sign) filter (where kind = 'due_done'), 0),
           coalesce(sum(sign) filter (where kind = 'early'), 0)
    from grained
    group by unit_id, monthly, bucket, course_id, wave_id, target_group
    -- rows locked in key order: two transactions writing the same rows wait rather than deadlock
    order by unit_id, monthly, bucket, course_id, wave_id, target_group
    on conflict (unit_id, monthly, day, course_id, wave_id, target_group) do update set
        enrolled = r.enrolled + excluded.enrolled,
        assigned = r.assigned + excluded.assigned,
        started = r.started + excluded.started,
        completed = r.completed + excluded.completed,
        certified = r.certified + excluded.certified,
        due = r.due + excluded.due,
        due_done = r.due_done + excluded.due_done,
        early = r.early + excluded.early
$$;

create function report_rollup_people_apply(sign integer, paths text[], groups text[]) returns void language sql as $$
    insert into report_rollup_people as r (unit_id, target_group, people)
    select u.unit_id, coalesce(p.target_group, ''), sum(sign)
    from unnest(paths, groups) p(path, target_group)
    cross join lateral unnest(report_rollup_units(p.path)) u(unit_id)
    group by 1, 2
    order by 1, 2
    on conflict (unit_id, target_group) do update set people = r.people + excluded.people
$$;

-- enrolment: the changed rows, before (-1) and after (+1), with their person's unit and group and their certificate
create function report_rollup_enrolment() returns trigger language plpgsql as $$
declare
    facts report_fact[];
begin
    if tg_op = 'INSERT' then
        select array_agg(report_fact_of(1, u.path, p.target_group, n, c.issued_at))
        into facts
        from new_rows n
        join person p on p.id = n.person_id
        join org_unit u on u.id = p.unit_id
        left join certificate c on c.person_id = n.person_id and c.course_id = n.course_id and c.status = 'issued';
    elsif tg_op = 'DELETE' then
        select array_agg(report_fact_of(-1, u.path, p.target_group, o, c.issued_at))
        into facts
        from old_rows o
        join person p on p.id = o.person_id
        join org_unit u on u.id = p.unit_id
        left join certificate c on c.person_id = o.person_id and c.course_id = o.course_id and c.status = 'issued';
    else
        -- most updates are a learner's last_seen_at: nothing counted changes and nothing is written
        select array_agg(f) into facts
        from old_rows o
        join new_rows n on n.id = o.id
        join person p on p.id = n.person_id
        join org_unit u on u.id = p.unit_id
        left join certificate c on c.person_id = n.person_id and c.course_id = n.course_id and c.status = 'issued'
        cross join lateral (values
            (report_fact_of(-1, u.path, p.target_group, o, c.issued_at)),
            (report_fact_of(1, u.path, p.target_group, n, c.issued_at))) x(f)
        where (o.person_id, o.course_id, o.wave_id, o.source, o.enrolled_at, o.started_at, o.completed_at, o.due_at)
              is distinct from
              (n.person_id, n.course_id, n.wave_id, n.source, n.enrolled_at, n.started_at, n.completed_at, n.due_at);
    end if;
    if facts is not null then
        perform report_rollup_apply(facts);
    end if;
    return null;
end
$$;
create trigger report_rollup_enrolment_insert after insert on enrolment
    referencing new table as new_rows for each statement execute function report_rollup_enrolment();
create trigger report_rollup_enrolment_update after update on enrolment
    referencing old table as old_rows new table as new_rows for each statement execute function report_rollup_enrolment();
create trigger report_rollup_enrolment_delete after delete on enrolment
    referencing old table as old_rows for each statement execute function report_rollup_enrolment();

-- certificate: its enrolment counted without the old live certificate, then with the new one
create function report_rollup_certificate() returns trigger language plpgsql as $$
declare
    people bigint[];
    courses bigint[];
    issued timestamptz[];
    signs integer[];
    facts report_fact[];
begin
    -- (person, course, issue time, +1 issued now / -1 issued before) of the changed certificates
    if tg_op = 'INSERT' then
        select array_agg(n.person_id), array_agg(n.course_id), array_agg(n.issued_at), array_agg(1)
        into people, courses, issued, signs
        from new_rows n where n.status = 'issued';
    elsif tg_op = 'DELETE' then
        select array_agg(o.person_id), array_agg(o.course_id), array_agg(o.issued_at), array_agg(-1)
        into people, courses, issued, signs
        from old_rows o where o.status = 'issued';
    else
        select array_agg(x.person_id), array_agg(x.course_id), array_agg(x.issued_at), array_agg(x.sign)
        into people, courses, issued, signs
        from (
            -- an update that changes nothing counted (a PDF key) cancels out
            select person_id, course_id, issued_at, sum(sign)::integer as sign
            from (select o.person_id, o.course_id, o.issued_at, -1 as sign from old_rows o where o.status = 'issued'
                  union all
                  select n.person_id, n.course_id, n.issued_at, 1 from new_rows n where n.status = 'issued') c
            group by person_id, course_id, issued_at
            having sum(sign) <> 0) x;
    end if;
    if people is null then
        return null;
    end if;
    -- the enrolment counted with the certificate (sign s) and without any (sign -s): only "certified" differs
    select array_agg(report_fact_of(x.sign, u.path, p.target_group, e, x.issued_at))
    into facts
    from unnest(people, courses, issued, signs) c(person_id, course_id, issued_at, sign)
    join enrolment e on e.person_id = c.person_id and e.course_id = c.course_id
    join person p on p.id = e.person_id
    join org_unit u on u.id = p.unit_id
    cross join lateral (values (c.sign, c.issued_at), (-c.sign, null::timestamptz)) x(sign, issued_at);
    if facts is not null then
        perform report_rollup_apply(facts);
    end if;
    return null;
end
$$;
create trigger report_rollup_certificate_insert after insert on certificate
    referencing new table as new_rows for each statement execute function report_rollup_certificate();
create trigger report_rollup_certificate_update after update on certificate
    referencing old table as old_rows new table as new_rows for each statement execute function report_rollup_certificate();
create trigger report_rollup_certificate_delete after delete on certificate
    referencing old table as old_rows for each statement execute function report_rollup_certificate();

-- the enrolments and the people count of people who moved (another unit, another target group), from (-1) and to (+1)
create function report_rollup_moved(old_paths text[], old_groups text[], new_paths text[], new_groups text[],
                                    people bigint[]) returns void language plpgsql as $$
declare
    facts report_fact[];
begin
    perform report_rollup_people_apply(-1, old_paths, old_groups);
    perform report_rollup_people_apply(1, new_paths, new_groups);
    select array_agg(f) into facts
    from unnest(people, old_paths, old_groups, new_paths, new_groups) m(person_id, old_path, old_group, new_path, new_group)
    join enrolment e on e.person_id = m.person_id
    left join certificate c on c.person_id = e.person_id and c.course_id = e.course_id and c.status = 'issued'
    cross join lateral (values
        (report_fact_of(-1, m.old_path, m.old_group, e, c.issued_at)),
        (report_fact_of(1, m.new_path, m.new_group, e, c.issued_at))) x(f);
    if facts is not null then
        perform report_rollup_apply(facts);
    end if;
end
$$;

create function report_rollup_person() returns trigger language plpgsql as $$
declare
    paths text[];
    groups text[];
    old_paths text[];
    old_groups text[];
    people bigint[];
begin
    if tg_op = 'INSERT' then
        select array_agg(u.path), array_agg(n.target_group) into paths, groups
        from new_rows n join org_unit u on u.id = n.unit_id;
        if paths is not null then
            perform report_rollup_people_apply(1, paths, groups);
        end if;
    elsif tg_op = 'DELETE' then
        -- their enrolments went first (foreign key): only the people count changes
        select array_agg(u.path), array_agg(o.target_group) into paths, groups
        from old_rows o join org_unit u on u.id = o.unit_id;
        if paths is not null then
            perform report_rollup_people_apply(-1, paths, groups);
        end if;
    else
        select array_agg(ou.path), array_agg(o.target_group), array_agg(nu.path), array_agg(n.target_group),
               array_agg(n.id)
        into old_paths, old_groups, paths, groups, people
        from old_rows o
        join new_rows n on n.id = o.id
        left join org_unit ou on ou.id = o.unit_id
        left join org_unit nu on nu.id = n.unit_id
        where (o.unit_id, o.target_group) is distinct from (n.unit_id, n.target_group);
        if people is not null then
            perform report_rollup_moved(
                old_paths, old_groups, paths, groups, people);
        end if;
    end if;
    return null;
end
$$;
create trigger report_rollup_person_insert after insert on person
    referencing new table as new_rows for each statement execute function report_rollup_person();
create trigger report_rollup_person_update after update on person
    referencing old table as old_rows new table as new_rows for each statement execute function report_rollup_person();
create trigger report_rollup_person_delete after delete on person
    referencing old table as old_rows for each statement execute function report_rollup_person();

-- a unit moved (its subtree's paths changed): its people are counted under the new ancestors
create function report_rollup_unit() returns trigger language plpgsql as $$
declare
    old_paths text[];
    new_paths text[];
    groups text[];
    people bigint[];
begin
    select array_agg(o.path), array_agg(n.path), array_agg(p.target_group), array_agg(p.id)
    into old_paths, new_paths, groups, people
    from old_rows o
    join new_rows n on n.id = o.id
    join person p on p.unit_id = n.id
    where o.path <> n.path;
    if people is not null then
        perform report_rollup_moved(old_paths, groups, new_paths, groups, people);
    end if;
    return null;
end
$$;
create trigger report_rollup_unit_update after update on org_unit
    referencing old table as old_rows new table as new_rows for each statement execute function report_rollup_unit();

-- the counts from scratch: here, and after a bulk load that bypassed the triggers (bench/reports/generate loads with
-- session_replication_role = replica, as a restore does). Events are summed per person's unit first, then per unit
-- above: one pass over the enrolments.
create function report_rollup_rebuild() returns void language sql as $$
    delete from report_rollup;
    delete from report_rollup_people;
    insert into report_rollup (unit_id, monthly, day, course_id, wave_id, target_group,
                               enrolled, assigned, started, completed, certified, due, due_done, early)
    with ev as (
        select p.unit_id as leaf_id, e.course_id, coalesce(e.wave_id, 0) as wave_id,
               coalesce(p.target_group, '') as target_group, x.kind,
               (x.at at time zone 'Asia/Ho_Chi_Minh')::date as day
        from enrolment e
        join person p on p.id = e.person_id
        left join certificate c on c.person_id = e.person_id and c.course_id = e.course_id and c.status = 'issued'
        cross join lateral report_fact_events(report_fact_of(1, null, p.target_group, e, c.issued_at)) x
        where p.unit_id is not null),
    leaf as (
        select leaf_id, g.monthly, g.bucket, course_id, wave_id, target_group,
               count(*) filter (where kind = 'enrolled') as enrolled,
               count(*) filter (where kind = 'assigned') as assigned,
               count(*) filter (where kind = 'started') as started,
               count(*) filter (where kind = 'completed') as completed,
               count(*) filter (where kind = 'certified') as certified,
               count(*) filter (where kind = 'due') as due,
               count(*) filter (where kind = 'due_done') as due_done,
               count(*) filter (where kind = 'early') as early
        from ev
        cross join lateral (
            select true as monthly, date_trunc('month', ev.day)::date as bucket
            union all
            select false, ev.day where ev.day >= (select day from report_rollup_horizon)) g
        group by leaf_id, g.monthly, g.bucket, course_id, wave_id, target_group)
    select a.unit_id, leaf.monthly, leaf.bucket, leaf.course_id, leaf.wave_id, leaf.target_group,
           sum(enrolled), sum(assigned), sum(started), sum(completed), sum(certified), sum(due), sum(due_done),
           sum(early)
    from leaf
    join org_unit u on u.id = leaf.leaf_id
    cross join lateral unnest(report_rollup_units(u.path)) a(unit_id)
    group by 1, 2, 3, 4, 5, 6;
    select report_rollup_people_apply(1, array_agg(u.path), array_agg(p.target_group))
    from person p join org_unit u on u.id = p.unit_id;
$$;

select report_rollup_rebuild();
analyze report_rollup;
analyze report_rollup_people;
