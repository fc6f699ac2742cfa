-- Compliance reports and their schedules.
--
-- Each year (or each quarter, for early issuance) an organization reports the fuel it supplied,
-- exported, transferred notionally, put to other uses or allocated, and the charging equipment
-- that supplied electricity. Government assesses the report, and the summary becomes compliance
-- units in the ledger. Supplemental reports and reassessments are new versions of the same report.
--
-- Reference rows are loaded with the ids LCFS gives them, since other rows and the
-- application refer to those ids; each table's sequence is then moved past the highest id.

-- Reporting windows -------------------------------------------------------------------------------

-- Per compliance year: whether suppliers may report yet, whether early issuance is offered,
-- and who may start a supplemental report. One row per year.
CREATE TABLE report_opening (
    report_opening_id            serial,
    compliance_year              integer                              NOT NULL,
    compliance_reporting_enabled boolean                              NOT NULL DEFAULT true,
    early_issuance_enabled       boolean                              NOT NULL DEFAULT false,
    supplemental_report_role     supplemental_report_access_role_enum NOT NULL DEFAULT 'BCeID',
    create_date                  timestamptz                          DEFAULT now(),
    update_date                  timestamptz                          DEFAULT now(),
    create_user                  varchar,
    update_user                  varchar,
    CONSTRAINT pk_report_opening PRIMARY KEY (report_opening_id),
    CONSTRAINT uq_report_opening_compliance_year UNIQUE (compliance_year)
);
COMMENT ON TABLE report_opening IS 'Reporting settings of a compliance year.';

-- Settings for 2019 to 2030.
INSERT INTO report_opening (report_opening_id, compliance_year, compliance_reporting_enabled, early_issuance_enabled, supplemental_report_role, create_user, update_user) VALUES
    (1,  2019, false, false, 'IDIR',  NULL, NULL),
    (2,  2020, false, false, 'IDIR',  NULL, NULL),
    (3,  2021, false, false, 'IDIR',  NULL, NULL),
    (4,  2022, false, false, 'IDIR',  NULL, NULL),
    (5,  2023, false, false, 'IDIR',  NULL, NULL),
    (6,  2024, false, false, 'IDIR',  NULL, NULL),
    (7,  2025, true,  false, 'IDIR',  NULL, NULL),
    (8,  2026, false, false, 'BCeID', NULL, NULL),
    (9,  2027, false, false, 'BCeID', NULL, NULL),
    (10, 2028, false, false, 'BCeID', NULL, NULL),
    (11, 2029, false, false, 'BCeID', NULL, NULL),
    (12, 2030, false, false, 'BCeID', NULL, NULL);
SELECT setval('report_opening_report_opening_id_seq', (SELECT max(report_opening_id) FROM report_opening));

-- Whether an organization takes early issuance (quarterly reports, credits issued as they
-- are earned) in a compliance period. One row per organization and period.
CREATE TABLE organization_early_issuance_by_year (
    early_issuance_by_year_id serial,
    organization_id           integer     NOT NULL,
    compliance_period_id      integer     NOT NULL,
    has_early_issuance        boolean     NOT NULL DEFAULT false,
    create_date               timestamptz DEFAULT now(),
    update_date               timestamptz DEFAULT now(),
    create_user               varchar,
    update_user               varchar,
    CONSTRAINT pk_organization_early_issuance_by_year PRIMARY KEY (early_issuance_by_year_id),
    CONSTRAINT fk_organization_early_issuance_by_year_compliance_period_id
        FOREIGN KEY (compliance_period_id) REFERENCES compliance_period (compliance_period_id),
    CONSTRAINT fk_organization_early_issuance_by_year_organization_id
        FOREIGN KEY (organization_id) REFERENCES organization (organization_id),
    CONSTRAINT uq_organization_early_issuance_by_year UNIQUE (organization_id, compliance_period_id)
);
COMMENT ON TABLE organization_early_issuance_by_year IS 'Early issuance choice of an organization for a compliance period.';

-- Reports -----------------------------------------------------------------------------------------

-- Workflow states of a compliance report.
CREATE TABLE compliance_report_status (
    compliance_report_status_id serial,
    display_order               integer,
    status                      compliancereportstatusenum NOT NULL,
    create_date                 timestamptz                DEFAULT now(),
    update_date                 timestamptz                DEFAULT now(),
    effective_date              date,
    effective_status            boolean                    NOT NULL,
    expiration_date             date,
    CONSTRAINT pk_compliance_report_status PRIMARY KEY (compliance_report_status_id)
);
COMMENT ON TABLE compliance_report_status IS 'Status a compliance report can be in.';

-- Report states (id 6 is not used).
INSERT INTO compliance_report_status (compliance_report_status_id, display_order, status, effective_date, effective_status, expiration_date) VALUES
    (1,  NULL, 'Draft',                      NULL, true, NULL),
    (2,  NULL, 'Submitted',                  NULL, true, NULL),
    (3,  NULL, 'Recommended_by_analyst',     NULL, true, NULL),
    (4,  NULL, 'Recommended_by_manager',     NULL, true, NULL),
    (5,  NULL, 'Assessed',                   NULL, true, NULL),
    (7,  NULL, 'Rejected',                   NULL, true, NULL),
    (8,  NULL, 'Not_recommended_by_analyst', NULL, true, NULL),
    (9,  NULL, 'Not_recommended_by_manager', NULL, true, NULL),
    (10, NULL, 'Analyst_adjustment',         NULL, true, NULL),
    (11, NULL, 'Supplemental_requested',     NULL, true, NULL),
    (12, NULL, 'Exempted',                   NULL, true, NULL);
SELECT setval('compliance_report_status_compliance_report_status_id_seq', (SELECT max(compliance_report_status_id) FROM compliance_report_status));

-- An organization's report for a compliance period. Supplemental reports and reassessments
-- are new versions sharing compliance_report_group_uuid. transaction_id is the ledger entry
-- of the assessed result.
CREATE TABLE compliance_report (
    compliance_report_id         serial,
    compliance_period_id         integer                   NOT NULL,
    organization_id              integer                   NOT NULL,
    current_status_id            integer,
    transaction_id               integer,
    compliance_report_group_uuid varchar(36)               NOT NULL,
    legacy_id                    integer,
    version                      integer                   NOT NULL,
    supplemental_initiator       supplementalinitiatortype,
    reporting_frequency          reportingfrequency        NOT NULL,
    nickname                     varchar,
    supplemental_note            varchar,
    create_date                  timestamptz               DEFAULT now(),
    update_date                  timestamptz               DEFAULT now(),
    create_user                  varchar,
    update_user                  varchar,
    assessment_statement         varchar,
    assigned_analyst_id          integer,
    is_non_assessment            boolean                   NOT NULL DEFAULT false,
    is_renewable_fuel_exempted   boolean                   NOT NULL DEFAULT false,
    is_low_carbon_fuel_exempted  boolean                   NOT NULL DEFAULT false,
    CONSTRAINT pk_compliance_report PRIMARY KEY (compliance_report_id),
    CONSTRAINT fk_compliance_report_assigned_analyst_id_user_profile
        FOREIGN KEY (assigned_analyst_id) REFERENCES user_profile (user_profile_id),
    CONSTRAINT fk_compliance_report_compliance_period_id_compliance_period
        FOREIGN KEY (compliance_period_id) REFERENCES compliance_period (compliance_period_id),
    CONSTRAINT fk_compliance_report_current_status_id_compliance_report_status
        FOREIGN KEY (current_status_id) REFERENCES compliance_report_status (compliance_report_status_id),
    CONSTRAINT fk_compliance_report_organization_id_organization
        FOREIGN KEY (organization_id) REFERENCES organization (organization_id),
    CONSTRAINT fk_compliance_report_transaction_id_transaction
        FOREIGN KEY (transaction_id) REFERENCES transaction (transaction_id)
);
COMMENT ON TABLE compliance_report IS 'Compliance report of an organization for a compliance period; one version of a report chain.';

-- Reports of an analyst, and the versions of a report chain in order.
CREATE INDEX idx_compliance_report_assigned_analyst_id ON compliance_report (assigned_analyst_id);
CREATE INDEX idx_compliance_report_group_uuid_version_id ON compliance_report (compliance_report_group_uuid, version, compliance_report_id);

-- Each status a report reached, and who moved it there; a report reaches a status once.
CREATE TABLE compliance_report_history (
    compliance_report_history_id serial,
    compliance_report_id         integer      NOT NULL,
    status_id                    integer      NOT NULL,
    user_profile_id              integer,
    display_name                 varchar(255),
    create_date                  timestamptz  DEFAULT now(),
    update_date                  timestamptz  DEFAULT now(),
    create_user                  varchar,
    update_user                  varchar,
    CONSTRAINT pk_compliance_report_history PRIMARY KEY (compliance_report_history_id),
    CONSTRAINT fk_compliance_report_history_compliance_report_id_compl_9317
        FOREIGN KEY (compliance_report_id) REFERENCES compliance_report (compliance_report_id),
    CONSTRAINT fk_compliance_report_history_status_id_compliance_report_status
        FOREIGN KEY (status_id) REFERENCES compliance_report_status (compliance_report_status_id),
    CONSTRAINT fk_compliance_report_history_user_profile_id_user_profile
        FOREIGN KEY (user_profile_id) REFERENCES user_profile (user_profile_id),
    CONSTRAINT uq_compliance_report_id_status_id UNIQUE (compliance_report_id, status_id)
);
COMMENT ON TABLE compliance_report_history IS 'Status change of a compliance report.';

-- The summary lines of a report (renewable fuel requirement, low carbon fuel requirement and
-- penalties), computed from the schedules and locked once submitted.
CREATE TABLE compliance_report_summary (
    summary_id                                       serial,
    compliance_report_id                             integer,
    quarter                                          integer,
    is_locked                                        boolean,
    line_1_fossil_derived_base_fuel_gasoline         double precision NOT NULL,
    line_1_fossil_derived_base_fuel_diesel           double precision NOT NULL,
    line_1_fossil_derived_base_fuel_jet_fuel         double precision NOT NULL,
    line_2_eligible_renewable_fuel_supplied_gasoline double precision NOT NULL,
    line_2_eligible_renewable_fuel_supplied_diesel   double precision NOT NULL,
    line_2_eligible_renewable_fuel_supplied_jet_fuel double precision NOT NULL,
    line_3_total_tracked_fuel_supplied_gasoline      double precision NOT NULL,
    line_3_total_tracked_fuel_supplied_diesel        double precision NOT NULL,
    line_3_total_tracked_fuel_supplied_jet_fuel      double precision NOT NULL,
    line_4_eligible_renewable_fuel_required_gasoline double precision NOT NULL,
    line_4_eligible_renewable_fuel_required_diesel   double precision NOT NULL,
    line_4_eligible_renewable_fuel_required_jet_fuel double precision NOT NULL,
    line_5_net_notionally_transferred_gasoline       double precision NOT NULL,
    line_5_net_notionally_transferred_diesel         double precision NOT NULL,
    line_5_net_notionally_transferred_jet_fuel       double precision NOT NULL,
    line_6_renewable_fuel_retained_gasoline          double precision NOT NULL,
    line_6_renewable_fuel_retained_diesel            double precision NOT NULL,
    line_6_renewable_fuel_retained_jet_fuel          double precision NOT NULL,
    line_7_previously_retained_gasoline              double precision NOT NULL,
    line_7_previously_retained_diesel                double precision NOT NULL,
    line_7_previously_retained_jet_fuel              double precision NOT NULL,
    line_8_obligation_deferred_gasoline              double precision NOT NULL,
    line_8_obligation_deferred_diesel                double precision NOT NULL,
    line_8_obligation_deferred_jet_fuel              double precision NOT NULL,
    line_9_obligation_added_gasoline                 double precision NOT NULL,
    line_9_obligation_added_diesel                   double precision NOT NULL,
    line_9_obligation_added_jet_fuel                 double precision NOT NULL,
    line_10_net_renewable_fuel_supplied_gasoline     double precision NOT NULL,
    line_10_net_renewable_fuel_supplied_diesel       double precision NOT NULL,
    line_10_net_renewable_fuel_supplied_jet_fuel     double precision NOT NULL,
    line_11_non_compliance_penalty_gasoline          double precision,
    line_11_non_compliance_penalty_diesel            double precision,
    line_11_non_compliance_penalty_jet_fuel          double precision,
    line_12_low_carbon_fuel_required                 double precision NOT NULL,
    line_13_low_carbon_fuel_supplied                 double precision NOT NULL,
    line_14_low_carbon_fuel_surplus                  double precision NOT NULL,
    line_15_banked_units_used                        double precision NOT NULL,
    line_16_banked_units_remaining                   double precision NOT NULL,
    line_17_non_banked_units_used                    double precision NOT NULL,
    line_18_units_to_be_banked                       double precision NOT NULL,
    line_19_units_to_be_exported                     double precision NOT NULL,
    line_20_surplus_deficit_units                    double precision NOT NULL,
    line_21_surplus_deficit_ratio                    double precision NOT NULL,
    line_22_compliance_units_issued                  double precision NOT NULL,
    line_11_fossil_derived_base_fuel_gasoline        double precision NOT NULL,
    line_11_fossil_derived_base_fuel_diesel          double precision NOT NULL,
    line_11_fossil_derived_base_fuel_jet_fuel        double precision NOT NULL,
    line_11_fossil_derived_base_fuel_total           double precision NOT NULL,
    line_21_non_compliance_penalty_payable           double precision NOT NULL,
    total_non_compliance_penalty_payable             double precision NOT NULL,
    create_date                                      timestamptz      DEFAULT now(),
    update_date                                      timestamptz      DEFAULT now(),
    create_user                                      varchar,
    update_user                                      varchar,
    early_issuance_credits_q1                        integer,
    early_issuance_credits_q2                        integer,
    early_issuance_credits_q3                        integer,
    early_issuance_credits_q4                        integer,
    penalty_override_enabled                         boolean          NOT NULL DEFAULT false,
    renewable_penalty_override                       double precision,
    low_carbon_penalty_override                      double precision,
    penalty_override_date                            timestamptz,
    penalty_override_user                            integer,
    historical_snapshot                              jsonb,
    CONSTRAINT pk_compliance_report_summary PRIMARY KEY (summary_id),
    CONSTRAINT fk_compliance_report_summary_compliance_report_id_compl_13bd
        FOREIGN KEY (compliance_report_id) REFERENCES compliance_report (compliance_report_id),
    CONSTRAINT fk_compliance_report_summary_penalty_override_user_user_profile
        FOREIGN KEY (penalty_override_user) REFERENCES user_profile (user_profile_id)
);
COMMENT ON TABLE compliance_report_summary IS 'Summary lines of a compliance report.';

-- The organization's names and addresses as they were when the report was made, so later
-- changes to the organization do not rewrite old reports.
CREATE TABLE compliance_report_organization_snapshot (
    organization_snapshot_id serial,
    compliance_report_id     integer,
    name                     varchar(500),
    operating_name           varchar(500),
    email                    varchar(255),
    phone                    varchar(50),
    service_address          varchar(500),
    head_office_address      varchar(500),
    is_edited                boolean          NOT NULL,
    create_date              timestamptz      DEFAULT now(),
    update_date              timestamptz      DEFAULT now(),
    create_user              varchar,
    update_user              varchar,
    records_address          varchar(500),
    latitude                 double precision,
    longitude                double precision,
    CONSTRAINT pk_compliance_report_organization_snapshot PRIMARY KEY (organization_snapshot_id),
    CONSTRAINT fk_compliance_report_organization_snapshot_compliance_r_c9ef
        FOREIGN KEY (compliance_report_id) REFERENCES compliance_report (compliance_report_id)
);
COMMENT ON TABLE compliance_report_organization_snapshot IS 'Organization details as of a compliance report.';

-- Fuel schedules ----------------------------------------------------------------------------------

-- Fuel supplied in British Columbia, one line per fuel, category and provision. Lines are
-- versioned (group_uuid, version, action_type) across the versions of a report.
CREATE TABLE fuel_supply (
    fuel_supply_id          serial,
    compliance_report_id    integer           NOT NULL,
    quantity                bigint,
    units                   quantityunitsenum NOT NULL,
    compliance_units        numeric(13,5),
    target_ci               numeric(13,5),
    ci_of_fuel              numeric(10,2),
    energy_density          numeric(10,2),
    eer                     numeric(10,2),
    uci                     numeric(10,2),
    energy                  numeric(20,2),
    fuel_type_other         varchar(1000),
    fuel_category_id        integer           NOT NULL,
    fuel_code_id            integer,
    fuel_type_id            integer           NOT NULL,
    provision_of_the_act_id integer           NOT NULL,
    end_use_id              integer,
    create_date             timestamptz       DEFAULT now(),
    update_date             timestamptz       DEFAULT now(),
    create_user             varchar,
    update_user             varchar,
    group_uuid              varchar(36)       NOT NULL,
    version                 integer           NOT NULL,
    action_type             actiontypeenum    NOT NULL DEFAULT 'CREATE',
    q1_quantity             bigint,
    q2_quantity             bigint,
    q3_quantity             bigint,
    q4_quantity             bigint,
    is_canada_produced      boolean           DEFAULT false,
    is_q1_supplied          boolean           DEFAULT false,
    CONSTRAINT pk_fuel_supply PRIMARY KEY (fuel_supply_id),
    CONSTRAINT fk_fuel_supply_compliance_report_id_compliance_report
        FOREIGN KEY (compliance_report_id) REFERENCES compliance_report (compliance_report_id),
    CONSTRAINT fk_fuel_supply_end_use_id_end_use_type
        FOREIGN KEY (end_use_id) REFERENCES end_use_type (end_use_type_id),
    CONSTRAINT fk_fuel_supply_fuel_category_id_fuel_category
        FOREIGN KEY (fuel_category_id) REFERENCES fuel_category (fuel_category_id),
    CONSTRAINT fk_fuel_supply_fuel_code_id_fuel_code
        FOREIGN KEY (fuel_code_id) REFERENCES fuel_code (fuel_code_id),
    CONSTRAINT fk_fuel_supply_fuel_type_id_fuel_type
        FOREIGN KEY (fuel_type_id) REFERENCES fuel_type (fuel_type_id),
    CONSTRAINT fk_fuel_supply_provision_of_the_act_id_provision_of_the_act
        FOREIGN KEY (provision_of_the_act_id) REFERENCES provision_of_the_act (provision_of_the_act_id)
);
COMMENT ON TABLE fuel_supply IS 'Schedule line of fuel supplied in a compliance report.';

-- Finds the latest version of each line of a report.
CREATE INDEX idx_fuel_supply_report_group_version_action ON fuel_supply (compliance_report_id, group_uuid, version DESC, action_type);

-- Fuel exported from British Columbia; versioned like fuel supply.
CREATE TABLE fuel_export (
    fuel_export_id          serial,
    compliance_report_id    integer           NOT NULL,
    export_date             date,
    quarter                 quarter,
    quantity                bigint            NOT NULL,
    units                   quantityunitsenum NOT NULL,
    compliance_units        numeric(13,5),
    target_ci               numeric(13,5),
    ci_of_fuel              numeric(10,2),
    uci                     numeric(10,2),
    energy_density          numeric(10,2),
    eer                     numeric(10,2),
    energy                  numeric(12,2),
    fuel_category_id        integer           NOT NULL,
    fuel_code_id            integer,
    fuel_type_id            integer           NOT NULL,
    provision_of_the_act_id integer           NOT NULL,
    end_use_id              integer,
    fuel_type_other         varchar(1000),
    create_date             timestamptz       DEFAULT now(),
    update_date             timestamptz       DEFAULT now(),
    create_user             varchar,
    update_user             varchar,
    group_uuid              varchar(36)       NOT NULL,
    version                 integer           NOT NULL,
    action_type             actiontypeenum    NOT NULL DEFAULT 'CREATE',
    CONSTRAINT pk_fuel_export PRIMARY KEY (fuel_export_id),
    CONSTRAINT fk_fuel_export_compliance_report_id_compliance_report
        FOREIGN KEY (compliance_report_id) REFERENCES compliance_report (compliance_report_id),
    CONSTRAINT fk_fuel_export_end_use_id_end_use_type
        FOREIGN KEY (end_use_id) REFERENCES end_use_type (end_use_type_id),
    CONSTRAINT fk_fuel_export_fuel_category_id_fuel_category
        FOREIGN KEY (fuel_category_id) REFERENCES fuel_category (fuel_category_id),
    CONSTRAINT fk_fuel_export_fuel_code_id_fuel_code
        FOREIGN KEY (fuel_code_id) REFERENCES fuel_code (fuel_code_id),
    CONSTRAINT fk_fuel_export_fuel_type_id_fuel_type
        FOREIGN KEY (fuel_type_id) REFERENCES fuel_type (fuel_type_id),
    CONSTRAINT fk_fuel_export_provision_of_the_act_id_provision_of_the_act
        FOREIGN KEY (provision_of_the_act_id) REFERENCES provision_of_the_act (provision_of_the_act_id)
);
COMMENT ON TABLE fuel_export IS 'Schedule line of fuel exported in a compliance report.';

-- Finds the latest version of each line of a report.
CREATE INDEX idx_fuel_export_report_group_version_action ON fuel_export (compliance_report_id, group_uuid, version DESC, action_type);

-- Renewable fuel notionally transferred to or received from another supplier; versioned like
-- fuel supply.
CREATE TABLE notional_transfer (
    notional_transfer_id    serial,
    compliance_report_id    integer                   NOT NULL,
    quantity                bigint,
    legal_name              varchar                   NOT NULL,
    address_for_service     varchar                   NOT NULL,
    fuel_category_id        integer                   NOT NULL,
    received_or_transferred receivedortransferredenum NOT NULL,
    create_date             timestamptz               DEFAULT now(),
    update_date             timestamptz               DEFAULT now(),
    create_user             varchar,
    update_user             varchar,
    group_uuid              varchar(36)               NOT NULL,
    version                 integer                   NOT NULL,
    action_type             actiontypeenum            NOT NULL DEFAULT 'CREATE',
    q1_quantity             bigint,
    q2_quantity             bigint,
    q3_quantity             bigint,
    q4_quantity             bigint,
    is_canada_produced      boolean                   DEFAULT false,
    is_q1_supplied          boolean                   DEFAULT false,
    CONSTRAINT pk_notional_transfer PRIMARY KEY (notional_transfer_id),
    CONSTRAINT fk_notional_transfer_compliance_report_id_compliance_report
        FOREIGN KEY (compliance_report_id) REFERENCES compliance_report (compliance_report_id),
    CONSTRAINT fk_notional_transfer_fuel_category_id_fuel_category
        FOREIGN KEY (fuel_category_id) REFERENCES fuel_category (fuel_category_id)
);
COMMENT ON TABLE notional_transfer IS 'Schedule line of a notional transfer in a compliance report.';

-- Finds the latest version of each line of a report.
CREATE INDEX idx_notional_transfer_report_group_version_action ON notional_transfer (compliance_report_id, group_uuid, version DESC, action_type);

-- Fuel supplied for uses the requirement does not cover (heating oil, ...); versioned like
-- fuel supply.
CREATE TABLE other_uses (
    other_uses_id           serial,
    compliance_report_id    integer        NOT NULL,
    fuel_type_id            integer        NOT NULL,
    fuel_category_id        integer        NOT NULL,
    provision_of_the_act_id integer,
    fuel_code_id            integer,
    ci_of_fuel              numeric(10,2),
    quantity_supplied       bigint         NOT NULL,
    units                   varchar        NOT NULL,
    expected_use_id         integer        NOT NULL,
    rationale               varchar,
    create_date             timestamptz    DEFAULT now(),
    update_date             timestamptz    DEFAULT now(),
    create_user             varchar,
    update_user             varchar,
    group_uuid              varchar(36)    NOT NULL,
    version                 integer        NOT NULL,
    action_type             actiontypeenum NOT NULL DEFAULT 'CREATE',
    is_canada_produced      boolean        DEFAULT false,
    is_q1_supplied          boolean        DEFAULT false,
    CONSTRAINT pk_other_uses PRIMARY KEY (other_uses_id),
    CONSTRAINT fk_other_uses_compliance_report_id_compliance_report
        FOREIGN KEY (compliance_report_id) REFERENCES compliance_report (compliance_report_id),
    CONSTRAINT fk_other_uses_expected_use_id_expected_use_type
        FOREIGN KEY (expected_use_id) REFERENCES expected_use_type (expected_use_type_id),
    CONSTRAINT fk_other_uses_fuel_category_id_fuel_category
        FOREIGN KEY (fuel_category_id) REFERENCES fuel_category (fuel_category_id),
    CONSTRAINT fk_other_uses_fuel_code_id_fuel_code
        FOREIGN KEY (fuel_code_id) REFERENCES fuel_code (fuel_code_id),
    CONSTRAINT fk_other_uses_fuel_type_id_fuel_type
        FOREIGN KEY (fuel_type_id) REFERENCES fuel_type (fuel_type_id),
    CONSTRAINT fk_other_uses_provision_of_the_act_id_provision_of_the_act
        FOREIGN KEY (provision_of_the_act_id) REFERENCES provision_of_the_act (provision_of_the_act_id)
);
COMMENT ON TABLE other_uses IS 'Schedule line of fuel put to other uses in a compliance report.';

-- Finds the latest version of each line of a report.
CREATE INDEX idx_other_uses_report_group_version_action ON other_uses (compliance_report_id, group_uuid, version DESC, action_type);

-- Allocation agreements ---------------------------------------------------------------------------

-- Whether fuel was allocated to or from another supplier.
CREATE TABLE allocation_transaction_type (
    allocation_transaction_type_id serial,
    type                           varchar     NOT NULL,
    description                    varchar,
    create_date                    timestamptz DEFAULT now(),
    update_date                    timestamptz DEFAULT now(),
    effective_date                 date,
    effective_status               boolean     NOT NULL,
    expiration_date                date,
    display_order                  integer,
    CONSTRAINT pk_allocation_transaction_type PRIMARY KEY (allocation_transaction_type_id)
);
COMMENT ON TABLE allocation_transaction_type IS 'Direction of an allocation agreement.';

-- Both directions.
INSERT INTO allocation_transaction_type (allocation_transaction_type_id, type, description, effective_date, effective_status, expiration_date, display_order) VALUES
    (1, 'Allocated from', 'Fuel allocated from another supplier under an allocation agreement', '2012-01-01', true, NULL, 1),
    (2, 'Allocated to',   'Fuel allocated to another supplier under an allocation agreement',   '2012-01-01', true, NULL, 2);
SELECT setval('allocation_transaction_type_allocation_transaction_type_id_seq', (SELECT max(allocation_transaction_type_id) FROM allocation_transaction_type));

-- Fuel for which the obligation was allocated between suppliers by agreement; versioned like
-- fuel supply.
CREATE TABLE allocation_agreement (
    allocation_agreement_id        serial,
    transaction_partner            varchar        NOT NULL,
    postal_address                 varchar        NOT NULL,
    transaction_partner_email      varchar,
    transaction_partner_phone      varchar,
    ci_of_fuel                     numeric(10,2),
    quantity                       bigint,
    units                          varchar        NOT NULL,
    fuel_type_other                varchar(1000),
    allocation_transaction_type_id integer        NOT NULL,
    fuel_type_id                   integer        NOT NULL,
    fuel_category_id               integer,
    provision_of_the_act_id        integer,
    fuel_code_id                   integer,
    compliance_report_id           integer        NOT NULL,
    create_date                    timestamptz    DEFAULT now(),
    update_date                    timestamptz    DEFAULT now(),
    create_user                    varchar,
    update_user                    varchar,
    display_order                  integer,
    group_uuid                     varchar(36)    NOT NULL,
    version                        integer        NOT NULL,
    action_type                    actiontypeenum NOT NULL,
    quantity_not_sold              bigint,
    q1_quantity                    bigint,
    q2_quantity                    bigint,
    q3_quantity                    bigint,
    q4_quantity                    bigint,
    CONSTRAINT pk_allocation_agreement PRIMARY KEY (allocation_agreement_id),
    CONSTRAINT fk_allocation_agreement_allocation_transaction_type_id__0c98
        FOREIGN KEY (allocation_transaction_type_id) REFERENCES allocation_transaction_type (allocation_transaction_type_id),
    CONSTRAINT fk_allocation_agreement_compliance_report_id_compliance_report
        FOREIGN KEY (compliance_report_id) REFERENCES compliance_report (compliance_report_id),
    CONSTRAINT fk_allocation_agreement_fuel_category_id_fuel_category
        FOREIGN KEY (fuel_category_id) REFERENCES fuel_category (fuel_category_id),
    CONSTRAINT fk_allocation_agreement_fuel_code_id_fuel_code
        FOREIGN KEY (fuel_code_id) REFERENCES fuel_code (fuel_code_id),
    CONSTRAINT fk_allocation_agreement_fuel_type_id_fuel_type
        FOREIGN KEY (fuel_type_id) REFERENCES fuel_type (fuel_type_id),
    CONSTRAINT fk_allocation_agreement_provision_of_the_act_id_provisi_e302
        FOREIGN KEY (provision_of_the_act_id) REFERENCES provision_of_the_act (provision_of_the_act_id)
);
COMMENT ON TABLE allocation_agreement IS 'Schedule line of an allocation agreement in a compliance report.';

-- Finds the latest version of each line of a report; the address and group look-ups serve the
-- duplicate checks.
CREATE INDEX idx_allocation_agreement_addr_norm ON allocation_agreement (lower(trim(postal_address)));
CREATE INDEX idx_allocation_agreement_report_group_version_action ON allocation_agreement (compliance_report_id, group_uuid, version DESC, action_type);
CREATE INDEX ix_allocation_agreement_group_uuid ON allocation_agreement (group_uuid);

-- Final supply equipment --------------------------------------------------------------------------

-- Charging and fueling equipment reported in a compliance report, with the electricity it
-- supplied over a period.
CREATE TABLE final_supply_equipment (
    final_supply_equipment_id serial,
    compliance_report_id      integer          NOT NULL,
    supply_from_date          date             NOT NULL,
    supply_to_date            date             NOT NULL,
    kwh_usage                 double precision,
    registration_nbr          varchar,
    serial_nbr                varchar          NOT NULL,
    manufacturer              varchar          NOT NULL,
    model                     varchar,
    level_of_equipment_id     integer          NOT NULL,
    ports                     ports_enum,
    street_address            varchar          NOT NULL,
    city                      varchar          NOT NULL,
    postal_code               varchar          NOT NULL,
    latitude                  double precision NOT NULL,
    longitude                 double precision NOT NULL,
    notes                     text,
    organization_name         text,
    create_date               timestamptz      DEFAULT now(),
    update_date               timestamptz      DEFAULT now(),
    create_user               varchar,
    update_user               varchar,
    CONSTRAINT pk_final_supply_equipment PRIMARY KEY (final_supply_equipment_id),
    CONSTRAINT fk_final_supply_equipment_compliance_report_id_complian_10b2
        FOREIGN KEY (compliance_report_id) REFERENCES compliance_report (compliance_report_id),
    CONSTRAINT fk_final_supply_equipment_level_of_equipment_id_level_o_7493
        FOREIGN KEY (level_of_equipment_id) REFERENCES level_of_equipment (level_of_equipment_id)
);
COMMENT ON TABLE final_supply_equipment IS 'Final supply equipment reported in a compliance report.';

-- Equipment of a report, the duplicate checks on normalized addresses and names,
-- registration numbers, locations and supply dates.
CREATE INDEX idx_final_supply_equipment_report_create_date ON final_supply_equipment (compliance_report_id, create_date);
CREATE INDEX idx_fse_full_address_norm ON final_supply_equipment (lower(trim(street_address)), lower(trim(city)), lower(trim(postal_code)));
CREATE INDEX idx_fse_info_location ON final_supply_equipment (latitude, longitude);
CREATE INDEX idx_fse_info_org_year ON final_supply_equipment (compliance_report_id);
CREATE INDEX idx_fse_info_supply_dates ON final_supply_equipment (supply_from_date, supply_to_date);
CREATE INDEX idx_fse_organization_name_norm ON final_supply_equipment (lower(trim(organization_name)));
CREATE INDEX ix_final_supply_equipment_compliance_report_id ON final_supply_equipment (compliance_report_id);
CREATE INDEX ix_final_supply_equipment_level_of_equipment_id ON final_supply_equipment (level_of_equipment_id);
CREATE INDEX ix_final_supply_equipment_registration_nbr ON final_supply_equipment (registration_nbr);

-- Intended uses of a piece of final supply equipment; they go with the equipment.
CREATE TABLE final_supply_intended_use_association (
    final_supply_equipment_id integer NOT NULL,
    end_use_type_id           integer NOT NULL,
    CONSTRAINT pk_final_supply_intended_use_association
        PRIMARY KEY (final_supply_equipment_id, end_use_type_id),
    CONSTRAINT fk_final_supply_intended_use_association_end_use_type_i_e6eb
        FOREIGN KEY (end_use_type_id) REFERENCES end_use_type (end_use_type_id),
    CONSTRAINT fk_final_supply_intended_use_association_final_supply_e_87ff
        FOREIGN KEY (final_supply_equipment_id) REFERENCES final_supply_equipment (final_supply_equipment_id) ON DELETE CASCADE
);
COMMENT ON TABLE final_supply_intended_use_association IS 'Intended use of final supply equipment.';

-- Intended users of a piece of final supply equipment; they go with the equipment.
CREATE TABLE final_supply_intended_user_association (
    final_supply_equipment_id integer NOT NULL,
    end_user_type_id          integer NOT NULL,
    CONSTRAINT pk_final_supply_intended_user_association
        PRIMARY KEY (final_supply_equipment_id, end_user_type_id),
    CONSTRAINT fk_final_supply_intended_user_association_end_user_type_8eec
        FOREIGN KEY (end_user_type_id) REFERENCES end_user_type (end_user_type_id),
    CONSTRAINT fk_final_supply_intended_user_association_final_supply__a504
        FOREIGN KEY (final_supply_equipment_id) REFERENCES final_supply_equipment (final_supply_equipment_id) ON DELETE CASCADE
);
COMMENT ON TABLE final_supply_intended_user_association IS 'Intended user of final supply equipment.';

-- The last sequence number used in registration numbers for an organization code and postal
-- code, so that each new piece of equipment gets the next one.
CREATE TABLE final_supply_equipment_reg_number (
    organization_code       varchar     NOT NULL,
    postal_code             varchar     NOT NULL,
    current_sequence_number integer     NOT NULL,
    create_date             timestamptz DEFAULT now(),
    update_date             timestamptz DEFAULT now(),
    CONSTRAINT pk_final_supply_equipment_reg_number PRIMARY KEY (organization_code, postal_code)
);
COMMENT ON TABLE final_supply_equipment_reg_number IS 'Registration number counter per organization code and postal code.';
