CREATE TABLE organization (organization_id integer PRIMARY KEY);
ALTER TABLE organization ALTER COLUMN organization_id ADD GENERATED ALWAYS AS IDENTITY;
