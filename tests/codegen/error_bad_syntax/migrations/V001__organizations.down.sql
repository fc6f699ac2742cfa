DROP TABLE organization_address, organization;
