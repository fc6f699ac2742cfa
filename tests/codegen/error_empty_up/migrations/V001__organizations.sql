CREATE TABLE organization (id serial PRIMARY KEY);
