-- Charging infrastructure.
--
-- Organizations that supply electricity register their charging sites and the equipment at each
-- site once, then report the electricity each charger supplied in their compliance reports.
--
-- Reference rows are loaded with the ids LCFS gives them, since other rows and the
-- application refer to those ids; each table's sequence is then moved past the highest id.
--
-- Differences from the LCFS database, on purpose:
-- - compliance_report_charging_equipment has the check
--   ck_compliance_report_charging_equipment_check_supply_date_order
--   (supply_to_date >= supply_from_date). The LCFS model declares it but its database lacks it;
--   a reporting period that ends before it starts is always a mistake.

-- Places ------------------------------------------------------------------------------------------

-- Places already geocoded, so that the same city, province or state and country are looked
-- up once.
CREATE TABLE location (
    id             serial,
    city           varchar(1000),
    province_state varchar(1000),
    country        varchar(1000),
    latitude       numeric(10,6),
    longitude      numeric(10,6),
    CONSTRAINT pk_location PRIMARY KEY (id),
    CONSTRAINT uniq_location UNIQUE (city, province_state, country)
);
COMMENT ON TABLE location IS 'Geocoded place: city, province or state, country and coordinates.';

-- Charging sites ----------------------------------------------------------------------------------

-- Workflow states of a charging site.
CREATE TABLE charging_site_status (
    charging_site_status_id serial,
    status                  varchar(50)  NOT NULL,
    description             varchar(500),
    display_order           integer,
    create_date             timestamptz  DEFAULT now(),
    update_date             timestamptz  DEFAULT now(),
    create_user             varchar,
    update_user             varchar,
    CONSTRAINT pk_charging_site_status PRIMARY KEY (charging_site_status_id),
    CONSTRAINT uq_charging_site_status_status UNIQUE (status)
);
COMMENT ON TABLE charging_site_status IS 'Status a charging site can be in.';

-- Site states.
INSERT INTO charging_site_status (charging_site_status_id, status, description, display_order, create_user, update_user) VALUES
    (1, 'Draft',     'Site is being created or edited',        1, NULL, NULL),
    (2, 'Submitted', 'Site has been submitted for review',     2, NULL, NULL),
    (3, 'Validated', 'Site has been validated',                3, NULL, NULL),
    (4, 'Updated',   'Site has been updated after validation', 4, NULL, NULL);
SELECT setval('charging_site_status_charging_site_status_id_seq', (SELECT max(charging_site_status_id) FROM charging_site_status));

-- A site where an organization operates chargers. Sites are versioned (group_uuid,
-- version, action_type); a site name and code are unique per organization and version.
CREATE TABLE charging_site (
    charging_site_id             serial,
    organization_id              integer          NOT NULL,
    status_id                    integer          NOT NULL,
    site_code                    varchar(5)       NOT NULL,
    site_name                    varchar(255)     NOT NULL,
    street_address               varchar(255)     NOT NULL,
    city                         varchar(100)     NOT NULL,
    postal_code                  varchar(10)      NOT NULL,
    latitude                     double precision,
    longitude                    double precision,
    notes                        text,
    group_uuid                   varchar(36)      NOT NULL,
    version                      integer          NOT NULL DEFAULT 0,
    action_type                  actiontypeenum   NOT NULL DEFAULT 'CREATE',
    create_date                  timestamptz      DEFAULT now(),
    update_date                  timestamptz      DEFAULT now(),
    create_user                  varchar,
    update_user                  varchar,
    allocating_organization_id   integer,
    allocating_organization_name text,
    CONSTRAINT pk_charging_site PRIMARY KEY (charging_site_id),
    CONSTRAINT fk_charging_site_allocating_organization_id_organization
        FOREIGN KEY (allocating_organization_id) REFERENCES organization (organization_id),
    CONSTRAINT fk_charging_site_organization_id
        FOREIGN KEY (organization_id) REFERENCES organization (organization_id),
    CONSTRAINT fk_charging_site_status_id
        FOREIGN KEY (status_id) REFERENCES charging_site_status (charging_site_status_id),
    CONSTRAINT uq_charging_site_id_version UNIQUE (charging_site_id, version),
    CONSTRAINT uq_charging_site_org_name UNIQUE (organization_id, site_name, site_code, version)
);
COMMENT ON TABLE charging_site IS 'Charging site of an organization; one version of it.';

-- Latest version of a site, and look-ups by organization, code, status and allocating
-- organization.
CREATE INDEX idx_charging_site_group_uuid_org_version ON charging_site (group_uuid, organization_id, version DESC);
CREATE INDEX idx_charging_site_organization_id ON charging_site (organization_id);
CREATE INDEX idx_charging_site_site_code ON charging_site (site_code);
CREATE INDEX idx_charging_site_status_id ON charging_site (status_id);
CREATE INDEX ix_charging_site_allocating_org_id ON charging_site (allocating_organization_id);

-- Charging equipment ------------------------------------------------------------------------------

-- Workflow states of charging equipment.
CREATE TABLE charging_equipment_status (
    charging_equipment_status_id serial,
    status                       varchar(50)  NOT NULL,
    description                  varchar(500),
    display_order                integer,
    create_date                  timestamptz  DEFAULT now(),
    update_date                  timestamptz  DEFAULT now(),
    create_user                  varchar,
    update_user                  varchar,
    CONSTRAINT pk_charging_equipment_status PRIMARY KEY (charging_equipment_status_id),
    CONSTRAINT uq_charging_equipment_status_status UNIQUE (status)
);
COMMENT ON TABLE charging_equipment_status IS 'Status charging equipment can be in.';

-- Equipment states.
INSERT INTO charging_equipment_status (charging_equipment_status_id, status, description, display_order, create_user, update_user) VALUES
    (1, 'Draft',          'Charging equipment is being created or edited',        1, NULL, NULL),
    (2, 'Submitted',      'Charging equipment has been submitted for review',     2, NULL, NULL),
    (3, 'Validated',      'Charging equipment has been validated',                3, NULL, NULL),
    (4, 'Updated',        'Charging equipment has been updated after validation', 4, NULL, NULL),
    (5, 'Decommissioned', 'Charging equipment is no longer in service',           5, NULL, NULL);
SELECT setval('charging_equipment_status_charging_equipment_status_id_seq', (SELECT max(charging_equipment_status_id) FROM charging_equipment_status));

-- A charger at a charging site, versioned like its site. equipment_number is the
-- three-digit suffix of its registration number, hence the check.
CREATE TABLE charging_equipment (
    charging_equipment_id serial,
    charging_site_id      integer          NOT NULL,
    status_id             integer          NOT NULL,
    equipment_number      varchar(3)       NOT NULL,
    serial_number         varchar(500)     NOT NULL,
    manufacturer          varchar(500)     NOT NULL,
    model                 varchar(500),
    level_of_equipment_id integer          NOT NULL,
    ports                 ports_enum,
    notes                 text,
    group_uuid            varchar(36)      NOT NULL,
    version               integer          NOT NULL DEFAULT 0,
    action_type           actiontypeenum   NOT NULL DEFAULT 'CREATE',
    create_date           timestamptz      DEFAULT now(),
    update_date           timestamptz      DEFAULT now(),
    create_user           varchar,
    update_user           varchar,
    latitude              double precision,
    longitude             double precision,
    CONSTRAINT pk_charging_equipment PRIMARY KEY (charging_equipment_id),
    CONSTRAINT fk_charging_equipment_charging_site_id
        FOREIGN KEY (charging_site_id) REFERENCES charging_site (charging_site_id),
    CONSTRAINT fk_charging_equipment_level_of_equipment_id
        FOREIGN KEY (level_of_equipment_id) REFERENCES level_of_equipment (level_of_equipment_id),
    CONSTRAINT fk_charging_equipment_status_id
        FOREIGN KEY (status_id) REFERENCES charging_equipment_status (charging_equipment_status_id),
    CONSTRAINT ck_charging_equipment_ck_charging_equipment_equipment_n_bae0
        CHECK (equipment_number ~ '^[0-9]{3}$')
);
COMMENT ON TABLE charging_equipment IS 'Charger at a charging site; one version of it.';

-- Latest version of a charger, and look-ups by number, level and status.
CREATE INDEX idx_charging_equipment_equipment_number ON charging_equipment (equipment_number);
CREATE INDEX idx_charging_equipment_group_uuid_version_id ON charging_equipment (group_uuid, version DESC, charging_equipment_id DESC);
CREATE INDEX idx_charging_equipment_level_of_equipment_id ON charging_equipment (level_of_equipment_id);
CREATE INDEX idx_charging_equipment_status_id ON charging_equipment (status_id);

-- Intended uses of a charger; they go with the charger.
CREATE TABLE charging_equipment_intended_use_association (
    charging_equipment_id integer NOT NULL,
    end_use_type_id       integer NOT NULL,
    CONSTRAINT pk_charging_equipment_intended_use_association
        PRIMARY KEY (charging_equipment_id, end_use_type_id),
    CONSTRAINT fk_charging_equipment_intended_use_charging_equipment_id
        FOREIGN KEY (charging_equipment_id) REFERENCES charging_equipment (charging_equipment_id) ON DELETE CASCADE,
    CONSTRAINT fk_charging_equipment_intended_use_end_use_type_id
        FOREIGN KEY (end_use_type_id) REFERENCES end_use_type (end_use_type_id)
);
COMMENT ON TABLE charging_equipment_intended_use_association IS 'Intended use of charging equipment.';

-- Intended users of a charger; they go with the charger, and with the user type.
CREATE TABLE charging_equipment_intended_user_association (
    charging_equipment_id integer NOT NULL,
    end_user_type_id      integer NOT NULL,
    CONSTRAINT pk_charging_equipment_intended_user_association
        PRIMARY KEY (charging_equipment_id, end_user_type_id),
    CONSTRAINT fk_charging_equipment_intended_user_association_chargin_6f35
        FOREIGN KEY (charging_equipment_id) REFERENCES charging_equipment (charging_equipment_id) ON DELETE CASCADE,
    CONSTRAINT fk_charging_equipment_intended_user_association_end_use_9336
        FOREIGN KEY (end_user_type_id) REFERENCES end_user_type (end_user_type_id) ON DELETE CASCADE
);
COMMENT ON TABLE charging_equipment_intended_user_association IS 'Intended user of charging equipment.';

-- Both directions of the link.
CREATE INDEX ix_ce_intended_user_equipment_id ON charging_equipment_intended_user_association (charging_equipment_id);
CREATE INDEX ix_ce_intended_user_user_type_id ON charging_equipment_intended_user_association (end_user_type_id);

-- Power output assumed for a charger of a given level, user type and end use. One row per
-- combination.
CREATE TABLE charging_power_output (
    charging_power_output_id serial,
    end_use_type_id          integer      NOT NULL,
    end_user_type_id         integer      NOT NULL,
    level_of_equipment_id    integer      NOT NULL,
    display_order            integer      NOT NULL DEFAULT 0,
    charger_power_output     numeric(8,2) NOT NULL,
    create_date              timestamptz  DEFAULT now(),
    update_date              timestamptz  DEFAULT now(),
    create_user              varchar,
    update_user              varchar,
    CONSTRAINT pk_charging_power_output PRIMARY KEY (charging_power_output_id),
    CONSTRAINT fk_charging_power_output_end_use_type_id_end_use_type
        FOREIGN KEY (end_use_type_id) REFERENCES end_use_type (end_use_type_id),
    CONSTRAINT fk_charging_power_output_end_user_type_id_end_user_type
        FOREIGN KEY (end_user_type_id) REFERENCES end_user_type (end_user_type_id),
    CONSTRAINT fk_cpo_level_of_equipment_id
        FOREIGN KEY (level_of_equipment_id) REFERENCES level_of_equipment (level_of_equipment_id),
    CONSTRAINT uq_charging_power_output_end_use_user_level
        UNIQUE (end_use_type_id, end_user_type_id, level_of_equipment_id)
);
COMMENT ON TABLE charging_power_output IS 'Charger power output for a level of equipment, user type and end use.';

-- The power output look-up by level, user type and end use.
CREATE INDEX idx_cpo_level_user_use_lookup ON charging_power_output (level_of_equipment_id, end_user_type_id, end_use_type_id);

-- Equipment in compliance reports -----------------------------------------------------------------

-- Electricity a charger supplied over a period, as reported in a compliance report. Rows go
-- with their report and their charger. A charger version is reported once per report chain
-- and period, and once per organization in a chain. The period must not end before it starts.
CREATE TABLE compliance_report_charging_equipment (
    charging_equipment_compliance_id serial,
    charging_equipment_id            integer          NOT NULL,
    compliance_report_id             integer          NOT NULL,
    organization_id                  integer          NOT NULL,
    kwh_usage                        double precision,
    compliance_notes                 text,
    create_date                      timestamptz      DEFAULT now(),
    update_date                      timestamptz      DEFAULT now(),
    create_user                      varchar,
    update_user                      varchar,
    supply_from_date                 timestamp        NOT NULL,
    supply_to_date                   timestamp        NOT NULL,
    compliance_report_group_uuid     varchar(36)      NOT NULL,
    charging_equipment_version       integer          NOT NULL,
    is_active                        boolean          NOT NULL DEFAULT true,
    CONSTRAINT pk_compliance_report_charging_equipment
        PRIMARY KEY (charging_equipment_compliance_id),
    CONSTRAINT fk_compliance_report_charging_equipment_charging_equipm_79c6
        FOREIGN KEY (charging_equipment_id) REFERENCES charging_equipment (charging_equipment_id) ON DELETE CASCADE,
    CONSTRAINT fk_compliance_report_charging_equipment_compliance_repo_0a5f
        FOREIGN KEY (compliance_report_id) REFERENCES compliance_report (compliance_report_id) ON DELETE CASCADE,
    CONSTRAINT fk_compliance_report_charging_equipment_organization_id_bd66
        FOREIGN KEY (organization_id) REFERENCES organization (organization_id),
    CONSTRAINT uix_compliance_reporting_equipment_dates
        UNIQUE (compliance_report_group_uuid, charging_equipment_id, charging_equipment_version, supply_from_date, supply_to_date),
    CONSTRAINT uix_compliance_reporting_period_by_org
        UNIQUE (compliance_report_group_uuid, charging_equipment_id, charging_equipment_version, organization_id),
    CONSTRAINT ck_compliance_report_charging_equipment_check_supply_date_order
        CHECK (supply_to_date >= supply_from_date)
);
COMMENT ON TABLE compliance_report_charging_equipment IS 'Electricity supplied by a charger over a period, reported in a compliance report.';

-- Active equipment of an organization's report, and each foreign key.
CREATE INDEX idx_crce_org_report_active_equipment_version ON compliance_report_charging_equipment (organization_id, compliance_report_id, is_active, charging_equipment_id, charging_equipment_version);
CREATE INDEX ix_compliance_report_charging_equipment_charging_equipment_id ON compliance_report_charging_equipment (charging_equipment_id);
CREATE INDEX ix_compliance_report_charging_equipment_compliance_report_id ON compliance_report_charging_equipment (compliance_report_id);
CREATE INDEX ix_compliance_report_charging_equipment_organization_id ON compliance_report_charging_equipment (organization_id);
