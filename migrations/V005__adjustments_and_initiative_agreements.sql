-- Administrative adjustments and initiative agreements.
--
-- Two ways government issues or removes compliance units outside a compliance report: an
-- administrative adjustment corrects a balance, an initiative agreement rewards a project that
-- reduces carbon intensity. Both become a ledger transaction once approved.
--
-- Reference rows are loaded with the ids LCFS gives them, since other rows and the
-- application refer to those ids; each table's sequence is then moved past the highest id.

-- Administrative adjustments ----------------------------------------------------------------------

-- Workflow states of an administrative adjustment.
CREATE TABLE admin_adjustment_status (
    admin_adjustment_status_id serial,
    status                     admin_adjustment_type_enum,
    create_date                timestamptz                DEFAULT now(),
    update_date                timestamptz                DEFAULT now(),
    create_user                varchar,
    update_user                varchar,
    display_order              integer,
    CONSTRAINT pk_admin_adjustment_status PRIMARY KEY (admin_adjustment_status_id)
);
COMMENT ON TABLE admin_adjustment_status IS 'Status an administrative adjustment can be in.';

-- Adjustment states.
INSERT INTO admin_adjustment_status (admin_adjustment_status_id, status, create_user, update_user, display_order) VALUES
    (1, 'Draft',       NULL, NULL, NULL),
    (2, 'Recommended', NULL, NULL, NULL),
    (3, 'Approved',    NULL, NULL, NULL),
    (4, 'Deleted',     NULL, NULL, NULL);
SELECT setval('admin_adjustment_status_admin_adjustment_status_id_seq', (SELECT max(admin_adjustment_status_id) FROM admin_adjustment_status));

-- Units government adds to or removes from an organization outside a compliance report.
-- transaction_id is the ledger entry created on approval.
CREATE TABLE admin_adjustment (
    admin_adjustment_id        serial,
    compliance_units           bigint,
    transaction_effective_date timestamp,
    gov_comment                varchar(1500),
    to_organization_id         integer,
    transaction_id             integer,
    current_status_id          integer,
    create_date                timestamptz   DEFAULT now(),
    update_date                timestamptz   DEFAULT now(),
    create_user                varchar,
    update_user                varchar,
    effective_date             date,
    effective_status           boolean       NOT NULL,
    expiration_date            date,
    CONSTRAINT pk_admin_adjustment PRIMARY KEY (admin_adjustment_id),
    CONSTRAINT fk_admin_adjustment_current_status_id_admin_adjustment_status
        FOREIGN KEY (current_status_id) REFERENCES admin_adjustment_status (admin_adjustment_status_id),
    CONSTRAINT fk_admin_adjustment_to_organization_id_organization
        FOREIGN KEY (to_organization_id) REFERENCES organization (organization_id),
    CONSTRAINT fk_admin_adjustment_transaction_id_transaction
        FOREIGN KEY (transaction_id) REFERENCES transaction (transaction_id)
);
COMMENT ON TABLE admin_adjustment IS 'Administrative adjustment of an organization''s compliance units.';

-- Each status an administrative adjustment went through, and who moved it there.
CREATE TABLE admin_adjustment_history (
    admin_adjustment_history_id serial,
    admin_adjustment_id         integer,
    admin_adjustment_status_id  integer,
    user_profile_id             integer,
    display_name                varchar(255),
    create_date                 timestamptz  DEFAULT now(),
    update_date                 timestamptz  DEFAULT now(),
    create_user                 varchar,
    update_user                 varchar,
    effective_date              date,
    effective_status            boolean      NOT NULL,
    expiration_date             date,
    CONSTRAINT pk_admin_adjustment_history PRIMARY KEY (admin_adjustment_history_id),
    CONSTRAINT fk_admin_adjustment_history_admin_adjustment_id_admin_a_794b
        FOREIGN KEY (admin_adjustment_id) REFERENCES admin_adjustment (admin_adjustment_id),
    CONSTRAINT fk_admin_adjustment_history_admin_adjustment_status_id__ce6e
        FOREIGN KEY (admin_adjustment_status_id) REFERENCES admin_adjustment_status (admin_adjustment_status_id),
    CONSTRAINT fk_admin_adjustment_history_user_profile_id_user_profile
        FOREIGN KEY (user_profile_id) REFERENCES user_profile (user_profile_id)
);
COMMENT ON TABLE admin_adjustment_history IS 'Status change of an administrative adjustment.';

-- Initiative agreements ---------------------------------------------------------------------------

-- Workflow states of an initiative agreement.
CREATE TABLE initiative_agreement_status (
    initiative_agreement_status_id serial,
    status                         initiative_agreement_type_enum,
    create_date                    timestamptz                    DEFAULT now(),
    update_date                    timestamptz                    DEFAULT now(),
    create_user                    varchar,
    update_user                    varchar,
    display_order                  integer,
    CONSTRAINT pk_initiative_agreement_status PRIMARY KEY (initiative_agreement_status_id)
);
COMMENT ON TABLE initiative_agreement_status IS 'Status an initiative agreement can be in.';

-- Agreement states.
INSERT INTO initiative_agreement_status (initiative_agreement_status_id, status, create_user, update_user, display_order) VALUES
    (1, 'Draft',       NULL, NULL, NULL),
    (2, 'Recommended', NULL, NULL, NULL),
    (3, 'Approved',    NULL, NULL, NULL),
    (4, 'Deleted',     NULL, NULL, NULL);
SELECT setval('initiative_agreement_status_initiative_agreement_status_id_seq', (SELECT max(initiative_agreement_status_id) FROM initiative_agreement_status));

-- Units issued to an organization under an initiative agreement (a project that lowers carbon
-- intensity beyond what reported fuels show). transaction_id is the ledger entry on approval.
CREATE TABLE initiative_agreement (
    initiative_agreement_id    serial,
    compliance_units           bigint,
    transaction_effective_date timestamp,
    gov_comment                varchar(1500),
    to_organization_id         integer,
    transaction_id             integer,
    current_status_id          integer,
    create_date                timestamptz   DEFAULT now(),
    update_date                timestamptz   DEFAULT now(),
    create_user                varchar,
    update_user                varchar,
    effective_date             date,
    effective_status           boolean       NOT NULL,
    expiration_date            date,
    CONSTRAINT pk_initiative_agreement PRIMARY KEY (initiative_agreement_id),
    CONSTRAINT fk_initiative_agreement_current_status_id_initiative_ag_8144
        FOREIGN KEY (current_status_id) REFERENCES initiative_agreement_status (initiative_agreement_status_id),
    CONSTRAINT fk_initiative_agreement_to_organization_id_organization
        FOREIGN KEY (to_organization_id) REFERENCES organization (organization_id),
    CONSTRAINT fk_initiative_agreement_transaction_id_transaction
        FOREIGN KEY (transaction_id) REFERENCES transaction (transaction_id)
);
COMMENT ON TABLE initiative_agreement IS 'Initiative agreement issuing compliance units to an organization.';

-- Each status an initiative agreement went through, and who moved it there.
CREATE TABLE initiative_agreement_history (
    initiative_agreement_history_id serial,
    initiative_agreement_id         integer,
    initiative_agreement_status_id  integer,
    user_profile_id                 integer,
    display_name                    varchar(255),
    create_date                     timestamptz  DEFAULT now(),
    update_date                     timestamptz  DEFAULT now(),
    create_user                     varchar,
    update_user                     varchar,
    effective_date                  date,
    effective_status                boolean      NOT NULL,
    expiration_date                 date,
    CONSTRAINT pk_initiative_agreement_history PRIMARY KEY (initiative_agreement_history_id),
    CONSTRAINT fk_initiative_agreement_history_initiative_agreement_id_3c2d
        FOREIGN KEY (initiative_agreement_id) REFERENCES initiative_agreement (initiative_agreement_id),
    CONSTRAINT fk_initiative_agreement_history_initiative_agreement_st_b284
        FOREIGN KEY (initiative_agreement_status_id) REFERENCES initiative_agreement_status (initiative_agreement_status_id),
    CONSTRAINT fk_initiative_agreement_history_user_profile_id_user_profile
        FOREIGN KEY (user_profile_id) REFERENCES user_profile (user_profile_id)
);
COMMENT ON TABLE initiative_agreement_history IS 'Status change of an initiative agreement.';
