CREATE TABLE organization (
    organization_id serial PRIMARY KEY,
    name varchar(500) NOT NULL
);
CREATE TABLE organization_address (
    organization_address_id serial PRIMARY KEY,,
    city varchar(100)
);
