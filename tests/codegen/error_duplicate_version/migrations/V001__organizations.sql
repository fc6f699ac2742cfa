CREATE TABLE organizations (id serial PRIMARY KEY);
