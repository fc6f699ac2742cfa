-- Extensions and the enum types the organization domain uses.
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";

CREATE TYPE role_enum AS ENUM (
    'GOVERNMENT', 'ADMINISTRATOR', 'ANALYST', 'COMPLIANCE_MANAGER', 'DIRECTOR', 'SUPPLIER',
    'MANAGE_USERS', 'TRANSFER', 'COMPLIANCE_REPORTING', 'SIGNING_AUTHORITY', 'READ_ONLY'
);
CREATE TYPE org_status_enum AS ENUM ('Unregistered', 'Registered', 'Suspended', 'Canceled');
CREATE TYPE actiontypeenum AS ENUM ('CREATE', 'UPDATE', 'DELETE');
CREATE TYPE public.supplemental_report_access_role_enum AS ENUM ('BCeID', 'IDIR');
CREATE TYPE transfercategoryenum AS ENUM ('A', 'B', 'C', 'D');
CREATE TYPE contravention_enum AS ENUM ('Single contravention', 'Continuous contravention');
COMMENT ON TYPE role_enum IS 'Roles a user can hold';

/* The reporting role exists once per cluster; /* nested */ creating it twice is harmless. */
DO $$
BEGIN
    CREATE ROLE basic_lcfs_reporting_role NOLOGIN;
EXCEPTION WHEN duplicate_object THEN
    RAISE NOTICE 'role exists; skipping';
END
$$;
