CREATE TABLE organization (id serial PRIMARY KEY);

-- Applications waiting for approval.
CREATE TABLE new_organization (
    id serial PRIMARY KEY,
    name text NOT NULL
);
