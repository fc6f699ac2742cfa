CREATE TABLE organization (organization_id serial PRIMARY KEY, name text);
COMMENT ON COLUMN organization.nmae IS 'Legal name';
