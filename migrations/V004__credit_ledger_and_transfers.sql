-- The credit ledger and credit transfers.
--
-- Compliance units live in a ledger of transactions per organization; an organization's balance
-- is the sum of its transactions. Transfers move units between two organizations and go through
-- a workflow that ends with government recording or refusing them.
--
-- Reference rows are loaded with the ids LCFS gives them, since other rows and the
-- application refer to those ids; each table's sequence is then moved past the highest id.

-- Ledger ------------------------------------------------------------------------------------------

-- One entry of the credit ledger: units added to or taken from an organization. Reserved
-- entries hold units while a transfer or report is in progress; they are released or turned
-- into adjustments when it ends.
CREATE TABLE transaction (
    transaction_id     serial,
    compliance_units   bigint,
    organization_id    integer,
    transaction_action transaction_action_enum,
    create_date        timestamptz             DEFAULT now(),
    update_date        timestamptz             DEFAULT now(),
    create_user        varchar,
    update_user        varchar,
    effective_date     date,
    effective_status   boolean                 NOT NULL,
    expiration_date    date,
    CONSTRAINT pk_transaction PRIMARY KEY (transaction_id),
    CONSTRAINT fk_transaction_organization_id_organization
        FOREIGN KEY (organization_id) REFERENCES organization (organization_id)
);
COMMENT ON TABLE transaction IS 'Credit ledger entry of an organization.';

-- Transfers ---------------------------------------------------------------------------------------

-- Workflow states of a transfer, with which party can see a transfer in that state.
CREATE TABLE transfer_status (
    transfer_status_id    serial,
    status                transfer_type_enum,
    visible_to_transferor boolean,
    visible_to_transferee boolean,
    visible_to_government boolean,
    create_date           timestamptz        DEFAULT now(),
    update_date           timestamptz        DEFAULT now(),
    create_user           varchar,
    update_user           varchar,
    display_order         integer,
    CONSTRAINT pk_transfer_status PRIMARY KEY (transfer_status_id)
);
COMMENT ON TABLE transfer_status IS 'Status a credit transfer can be in, and who can see it.';

-- Transfer states and their visibility.
INSERT INTO transfer_status (transfer_status_id, status, visible_to_transferor, visible_to_transferee, visible_to_government, create_user, update_user, display_order) VALUES
    (1, 'Draft',       true,  false, false, NULL, NULL, NULL),
    (2, 'Deleted',     false, false, false, NULL, NULL, NULL),
    (3, 'Sent',        true,  true,  false, NULL, NULL, NULL),
    (4, 'Submitted',   true,  true,  true,  NULL, NULL, NULL),
    (5, 'Recommended', true,  true,  true,  NULL, NULL, NULL),
    (6, 'Recorded',    true,  true,  true,  NULL, NULL, NULL),
    (7, 'Refused',     true,  true,  true,  NULL, NULL, NULL),
    (8, 'Declined',    true,  true,  false, NULL, NULL, NULL),
    (9, 'Rescinded',   true,  true,  true,  NULL, NULL, NULL);
SELECT setval('transfer_status_transfer_status_id_seq', (SELECT max(transfer_status_id) FROM transfer_status));

-- Transfer categories A to D, set by how long before approval the parties agreed on the
-- transfer; they decide how the price per unit is reviewed.
CREATE TABLE transfer_category (
    transfer_category_id serial,
    category             transfercategoryenum,
    create_date          timestamptz          DEFAULT now(),
    update_date          timestamptz          DEFAULT now(),
    create_user          varchar,
    update_user          varchar,
    effective_date       date,
    effective_status     boolean              NOT NULL,
    expiration_date      date,
    CONSTRAINT pk_transfer_category PRIMARY KEY (transfer_category_id)
);
COMMENT ON TABLE transfer_category IS 'Category of a credit transfer.';

-- Categories A to D.
INSERT INTO transfer_category (transfer_category_id, category, create_user, update_user, effective_date, effective_status, expiration_date) VALUES
    (1, 'A', NULL, NULL, NULL, true, NULL),
    (2, 'B', NULL, NULL, NULL, true, NULL),
    (3, 'C', NULL, NULL, NULL, true, NULL),
    (4, 'D', NULL, NULL, NULL, true, NULL);
SELECT setval('transfer_category_transfer_category_id_seq', (SELECT max(transfer_category_id) FROM transfer_category));

-- A transfer of compliance units from one organization to another. from_transaction_id and
-- to_transaction_id are the ledger entries it produces on each side.
CREATE TABLE transfer (
    transfer_id                serial,
    from_organization_id       integer,
    to_organization_id         integer,
    from_transaction_id        integer,
    to_transaction_id          integer,
    agreement_date             timestamp,
    transaction_effective_date timestamp,
    price_per_unit             numeric(10,2),
    quantity                   bigint,
    transfer_category_id       integer,
    current_status_id          integer,
    recommendation             transfer_recommendation_enum,
    create_date                timestamptz                  DEFAULT now(),
    update_date                timestamptz                  DEFAULT now(),
    create_user                varchar,
    update_user                varchar,
    CONSTRAINT pk_transfer PRIMARY KEY (transfer_id),
    CONSTRAINT fk_transfer_current_status_id_transfer_status
        FOREIGN KEY (current_status_id) REFERENCES transfer_status (transfer_status_id),
    CONSTRAINT fk_transfer_from_organization_id_organization
        FOREIGN KEY (from_organization_id) REFERENCES organization (organization_id),
    CONSTRAINT fk_transfer_from_transaction_id_transaction
        FOREIGN KEY (from_transaction_id) REFERENCES transaction (transaction_id),
    CONSTRAINT fk_transfer_to_organization_id_organization
        FOREIGN KEY (to_organization_id) REFERENCES organization (organization_id),
    CONSTRAINT fk_transfer_to_transaction_id_transaction
        FOREIGN KEY (to_transaction_id) REFERENCES transaction (transaction_id),
    CONSTRAINT fk_transfer_transfer_category_id_transfer_category
        FOREIGN KEY (transfer_category_id) REFERENCES transfer_category (transfer_category_id)
);
COMMENT ON TABLE transfer IS 'Transfer of compliance units between two organizations.';

-- Each status a transfer went through, and who moved it there.
CREATE TABLE transfer_history (
    transfer_history_id serial,
    transfer_id         integer,
    transfer_status_id  integer,
    user_profile_id     integer,
    display_name        varchar(255),
    create_date         timestamptz  DEFAULT now(),
    update_date         timestamptz  DEFAULT now(),
    create_user         varchar,
    update_user         varchar,
    CONSTRAINT pk_transfer_history PRIMARY KEY (transfer_history_id),
    CONSTRAINT fk_transfer_history_transfer_id_transfer
        FOREIGN KEY (transfer_id) REFERENCES transfer (transfer_id),
    CONSTRAINT fk_transfer_history_transfer_status_id_transfer_status
        FOREIGN KEY (transfer_status_id) REFERENCES transfer_status (transfer_status_id),
    CONSTRAINT fk_transfer_history_user_profile_id_user_profile
        FOREIGN KEY (user_profile_id) REFERENCES user_profile (user_profile_id)
);
COMMENT ON TABLE transfer_history IS 'Status change of a credit transfer.';

-- Comments on a transfer by the transferor, the transferee or government.
CREATE TABLE transfer_comment (
    transfer_comment_id serial,
    transfer_id         integer                      NOT NULL,
    comment             text,
    comment_source      transfer_comment_source_enum NOT NULL,
    create_date         timestamptz                  DEFAULT now(),
    update_date         timestamptz                  DEFAULT now(),
    create_user         varchar,
    update_user         varchar,
    CONSTRAINT pk_transfer_comment PRIMARY KEY (transfer_comment_id),
    CONSTRAINT fk_transfer_comment_transfer_id_transfer
        FOREIGN KEY (transfer_id) REFERENCES transfer (transfer_id)
);
COMMENT ON TABLE transfer_comment IS 'Comment on a credit transfer, with its author''s side.';

-- Credit market -----------------------------------------------------------------------------------

-- Each change an organization makes to its credit market listing, for government review.
CREATE TABLE credit_market_audit_log (
    credit_market_audit_log_id serial,
    organization_id            integer      NOT NULL,
    credits_to_sell            integer      NOT NULL DEFAULT 0,
    credit_market_is_seller    boolean      NOT NULL DEFAULT false,
    credit_market_is_buyer     boolean      NOT NULL DEFAULT false,
    contact_person             varchar(500),
    phone                      varchar(50),
    email                      varchar(255),
    changed_by                 varchar(255),
    create_date                timestamptz  DEFAULT now(),
    update_date                timestamptz  DEFAULT now(),
    CONSTRAINT pk_credit_market_audit_log PRIMARY KEY (credit_market_audit_log_id),
    CONSTRAINT fk_credit_market_audit_log_organization_id_organization
        FOREIGN KEY (organization_id) REFERENCES organization (organization_id)
);
COMMENT ON TABLE credit_market_audit_log IS 'Change to an organization''s credit market listing.';

-- Changes by user and by date.
CREATE INDEX idx_credit_market_audit_log_changed_by ON credit_market_audit_log (changed_by);
CREATE INDEX idx_credit_market_audit_log_create_date ON credit_market_audit_log (create_date);
