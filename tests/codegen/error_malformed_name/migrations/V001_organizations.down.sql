DROP TABLE organization;
