-- The migrations' own bookkeeping, in a schema of their own: no row struct, no ERD entry.
CREATE SCHEMA bookkeeping;

CREATE TABLE bookkeeping.name_cache (
    organization_id integer PRIMARY KEY REFERENCES public.organization,
    fingerprint text NOT NULL
);

COMMENT ON TABLE bookkeeping.name_cache IS 'A fingerprint of each organization''s name.';
