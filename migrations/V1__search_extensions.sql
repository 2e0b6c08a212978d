-- Search that ignores Vietnamese diacritics and case (CAT-2) runs in PostgreSQL itself.
create extension if not exists unaccent;
create extension if not exists pg_trgm;

-- unaccent() is only STABLE (its dictionary could change), so it cannot be indexed directly. Pinning the
-- dictionary makes the result depend on the argument alone; unaccent folds đ/Đ to d/D as well.
create function f_unaccent(text) returns text
    language sql immutable parallel safe strict
as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;
