CREATE TABLE organization_type (
    organization_type_id SERIAL NOT NULL,
    org_type VARCHAR(500) NOT NULL,
    description VARCHAR(500),
    create_date TIMESTAMP WITH TIME ZONE DEFAULT now(),
    CONSTRAINT pk_organization_type PRIMARY KEY (organization_type_id)
);
COMMENT ON TABLE organization_type IS 'Kinds of organization: fuel supplier, broker, utility';
COMMENT ON COLUMN organization_type.org_type IS 'Short name of the kind';

CREATE TABLE organization_status (
    organization_status_id serial PRIMARY KEY,
    status org_status_enum NOT NULL DEFAULT 'Unregistered'::org_status_enum,
    description varchar(500)
);

CREATE TABLE organization_address (
    organization_address_id SERIAL PRIMARY KEY,
    name varchar(500),
    street_address varchar(500),
    city varchar(100),
    province_state varchar(50),
    country varchar(100),
    "postalCode_zipCode" varchar(10)
);

CREATE TABLE organization (
    organization_id SERIAL NOT NULL,
    organization_code VARCHAR(4) NOT NULL,
    name VARCHAR(500) NOT NULL,
    operating_name VARCHAR(500) NOT NULL,
    email VARCHAR(255),
    total_balance BIGINT NOT NULL DEFAULT '0'::bigint,
    reserved_balance bigint NOT NULL DEFAULT 0,
    credit_market_is_seller boolean DEFAULT false,
    credits_to_sell integer DEFAULT 0 CHECK (credits_to_sell >= 0),
    display_in_credit_market boolean DEFAULT FALSE,
    has_early_issuance boolean NOT NULL DEFAULT false,
    organization_status_id integer REFERENCES organization_status,
    organization_type_id integer,
    organization_address_id integer,
    effective_date date,
    create_date timestamptz DEFAULT now(),
    create_user varchar,
    CONSTRAINT pk_organization PRIMARY KEY (organization_id),
    CONSTRAINT uq_organization_organization_code UNIQUE (organization_code),
    CONSTRAINT fk_organization_organization_type_id_organization_type
        FOREIGN KEY (organization_type_id) REFERENCES organization_type (organization_type_id),
    CONSTRAINT fk_organization_organization_address_id_organization_address
        FOREIGN KEY (organization_address_id) REFERENCES organization_address ON DELETE SET NULL
);
COMMENT ON TABLE organization IS 'A fuel supplier or other party that reports under the LCFS';
COMMENT ON COLUMN organization.organization_code IS 'Four-character code; unique';

CREATE TABLE user_profile (
    user_profile_id SERIAL PRIMARY KEY,
    keycloak_user_id VARCHAR(150),
    keycloak_email VARCHAR(255),
    keycloak_username VARCHAR(150) NOT NULL,
    email VARCHAR(255),
    title VARCHAR(100),
    first_name VARCHAR(100),
    is_active BOOLEAN NOT NULL DEFAULT true,
    organization_id INTEGER,
    type text,
    CONSTRAINT user_profile_keycloak_username_key UNIQUE (keycloak_username),
    CONSTRAINT fk_user_profile_organization_id_organization FOREIGN KEY (organization_id)
        REFERENCES organization (organization_id) ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE role (
    role_id SERIAL PRIMARY KEY,
    name role_enum NOT NULL,
    description VARCHAR(1000),
    is_government_role BOOLEAN DEFAULT FALSE,
    display_order INTEGER,
    UNIQUE (name)
);

CREATE TABLE user_role (
    user_role_id SERIAL PRIMARY KEY,
    user_profile_id INTEGER REFERENCES user_profile (user_profile_id),
    role_id INTEGER REFERENCES role (role_id),
    CONSTRAINT user_role_unique UNIQUE (user_profile_id, role_id)
);

CREATE TABLE user_login_history (
    user_login_history_id SERIAL PRIMARY KEY,
    keycloak_email VARCHAR NOT NULL,
    external_username VARCHAR(150),
    keycloak_user_id VARCHAR(150),
    is_login_successful BOOLEAN DEFAULT false,
    login_error_message VARCHAR(500),
    create_date TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP
);

INSERT INTO organization_status (organization_status_id, status, description) VALUES
    (1, 'Unregistered', 'Unregistered'),
    (2, 'Registered', 'Registered; can transfer'),
    (3, 'Suspended', 'It''s suspended; no transfers'),
    (4, 'Canceled', E'Canceled \'for good\'');
SELECT setval('organization_status_organization_status_id_seq', 4);
INSERT INTO role (name, description, is_government_role, display_order)
SELECT 'GOVERNMENT', 'Identifies a government user', true, 1
WHERE NOT EXISTS (SELECT 1 FROM role WHERE name = 'GOVERNMENT');

CREATE OR REPLACE FUNCTION is_user_safe_to_remove(the_username text) RETURNS boolean
LANGUAGE plpgsql AS $fn$
DECLARE
    found_count integer; -- a semicolon; in a comment
BEGIN
    SELECT count(*) INTO found_count FROM user_login_history WHERE keycloak_email = the_username;
    RETURN found_count = 0 AND the_username <> '$$';
END;
$fn$;

CREATE VIEW v_active_users AS
SELECT u.user_profile_id, u.keycloak_username, o.name AS organization_name
FROM user_profile u LEFT JOIN organization o USING (organization_id)
WHERE u.is_active;

GRANT SELECT ON organization, user_profile TO basic_lcfs_reporting_role;
