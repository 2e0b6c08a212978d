-- The organisation tree administered (ORG-1): names found without diacritics, and every change kept as history so a
-- report can be asked about the tree "as of" any date (a renamed unit keeps its old name for dates before the change).
alter table org_unit add column search_name text generated always as (lower(f_unaccent(name))) stored;
create index org_unit_search_name on org_unit using gin (search_name gin_trgm_ops);

create table org_unit_change (
    id          bigint generated always as identity primary key,
    unit_id     bigint       not null references org_unit (id),
    change      varchar(20)  not null check (change in ('created', 'renamed', 'moved', 'merged')),
    -- the day the change takes effect: before it, the old value holds
    effective   date         not null,
    old_value   varchar(400),
    new_value   varchar(400),
    recorded_at timestamptz  not null default now()
);
create index org_unit_change_unit on org_unit_change (unit_id, effective);

-- The tree as other features may read it in SQL (scopes, reports): a plain projection of org_unit.
create view unit_tree as
select id as unit_id, code, name, kind, parent_id, path, valid_from, valid_to, replaced_by_id
from org_unit;
