DROP TABLE new_organization, organization;
