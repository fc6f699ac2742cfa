-- The organizations: a modelled table in public.
CREATE TABLE organization (
    organization_id serial PRIMARY KEY,
    name varchar(500) NOT NULL
);
