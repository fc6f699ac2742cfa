-- Extensions and enum types.
--
-- uuid-ossp is part of the LCFS database although no column default calls it. The enum
-- types are created up front because tables in several later files share them.

CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA public;

-- Versioned rows ----------------------------------------------------------------------------------

-- Schedule lines, fuel codes, charging sites and CI applications keep every edit as a new
-- row version; the action says whether that version created, changed or deleted the line.
CREATE TYPE actiontypeenum AS ENUM ('CREATE', 'UPDATE', 'DELETE');

-- Organizations and users -------------------------------------------------------------------------

-- An organization's registration status, the roles a user can hold, and the two kinds of user.
-- usertypeenum is not used by any column; LCFS keeps it and so do we.
CREATE TYPE org_status_enum AS ENUM ('Unregistered', 'Registered', 'Suspended', 'Canceled');
CREATE TYPE role_enum AS ENUM (
    'GOVERNMENT',
    'ADMINISTRATOR',
    'ANALYST',
    'COMPLIANCE_MANAGER',
    'DIRECTOR',
    'SUPPLIER',
    'MANAGE_USERS',
    'TRANSFER',
    'COMPLIANCE_REPORTING',
    'SIGNING_AUTHORITY',
    'READ_ONLY',
    'CI_APPLICANT',
    'IA_PROPONENT',
    'SYSTEM_ADMIN',
    'IA_ANALYST',
    'IA_MANAGER',
    'IA_SIGNER'
);
CREATE TYPE usertypeenum AS ENUM ('SUPPLIER', 'GOVERNMENT');

-- Fuels -------------------------------------------------------------------------------------------

-- The three fuel categories the Act sets targets for, the life cycle of a fuel code, and the
-- units a fuel quantity is reported in.
CREATE TYPE fuel_category_enum AS ENUM ('Gasoline', 'Diesel', 'Jet fuel');
CREATE TYPE fuel_code_status_enum AS ENUM ('Draft', 'Approved', 'Deleted', 'Recommended');
CREATE TYPE quantityunitsenum AS ENUM (
    'Litres',
    'Kilograms',
    'Kilowatt_hour',
    'Cubic_metres',
    'Gigajoules'
);

-- Credit ledger and transfers ---------------------------------------------------------------------

-- What a ledger transaction does to a balance (adjust it, reserve units, release a reservation),
-- and the states, categories, recommendations and comment sources of a credit transfer.
CREATE TYPE transaction_action_enum AS ENUM ('Adjustment', 'Reserved', 'Released');
CREATE TYPE transfer_type_enum AS ENUM (
    'Draft',
    'Deleted',
    'Sent',
    'Submitted',
    'Recommended',
    'Recorded',
    'Refused',
    'Declined',
    'Rescinded'
);
CREATE TYPE transfercategoryenum AS ENUM ('A', 'B', 'C', 'D');
CREATE TYPE transfer_recommendation_enum AS ENUM ('Record', 'Refuse');
CREATE TYPE transfer_comment_source_enum AS ENUM ('FROM_ORG', 'TO_ORG', 'GOVERNMENT');

-- Administrative adjustments and initiative agreements --------------------------------------------

-- Both go through the same government workflow: draft, recommended, approved (or deleted).
CREATE TYPE admin_adjustment_type_enum AS ENUM ('Draft', 'Recommended', 'Approved', 'Deleted');
CREATE TYPE initiative_agreement_type_enum AS ENUM ('Draft', 'Recommended', 'Approved', 'Deleted');

-- Compliance reports ------------------------------------------------------------------------------

-- Report workflow states, who started a supplemental report, how often an organization reports,
-- the quarter of an export, the direction of a notional transfer, and who may open a
-- supplemental report for a compliance year.
CREATE TYPE compliancereportstatusenum AS ENUM (
    'Draft',
    'Submitted',
    'Recommended_by_analyst',
    'Recommended_by_manager',
    'Assessed',
    'Reassessed',
    'Rejected',
    'Not_recommended_by_analyst',
    'Not_recommended_by_manager',
    'Analyst_adjustment',
    'Supplemental_requested',
    'Exempted'
);
CREATE TYPE supplementalinitiatortype AS ENUM (
    'SUPPLIER_SUPPLEMENTAL',
    'GOVERNMENT_REASSESSMENT',
    'GOVERNMENT_INITIATED'
);
CREATE TYPE reportingfrequency AS ENUM ('ANNUAL', 'QUARTERLY');
CREATE TYPE quarter AS ENUM ('Q1', 'Q2', 'Q3', 'Q4');
CREATE TYPE receivedortransferredenum AS ENUM ('Received', 'Transferred');
CREATE TYPE supplemental_report_access_role_enum AS ENUM ('BCeID', 'IDIR');

-- Charging equipment ------------------------------------------------------------------------------

-- How many ports a charger has.
CREATE TYPE ports_enum AS ENUM ('Single port', 'Dual port');

-- Notifications -----------------------------------------------------------------------------------

-- Where a notification is delivered, and the kind of a notice government posts for everyone.
CREATE TYPE channel_enum AS ENUM ('EMAIL', 'IN_APP');
CREATE TYPE notification_type_enum AS ENUM ('Alert', 'Outage', 'Deadline', 'General');

-- Internal comments -------------------------------------------------------------------------------

-- Which government audience wrote an internal comment, and whether a comment is internal or
-- visible to the organization.
CREATE TYPE audience_scope AS ENUM ('Director', 'Analyst', 'Compliance Manager');
CREATE TYPE comment_visibility AS ENUM ('Internal', 'Public');

-- Penalties ---------------------------------------------------------------------------------------

-- Whether a penalized contravention happened once or continued over time.
CREATE TYPE contravention_enum AS ENUM ('Single contravention', 'Continuous contravention');
