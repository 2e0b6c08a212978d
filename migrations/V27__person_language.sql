-- The language a person reads what the platform sends them in (e-mail reminders): 'vi' or 'en'. Null until the
-- person chose one with the language switch or their first sign-in told it (the language chosen on the site, else
-- the token's locale claim); null is read as Vietnamese.
alter table person add column language varchar(2) check (language in ('vi', 'en'));
