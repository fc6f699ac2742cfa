CREATE TABLE organization (organization_id serial PRIMARY KEY);
CREATE TABLE user_profile (
    user_profile_id serial PRIMARY KEY,
    organization_id integer REFERENCES organization
);
DROP TABLE organization;
