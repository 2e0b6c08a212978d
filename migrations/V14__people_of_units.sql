-- People of units (ORG-2, ORG-3): rosters carry a civil-servant ID; a roster person is found by e-mail or phone
-- (stored normalised, +84…) when they first sign in, and unit admins list people of their subtree.
alter table person add column civil_servant_id varchar(40);
create index person_phone on person (phone);
create index person_civil_servant_id on person (civil_servant_id);
create index person_name on person (full_name, id);

-- account: people with their unit, for the features that list or count them in SQL (unit admins, waves, reports).
create view person_in_unit as
select id as person_id, subject, full_name, email, phone, civil_servant_id, unit_id, target_group, position,
       updated_at
from person;
