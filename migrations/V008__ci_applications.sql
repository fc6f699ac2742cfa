-- Carbon intensity applications.
--
-- A producer applies for a fuel code by describing its facility and one or more production
-- pathways; an approved pathway becomes a fuel code.
--
-- Reference rows are loaded with the ids LCFS gives them, since other rows and the
-- application refer to those ids; each table's sequence is then moved past the highest id.

-- Applications ------------------------------------------------------------------------------------

-- Workflow states of a CI application.
CREATE TABLE ci_application_status (
    ci_application_status_id serial,
    status                   varchar(100) NOT NULL,
    description              varchar(500),
    display_order            integer,
    create_date              timestamptz  DEFAULT now(),
    update_date              timestamptz  DEFAULT now(),
    create_user              varchar,
    update_user              varchar,
    CONSTRAINT pk_ci_application_status PRIMARY KEY (ci_application_status_id)
);
COMMENT ON TABLE ci_application_status IS 'Status a carbon intensity application can be in.';

-- Application states.
INSERT INTO ci_application_status (ci_application_status_id, status, description, display_order, create_user, update_user) VALUES
    (1, 'Draft',     'Application is being drafted by the organization', 1, 'system', 'system'),
    (2, 'Submitted', 'Application has been submitted for review',        2, 'system', 'system'),
    (3, 'Completed', 'Application has been completed and approved',      3, 'system', 'system'),
    (4, 'Withdrawn', 'Application has been withdrawn by the applicant',  4, 'system', 'system');
SELECT setval('ci_application_status_ci_application_status_id_seq', (SELECT max(ci_application_status_id) FROM ci_application_status));

-- An organization's application for a fuel code, describing the production facility.
-- Versioned (group_uuid, version, action_type).
CREATE TABLE ci_application (
    ci_application_id                   serial,
    status_id                           integer        NOT NULL,
    organization_id                     integer        NOT NULL,
    facility_city                       varchar(500),
    facility_province_state             varchar(500),
    facility_country                    varchar(500)   NOT NULL,
    facility_iso                        varchar(10),
    facility_nameplate_capacity         integer        NOT NULL,
    facility_nameplate_capacity_unit_id integer        NOT NULL,
    proposed_fuel_code_effective_date   date,
    pathway_description                 text,
    supporting_document_other           varchar(1000),
    consultant_name                     varchar(500),
    consultant_company                  varchar(500),
    consultant_email                    varchar(500),
    signature_user                      varchar(500),
    signature_date_time                 timestamptz,
    group_uuid                          varchar(36)    NOT NULL,
    version                             integer        NOT NULL DEFAULT 0,
    action_type                         actiontypeenum NOT NULL DEFAULT 'CREATE',
    create_date                         timestamptz    DEFAULT now(),
    update_date                         timestamptz    DEFAULT now(),
    create_user                         varchar,
    update_user                         varchar,
    CONSTRAINT pk_ci_application PRIMARY KEY (ci_application_id),
    CONSTRAINT fk_ci_application_capacity_unit_id_unit_of_measure
        FOREIGN KEY (facility_nameplate_capacity_unit_id) REFERENCES unit_of_measure (uom_id),
    CONSTRAINT fk_ci_application_organization_id_organization
        FOREIGN KEY (organization_id) REFERENCES organization (organization_id),
    CONSTRAINT fk_ci_application_status_id_ci_application_status
        FOREIGN KEY (status_id) REFERENCES ci_application_status (ci_application_status_id)
);
COMMENT ON TABLE ci_application IS 'Carbon intensity application of an organization; one version of it.';

-- Applications of an organization, and by status.
CREATE INDEX ix_ci_application_organization_id ON ci_application (organization_id);
CREATE INDEX ix_ci_application_status_id ON ci_application (status_id);

-- A snapshot of an application at each change.
CREATE TABLE ci_application_history (
    ci_application_history_id serial,
    ci_application_id         integer        NOT NULL,
    status_id                 integer,
    ci_application_snapshot   jsonb,
    group_uuid                varchar(36)    NOT NULL,
    version                   integer        NOT NULL DEFAULT 0,
    action_type               actiontypeenum NOT NULL DEFAULT 'CREATE',
    create_date               timestamptz    DEFAULT now(),
    update_date               timestamptz    DEFAULT now(),
    create_user               varchar,
    update_user               varchar,
    CONSTRAINT pk_ci_application_history PRIMARY KEY (ci_application_history_id),
    CONSTRAINT fk_ci_application_history_ci_application_id_ci_application
        FOREIGN KEY (ci_application_id) REFERENCES ci_application (ci_application_id),
    CONSTRAINT fk_ci_application_history_status_id_ci_application_status
        FOREIGN KEY (status_id) REFERENCES ci_application_status (ci_application_status_id)
);
COMMENT ON TABLE ci_application_history IS 'Snapshot of a carbon intensity application at one of its changes.';

-- History of an application.
CREATE INDEX ix_ci_application_history_ci_application_id ON ci_application_history (ci_application_id);

-- Pathways ----------------------------------------------------------------------------------------

-- Whether a pathway is new or renews an existing fuel code.
CREATE TABLE pathway_application_type (
    pathway_application_type_id serial,
    type                        varchar(100) NOT NULL,
    description                 varchar(500),
    display_order               integer,
    create_date                 timestamptz  DEFAULT now(),
    update_date                 timestamptz  DEFAULT now(),
    create_user                 varchar,
    update_user                 varchar,
    CONSTRAINT pk_pathway_application_type PRIMARY KEY (pathway_application_type_id)
);
COMMENT ON TABLE pathway_application_type IS 'Kind of pathway application: new or renewal.';

-- New and renewal.
INSERT INTO pathway_application_type (pathway_application_type_id, type, description, display_order, create_user, update_user) VALUES
    (1, 'New',     'New CI application',                    1, 'system', 'system'),
    (2, 'Renewal', 'Renewal of an existing CI application', 2, 'system', 'system');
SELECT setval('pathway_application_type_pathway_application_type_id_seq', (SELECT max(pathway_application_type_id) FROM pathway_application_type));

-- The kind of fuel code a pathway asks for (provisional or three-year).
CREATE TABLE pathway_fuel_code_type (
    pathway_fuel_code_type_id serial,
    type                      varchar(100) NOT NULL,
    description               varchar(500),
    display_order             integer,
    create_date               timestamptz  DEFAULT now(),
    update_date               timestamptz  DEFAULT now(),
    create_user               varchar,
    update_user               varchar,
    CONSTRAINT pk_pathway_fuel_code_type PRIMARY KEY (pathway_fuel_code_type_id)
);
COMMENT ON TABLE pathway_fuel_code_type IS 'Kind of fuel code a pathway asks for.';

-- Provisional and three-year.
INSERT INTO pathway_fuel_code_type (pathway_fuel_code_type_id, type, description, display_order, create_user, update_user) VALUES
    (1, '1-year provisional', '1-year provisional fuel code', 1, 'system', 'system'),
    (2, '3-year',             '3-year fuel code',             2, 'system', 'system');
SELECT setval('pathway_fuel_code_type_pathway_fuel_code_type_id_seq', (SELECT max(pathway_fuel_code_type_id) FROM pathway_fuel_code_type));

-- A production pathway in a CI application: feedstock, transport and proposed carbon
-- intensity; fuel_code_id points at the fuel code it produced or renews.
CREATE TABLE pathway (
    pathway_id                       serial,
    ci_application_id                integer        NOT NULL,
    application_type_id              integer        NOT NULL,
    fuel_code_type_id                integer        NOT NULL,
    operating_data_from              date           NOT NULL,
    operating_data_to                date           NOT NULL,
    fuel_code_id                     integer,
    proposed_ci                      numeric(10,2)  NOT NULL,
    fuel_type_id                     integer        NOT NULL,
    feedstock                        varchar(500)   NOT NULL,
    feedstock_region                 varchar(500)   NOT NULL,
    feedstock_transport_mode         varchar(500)   NOT NULL,
    feedstock_transport_distance     integer        NOT NULL,
    coproducts                       varchar(1000),
    finished_fuel_transport_mode     varchar(500)   NOT NULL,
    finished_fuel_transport_distance integer        NOT NULL,
    group_uuid                       varchar(36)    NOT NULL,
    version                          integer        NOT NULL DEFAULT 0,
    action_type                      actiontypeenum NOT NULL DEFAULT 'CREATE',
    create_date                      timestamptz    DEFAULT now(),
    update_date                      timestamptz    DEFAULT now(),
    create_user                      varchar,
    update_user                      varchar,
    CONSTRAINT pk_pathway PRIMARY KEY (pathway_id),
    CONSTRAINT fk_pathway_application_type_id_pathway_application_type
        FOREIGN KEY (application_type_id) REFERENCES pathway_application_type (pathway_application_type_id),
    CONSTRAINT fk_pathway_ci_application_id_ci_application
        FOREIGN KEY (ci_application_id) REFERENCES ci_application (ci_application_id),
    CONSTRAINT fk_pathway_fuel_code_id_fuel_code
        FOREIGN KEY (fuel_code_id) REFERENCES fuel_code (fuel_code_id),
    CONSTRAINT fk_pathway_fuel_code_type_id_pathway_fuel_code_type
        FOREIGN KEY (fuel_code_type_id) REFERENCES pathway_fuel_code_type (pathway_fuel_code_type_id),
    CONSTRAINT fk_pathway_fuel_type_id_fuel_type
        FOREIGN KEY (fuel_type_id) REFERENCES fuel_type (fuel_type_id)
);
COMMENT ON TABLE pathway IS 'Production pathway proposed in a carbon intensity application.';

-- Pathways of an application, a fuel code and a fuel type.
CREATE INDEX ix_pathway_ci_application_id ON pathway (ci_application_id);
CREATE INDEX ix_pathway_fuel_code_id ON pathway (fuel_code_id);
CREATE INDEX ix_pathway_fuel_type_id ON pathway (fuel_type_id);
