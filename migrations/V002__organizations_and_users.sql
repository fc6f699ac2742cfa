-- Organizations and users.
--
-- Every fuel supplier, aggregator, producer or agreement holder that deals with LCFS is an
-- organization; the people who sign in (suppliers through BCeID, government staff through IDIR)
-- are user profiles with roles. Everything later in the schema points back here.
--
-- Reference rows are loaded with the ids LCFS gives them, since other rows and the
-- application refer to those ids; each table's sequence is then moved past the highest id.

-- Organization lookups ----------------------------------------------------------------------------

-- Registration status of an organization. Only registered organizations may transfer
-- credits; suspended and canceled ones keep their history.
CREATE TABLE organization_status (
    organization_status_id serial,
    status                 org_status_enum,
    description            varchar(500),
    create_date            timestamptz     DEFAULT now(),
    update_date            timestamptz     DEFAULT now(),
    create_user            varchar,
    update_user            varchar,
    display_order          integer,
    CONSTRAINT pk_organization_status PRIMARY KEY (organization_status_id)
);
COMMENT ON TABLE organization_status IS 'Registration status an organization can have: unregistered, registered, suspended or canceled.';

-- The four registration statuses.
INSERT INTO organization_status (organization_status_id, status, description, create_user, update_user, display_order) VALUES
    (1, 'Unregistered', 'Unregistered', NULL, NULL, NULL),
    (2, 'Registered',   'Registered',   NULL, NULL, NULL),
    (3, 'Suspended',    'Suspended',    NULL, NULL, NULL),
    (4, 'Canceled',     'Canceled',     NULL, NULL, NULL);
SELECT setval('organization_status_organization_status_id_seq', (SELECT max(organization_status_id) FROM organization_status));

-- The kind of organization. is_bceid_user says whether its people sign in with BCeID
-- (fuel suppliers and aggregators do; producers, exempted suppliers and agreement holders
-- do not).
CREATE TABLE organization_type (
    organization_type_id serial,
    org_type             varchar(64),
    description          varchar(500),
    create_date          timestamptz  DEFAULT now(),
    update_date          timestamptz  DEFAULT now(),
    create_user          varchar,
    update_user          varchar,
    display_order        integer,
    is_bceid_user        boolean      NOT NULL DEFAULT true,
    CONSTRAINT pk_organization_type PRIMARY KEY (organization_type_id)
);
COMMENT ON TABLE organization_type IS 'Kind of organization (fuel supplier, aggregator, producer, exempted supplier, agreement holder).';

-- The five kinds of organization.
INSERT INTO organization_type (organization_type_id, org_type, description, create_user, update_user, display_order, is_bceid_user) VALUES
    (1, 'fuel_supplier',               'Fuel supplier',                      NULL, NULL, 1, true),
    (2, 'aggregator',                  'Aggregator',                         NULL, NULL, 2, true),
    (3, 'fuel_producer',               'Fuel producer, fuel code applicant', NULL, NULL, 3, false),
    (4, 'exempted_supplier',           'Exempted supplier',                  NULL, NULL, 4, false),
    (5, 'initiative_agreement_holder', 'Initiative agreement holder',        NULL, NULL, 5, false);
SELECT setval('organization_type_organization_type_id_seq', (SELECT max(organization_type_id) FROM organization_type));

-- Organizations -----------------------------------------------------------------------------------

-- An organization's address for service.
CREATE TABLE organization_address (
    organization_address_id serial,
    name                    varchar(500),
    street_address          varchar(500),
    address_other           varchar(100),
    city                    varchar(100),
    province_state          varchar(50),
    country                 varchar(100),
    "postalCode_zipCode"    varchar(10),
    create_date             timestamptz  DEFAULT now(),
    update_date             timestamptz  DEFAULT now(),
    create_user             varchar,
    update_user             varchar,
    effective_date          date,
    effective_status        boolean      NOT NULL,
    expiration_date         date,
    CONSTRAINT pk_organization_address PRIMARY KEY (organization_address_id)
);
COMMENT ON TABLE organization_address IS 'Address for service of an organization.';

-- The address of an organization's attorney or head office, kept apart from the service
-- address because the Act asks for both.
CREATE TABLE organization_attorney_address (
    organization_attorney_address_id serial,
    name                             varchar(500),
    street_address                   varchar(500),
    address_other                    varchar(100),
    city                             varchar(100),
    province_state                   varchar(50),
    country                          varchar(100),
    "postalCode_zipCode"             varchar(10),
    create_date                      timestamptz  DEFAULT now(),
    update_date                      timestamptz  DEFAULT now(),
    create_user                      varchar,
    update_user                      varchar,
    effective_date                   date,
    effective_status                 boolean      NOT NULL,
    expiration_date                  date,
    CONSTRAINT pk_organization_attorney_address PRIMARY KEY (organization_attorney_address_id)
);
COMMENT ON TABLE organization_attorney_address IS 'Attorney or head office address of an organization.';

-- The reporting party. total_balance, reserved_balance and count_transfers_in_progress are
-- caches that triggers keep in step with the ledger and the transfers. organization_code is
-- the organization's short public code, unique because the registration numbers of its
-- equipment are built from it.
CREATE TABLE organization (
    organization_id                   serial,
    organization_code                 varchar(4)    NOT NULL,
    name                              varchar(500),
    operating_name                    varchar(500),
    email                             varchar(255),
    phone                             varchar(50),
    edrms_record                      varchar(100),
    total_balance                     bigint        NOT NULL DEFAULT '0'::bigint,
    reserved_balance                  bigint        NOT NULL DEFAULT '0'::bigint,
    count_transfers_in_progress       integer       NOT NULL DEFAULT 0,
    organization_status_id            integer,
    organization_type_id              integer,
    organization_address_id           integer,
    organization_attorney_address_id  integer,
    create_date                       timestamptz   DEFAULT now(),
    update_date                       timestamptz   DEFAULT now(),
    create_user                       varchar,
    update_user                       varchar,
    effective_date                    date,
    effective_status                  boolean       NOT NULL,
    expiration_date                   date,
    records_address                   varchar(2000),
    credit_trading_enabled            boolean       NOT NULL DEFAULT false,
    credit_market_contact_name        varchar(500),
    credit_market_contact_email       varchar(255),
    credit_market_contact_phone       varchar(50),
    credit_market_is_seller           boolean       NOT NULL DEFAULT false,
    credit_market_is_buyer            boolean       NOT NULL DEFAULT false,
    credits_to_sell                   integer       NOT NULL DEFAULT 0,
    display_in_credit_market          boolean       NOT NULL DEFAULT false,
    company_details                   varchar,
    company_representation_agreements varchar,
    company_acting_as_aggregator      varchar,
    company_additional_notes          varchar,
    CONSTRAINT pk_organization PRIMARY KEY (organization_id),
    CONSTRAINT fk_organization_organization_address_id_organization_address
        FOREIGN KEY (organization_address_id) REFERENCES organization_address (organization_address_id),
    CONSTRAINT fk_organization_organization_attorney_address_id_organi_94fd
        FOREIGN KEY (organization_attorney_address_id) REFERENCES organization_attorney_address (organization_attorney_address_id),
    CONSTRAINT fk_organization_organization_status_id_organization_status
        FOREIGN KEY (organization_status_id) REFERENCES organization_status (organization_status_id),
    CONSTRAINT fk_organization_organization_type_id_organization_type
        FOREIGN KEY (organization_type_id) REFERENCES organization_type (organization_type_id),
    CONSTRAINT uq_organization_organization_code UNIQUE (organization_code)
);
COMMENT ON TABLE organization IS 'Organization that reports under the LCFS, with its cached credit balances and credit market listing.';

-- Users and roles ---------------------------------------------------------------------------------

-- Permission roles. The name is unique because the application checks roles by name.
CREATE TABLE role (
    role_id            serial,
    name               role_enum     NOT NULL,
    description        varchar(1000),
    is_government_role boolean,
    display_order      integer,
    create_date        timestamptz   DEFAULT now(),
    update_date        timestamptz   DEFAULT now(),
    create_user        varchar,
    update_user        varchar,
    CONSTRAINT pk_role PRIMARY KEY (role_id),
    CONSTRAINT uq_role_name UNIQUE (name)
);
COMMENT ON TABLE role IS 'Role a user can hold; government roles and supplier roles.';

-- The roles the application knows.
INSERT INTO role (role_id, name, description, is_government_role, display_order, create_user, update_user) VALUES
    (1,  'GOVERNMENT',           'Identifies a government user in the system.',                                                                                            true,  1,  NULL, NULL),
    (2,  'SUPPLIER',             'Identifies a supplier user in the system.',                                                                                              false, 2,  NULL, NULL),
    (3,  'ADMINISTRATOR',        'Can add/edit IDIR users and assign roles, add/edit organizations, BCeID users, and assign roles',                                        true,  3,  NULL, NULL),
    (4,  'ANALYST',              'Can make recommendations on transfers, transactions, and compliance reports, manage file submissions, and add/edit fuel codes',          true,  4,  NULL, NULL),
    (5,  'COMPLIANCE_MANAGER',   'Can make recommendations on compliance reports',                                                                                         true,  5,  NULL, NULL),
    (6,  'DIRECTOR',             'Can assess compliance reports and approve transactions',                                                                                 true,  6,  NULL, NULL),
    (7,  'MANAGE_USERS',         'Can add/edit BCeID users and assign roles',                                                                                              false, 7,  NULL, NULL),
    (8,  'TRANSFER',             'Can create/save transfers and submit files',                                                                                             false, 8,  NULL, NULL),
    (9,  'COMPLIANCE_REPORTING', 'Can create/save compliance reports and submit files',                                                                                    false, 9,  NULL, NULL),
    (10, 'SIGNING_AUTHORITY',    'Can sign and submit compliance reports to government and transfers to trade partners/government',                                        false, 10, NULL, NULL),
    (11, 'READ_ONLY',            'Can view transactions, compliance reports, and files',                                                                                   false, 11, NULL, NULL),
    (12, 'CI_APPLICANT',         'Can access Fuel code tab and CI application subtab for BCeID users',                                                                     false, 12, NULL, NULL),
    (13, 'IA_PROPONENT',         'Can access Initiative agreement tab for BCeID users',                                                                                    false, 13, NULL, NULL),
    (14, 'SYSTEM_ADMIN',         'Can manage system-level configuration controls and feature administration.',                                                             true,  14, NULL, NULL),
    (15, 'IA_ANALYST',           'Can access Initiative Agreements tab and review initiative agreement applications.',                                                     true,  15, NULL, NULL),
    (16, 'IA_MANAGER',           'Can access Initiative Agreements tab and manage initiative agreement applications.',                                                     true,  16, NULL, NULL),
    (17, 'IA_SIGNER',            'Can sign and submit IA submissions, designated actions and evidence to government. This role can only be assigned by government users.', false, 17, NULL, NULL);
SELECT setval('role_role_id_seq', (SELECT max(role_id) FROM role));

-- A person who signs in through Keycloak. keycloak_username is unique because it is how a
-- sign-in finds its profile; organization_id is empty for government staff.
CREATE TABLE user_profile (
    user_profile_id   serial,
    keycloak_user_id  varchar(150),
    keycloak_email    varchar(255),
    keycloak_username varchar(150) NOT NULL,
    email             varchar(255),
    title             varchar(100),
    phone             varchar(50),
    mobile_phone      varchar(50),
    first_name        varchar(100),
    last_name         varchar(100),
    is_active         boolean      NOT NULL,
    organization_id   integer,
    create_date       timestamptz  DEFAULT now(),
    update_date       timestamptz  DEFAULT now(),
    create_user       varchar,
    update_user       varchar,
    CONSTRAINT pk_user_profile PRIMARY KEY (user_profile_id),
    CONSTRAINT fk_user_profile_organization_id_organization
        FOREIGN KEY (organization_id) REFERENCES organization (organization_id),
    CONSTRAINT uq_user_profile_keycloak_username UNIQUE (keycloak_username)
);
COMMENT ON TABLE user_profile IS 'Person who signs in to LCFS, government staff or a member of an organization.';

-- The system user that submits reports automatically.
INSERT INTO user_profile (user_profile_id, keycloak_user_id, keycloak_email, keycloak_username, email, title, phone, mobile_phone, first_name, last_name, is_active, organization_id, create_user, update_user) VALUES
    (1, NULL, 'system@lcfs.gov.bc.ca', 'system-auto-submit', 'system@lcfs.gov.bc.ca', NULL, NULL, NULL, 'System', 'Auto Submit', true, NULL, 'migration', 'migration');
SELECT setval('user_profile_user_profile_id_seq', (SELECT max(user_profile_id) FROM user_profile));

-- Roles granted to a user, each at most once.
CREATE TABLE user_role (
    user_role_id    serial,
    user_profile_id integer,
    role_id         integer,
    create_date     timestamptz DEFAULT now(),
    update_date     timestamptz DEFAULT now(),
    create_user     varchar,
    update_user     varchar,
    CONSTRAINT pk_user_role PRIMARY KEY (user_role_id),
    CONSTRAINT fk_user_role_role_id_role FOREIGN KEY (role_id) REFERENCES role (role_id),
    CONSTRAINT fk_user_role_user_profile_id_user_profile
        FOREIGN KEY (user_profile_id) REFERENCES user_profile (user_profile_id),
    CONSTRAINT user_role_unique_constraint UNIQUE (user_profile_id, role_id)
);
COMMENT ON TABLE user_role IS 'Role granted to a user profile.';

-- The system user's roles.
INSERT INTO user_role (user_role_id, user_profile_id, role_id, create_user, update_user) VALUES
    (1, 1, 1,  NULL, NULL),
    (2, 1, 2,  NULL, NULL),
    (3, 1, 4,  NULL, NULL),
    (4, 1, 8,  NULL, NULL),
    (5, 1, 9,  NULL, NULL),
    (6, 1, 10, NULL, NULL);
SELECT setval('user_role_user_role_id_seq', (SELECT max(user_role_id) FROM user_role));

-- Every sign-in attempt, successful or not, kept for the login analytics.
CREATE TABLE user_login_history (
    user_login_history_id serial,
    keycloak_email        varchar      NOT NULL,
    external_username     varchar(150),
    keycloak_user_id      varchar(150),
    is_login_successful   boolean,
    login_error_message   varchar(500),
    create_date           timestamptz  DEFAULT now(),
    update_date           timestamptz  DEFAULT now(),
    CONSTRAINT pk_user_login_history PRIMARY KEY (user_login_history_id)
);
COMMENT ON TABLE user_login_history IS 'Sign-in attempt, with the error when it failed.';
