CREATE TABLE organization (id serial PRIMARY KEY)
CREATE TABLE user_profile (id serial PRIMARY KEY);
