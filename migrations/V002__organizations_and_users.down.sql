-- Reverses V002__organizations_and_users.sql: drops its tables in reverse order of
-- creation. Their sequences, indexes and reference rows go with them.

DROP TABLE user_login_history;
DROP TABLE user_role;
DROP TABLE user_profile;
DROP TABLE role;
DROP TABLE organization;
DROP TABLE organization_attorney_address;
DROP TABLE organization_address;
DROP TABLE organization_type;
DROP TABLE organization_status;
