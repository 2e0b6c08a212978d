-- A synthetic organisation tree the size of the real one, for benchmarks: under each of the 34 current provinces,
-- COMMUNES communes (default 97: 3,298 in all) and under each commune 22 or 23 community digital technology teams
-- (about 74,000). Codes start with 'S' so they never meet real statistical codes. Run with psql:
--   psql -v communes=97 -f bench/org/synthetic-tree.sql
\if :{?communes}
\else
\set communes 97
\endif

insert into org_unit (code, name, kind, parent_id, path, valid_from)
select 'S' || p.code || '-' || lpad(g::text, 4, '0'), 'Xã tổng hợp ' || g || ' · ' || p.name, 'commune', p.id, '',
       date '2025-07-01'
from org_unit p cross join generate_series(1, :communes) g
where p.kind = 'province' and p.valid_to is null;
update org_unit u set path = p.path || u.id || '/'
from org_unit p where u.parent_id = p.id and u.path = '';

insert into org_unit (code, name, kind, parent_id, path, valid_from)
select c.code || '-T' || lpad(g::text, 2, '0'), 'Tổ công nghệ số cộng đồng ' || g || ' · ' || c.name, 'team', c.id, '',
       date '2025-07-01'
from org_unit c cross join lateral generate_series(1, 22 + (c.id % 2)::int) g
where c.kind = 'commune' and c.code like 'S%' and c.valid_to is null;
update org_unit u set path = p.path || u.id || '/'
from org_unit p where u.parent_id = p.id and u.path = '';

select kind, count(*) from org_unit where code like 'S%' group by kind order by kind;
