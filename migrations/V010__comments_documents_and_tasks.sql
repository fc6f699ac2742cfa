-- Documents, internal comments, forms, penalties and housekeeping.
--
-- Documents and internal comments attach to many kinds of record (transfers, adjustments,
-- agreements, reports, charging sites, CI applications), so they come last among the business
-- tables, followed by public forms, the penalty log and the tables the application keeps for
-- itself: login page images and scheduled tasks.
--
-- Reference rows are loaded with the ids LCFS gives them, since other rows and the
-- application refer to those ids; each table's sequence is then moved past the highest id.

-- Documents and internal comments -----------------------------------------------------------------

-- An uploaded file; the content lives in object storage under file_key.
CREATE TABLE document (
    document_id serial,
    file_key    varchar     NOT NULL,
    file_name   varchar     NOT NULL,
    file_size   integer     NOT NULL,
    mime_type   varchar     NOT NULL,
    create_date timestamptz DEFAULT now(),
    update_date timestamptz DEFAULT now(),
    create_user varchar,
    update_user varchar,
    CONSTRAINT pk_document PRIMARY KEY (document_id)
);
COMMENT ON TABLE document IS 'Uploaded document, stored in object storage.';

-- Comments government staff leave on records, for a given audience and visibility.
CREATE TABLE internal_comment (
    internal_comment_id serial,
    comment             text,
    audience_scope      audience_scope,
    create_date         timestamptz        DEFAULT now(),
    update_date         timestamptz        DEFAULT now(),
    create_user         varchar,
    update_user         varchar,
    visibility          comment_visibility NOT NULL DEFAULT 'Internal',
    CONSTRAINT pk_internal_comment PRIMARY KEY (internal_comment_id)
);
COMMENT ON TABLE internal_comment IS 'Comment left by government staff on a record.';

-- Attachments -------------------------------------------------------------------------------------

-- Internal comments on a transfer.
CREATE TABLE transfer_internal_comment (
    transfer_id         integer     NOT NULL,
    internal_comment_id integer     NOT NULL,
    create_date         timestamptz DEFAULT now(),
    update_date         timestamptz DEFAULT now(),
    CONSTRAINT pk_transfer_internal_comment PRIMARY KEY (transfer_id, internal_comment_id),
    CONSTRAINT fk_transfer_internal_comment_internal_comment_id_intern_3998
        FOREIGN KEY (internal_comment_id) REFERENCES internal_comment (internal_comment_id),
    CONSTRAINT fk_transfer_internal_comment_transfer_id_transfer
        FOREIGN KEY (transfer_id) REFERENCES transfer (transfer_id)
);
COMMENT ON TABLE transfer_internal_comment IS 'Internal comment attached to a credit transfer.';

-- Documents attached to an administrative adjustment; they go with the adjustment.
CREATE TABLE admin_adjustment_document_association (
    admin_adjustment_id integer NOT NULL,
    document_id         integer NOT NULL,
    CONSTRAINT pk_admin_adjustment_document_association
        PRIMARY KEY (admin_adjustment_id, document_id),
    CONSTRAINT fk_admin_adjustment_document_association_admin_adjustme_5886
        FOREIGN KEY (admin_adjustment_id) REFERENCES admin_adjustment (admin_adjustment_id) ON DELETE CASCADE,
    CONSTRAINT fk_admin_adjustment_document_association_document_id_document
        FOREIGN KEY (document_id) REFERENCES document (document_id)
);
COMMENT ON TABLE admin_adjustment_document_association IS 'Document attached to an administrative adjustment.';

-- Internal comments on an administrative adjustment.
CREATE TABLE admin_adjustment_internal_comment (
    admin_adjustment_id integer     NOT NULL,
    internal_comment_id integer     NOT NULL,
    create_date         timestamptz DEFAULT now(),
    update_date         timestamptz DEFAULT now(),
    CONSTRAINT pk_admin_adjustment_internal_comment
        PRIMARY KEY (admin_adjustment_id, internal_comment_id),
    CONSTRAINT fk_admin_adjustment_internal_comment_admin_adjustment_i_9791
        FOREIGN KEY (admin_adjustment_id) REFERENCES admin_adjustment (admin_adjustment_id),
    CONSTRAINT fk_admin_adjustment_internal_comment_internal_comment_i_a887
        FOREIGN KEY (internal_comment_id) REFERENCES internal_comment (internal_comment_id)
);
COMMENT ON TABLE admin_adjustment_internal_comment IS 'Internal comment attached to an administrative adjustment.';

-- Documents attached to an initiative agreement; they go with the agreement.
CREATE TABLE initiative_agreement_document_association (
    initiative_agreement_id integer NOT NULL,
    document_id             integer NOT NULL,
    CONSTRAINT pk_initiative_agreement_document_association
        PRIMARY KEY (initiative_agreement_id, document_id),
    CONSTRAINT fk_initiative_agreement_document_association_document_i_b52d
        FOREIGN KEY (document_id) REFERENCES document (document_id),
    CONSTRAINT fk_initiative_agreement_document_association_initiative_0a59
        FOREIGN KEY (initiative_agreement_id) REFERENCES initiative_agreement (initiative_agreement_id) ON DELETE CASCADE
);
COMMENT ON TABLE initiative_agreement_document_association IS 'Document attached to an initiative agreement.';

-- Internal comments on an initiative agreement.
CREATE TABLE initiative_agreement_internal_comment (
    initiative_agreement_id integer     NOT NULL,
    internal_comment_id     integer     NOT NULL,
    create_date             timestamptz DEFAULT now(),
    update_date             timestamptz DEFAULT now(),
    CONSTRAINT pk_initiative_agreement_internal_comment
        PRIMARY KEY (initiative_agreement_id, internal_comment_id),
    CONSTRAINT fk_initiative_agreement_internal_comment_initiative_agr_bd1e
        FOREIGN KEY (initiative_agreement_id) REFERENCES initiative_agreement (initiative_agreement_id),
    CONSTRAINT fk_initiative_agreement_internal_comment_internal_comme_a591
        FOREIGN KEY (internal_comment_id) REFERENCES internal_comment (internal_comment_id)
);
COMMENT ON TABLE initiative_agreement_internal_comment IS 'Internal comment attached to an initiative agreement.';

-- Documents attached to a compliance report; they go with the report.
CREATE TABLE compliance_report_document_association (
    compliance_report_id integer NOT NULL,
    document_id          integer NOT NULL,
    CONSTRAINT pk_compliance_report_document_association
        PRIMARY KEY (compliance_report_id, document_id),
    CONSTRAINT fk_compliance_report_document_association_compliance_re_25af
        FOREIGN KEY (compliance_report_id) REFERENCES compliance_report (compliance_report_id) ON DELETE CASCADE,
    CONSTRAINT fk_compliance_report_document_association_document_id_document
        FOREIGN KEY (document_id) REFERENCES document (document_id)
);
COMMENT ON TABLE compliance_report_document_association IS 'Document attached to a compliance report.';

-- Internal comments on a compliance report.
CREATE TABLE compliance_report_internal_comment (
    compliance_report_id integer     NOT NULL,
    internal_comment_id  integer     NOT NULL,
    create_date          timestamptz DEFAULT now(),
    update_date          timestamptz DEFAULT now(),
    CONSTRAINT pk_compliance_report_internal_comment
        PRIMARY KEY (compliance_report_id, internal_comment_id),
    CONSTRAINT fk_compliance_report_internal_comment_compliance_report_e533
        FOREIGN KEY (compliance_report_id) REFERENCES compliance_report (compliance_report_id),
    CONSTRAINT fk_compliance_report_internal_comment_internal_comment__f894
        FOREIGN KEY (internal_comment_id) REFERENCES internal_comment (internal_comment_id)
);
COMMENT ON TABLE compliance_report_internal_comment IS 'Internal comment attached to a compliance report.';

-- Documents attached to a charging site; the link goes with either side.
CREATE TABLE charging_site_document_association (
    charging_site_id integer NOT NULL,
    document_id      integer NOT NULL,
    CONSTRAINT pk_charging_site_document_association PRIMARY KEY (charging_site_id, document_id),
    CONSTRAINT fk_charging_site_document_document_id
        FOREIGN KEY (document_id) REFERENCES document (document_id) ON DELETE CASCADE,
    CONSTRAINT fk_charging_site_document_site_id
        FOREIGN KEY (charging_site_id) REFERENCES charging_site (charging_site_id) ON DELETE CASCADE
);
COMMENT ON TABLE charging_site_document_association IS 'Document attached to a charging site.';

-- Documents attached to a CI application, with the part of the application they support.
CREATE TABLE ci_application_document_association (
    ci_application_id integer     NOT NULL,
    document_id       integer     NOT NULL,
    document_category varchar(50) NOT NULL,
    CONSTRAINT pk_ci_application_document_association PRIMARY KEY (ci_application_id, document_id),
    CONSTRAINT fk_ci_app_doc_assoc_ci_application_id_ci_application
        FOREIGN KEY (ci_application_id) REFERENCES ci_application (ci_application_id),
    CONSTRAINT fk_ci_application_document_association_document_id_document
        FOREIGN KEY (document_id) REFERENCES document (document_id)
);
COMMENT ON TABLE ci_application_document_association IS 'Document attached to a carbon intensity application.';

-- Internal comments on a CI application; the link goes with either side.
CREATE TABLE ci_application_internal_comment (
    ci_application_id   integer     NOT NULL,
    internal_comment_id integer     NOT NULL,
    create_date         timestamptz DEFAULT now(),
    update_date         timestamptz DEFAULT now(),
    CONSTRAINT pk_ci_application_internal_comment
        PRIMARY KEY (ci_application_id, internal_comment_id),
    CONSTRAINT fk_ci_application_internal_comment_ci_application_id
        FOREIGN KEY (ci_application_id) REFERENCES ci_application (ci_application_id) ON DELETE CASCADE,
    CONSTRAINT fk_ci_application_internal_comment_internal_comment_id
        FOREIGN KEY (internal_comment_id) REFERENCES internal_comment (internal_comment_id) ON DELETE CASCADE
);
COMMENT ON TABLE ci_application_internal_comment IS 'Internal comment attached to a carbon intensity application.';

-- Public forms ------------------------------------------------------------------------------------

-- Public forms organizations can fill in from a link (exemption requests, fuel code and CI
-- applications). The slug is unique because it is the form's address.
CREATE TABLE forms (
    form_id          serial,
    name             varchar(100) NOT NULL,
    slug             varchar(50)  NOT NULL,
    description      text,
    allows_anonymous boolean      NOT NULL DEFAULT true,
    create_date      timestamp    NOT NULL DEFAULT now(),
    update_date      timestamp    NOT NULL DEFAULT now(),
    CONSTRAINT pk_forms PRIMARY KEY (form_id),
    CONSTRAINT uq_forms_slug UNIQUE (slug)
);
COMMENT ON TABLE forms IS 'Public form that can be reached by link.';

-- Forms by slug.
CREATE INDEX idx_forms_slug ON forms (slug);

-- The public forms.
INSERT INTO forms (form_id, name, slug, description, allows_anonymous) VALUES
    (1, 'Exemption Request',     'exemption-request',     'Request exemption from compliance requirements', true),
    (2, 'Fuel Code Application', 'fuel-code-application', 'Apply for new fuel code',                        true),
    (3, 'CI Application',        'ci-application',        'Apply for carbon intensity determination',       true);
SELECT setval('forms_form_id_seq', (SELECT max(form_id) FROM forms));

-- The secret key in the link an organization uses to open a public form. A key is unique,
-- and an organization has one per form.
CREATE TABLE organization_link_keys (
    link_key_id     serial,
    organization_id integer     NOT NULL,
    form_id         integer     NOT NULL,
    link_key        varchar(64) NOT NULL,
    expiry_date     timestamp,
    create_date     timestamp   NOT NULL DEFAULT now(),
    update_date     timestamp   NOT NULL DEFAULT now(),
    CONSTRAINT pk_organization_link_keys PRIMARY KEY (link_key_id),
    CONSTRAINT fk_organization_link_keys_form_id FOREIGN KEY (form_id) REFERENCES forms (form_id),
    CONSTRAINT fk_organization_link_keys_organization_id
        FOREIGN KEY (organization_id) REFERENCES organization (organization_id),
    CONSTRAINT uq_organization_link_keys_link_key UNIQUE (link_key),
    CONSTRAINT uq_organization_link_keys_org_form UNIQUE (organization_id, form_id)
);
COMMENT ON TABLE organization_link_keys IS 'Link key giving an organization access to a public form.';

-- Keys of an organization and of a form.
CREATE INDEX idx_organization_link_keys_form_id ON organization_link_keys (form_id);
CREATE INDEX idx_organization_link_keys_org_id ON organization_link_keys (organization_id);

-- Penalties ---------------------------------------------------------------------------------------

-- Penalties government assessed against an organization for a compliance
-- period, with the factors it weighed.
CREATE TABLE penalty_log (
    penalty_log_id                serial,
    organization_id               integer            NOT NULL,
    compliance_period_id          integer            NOT NULL,
    contravention_type            contravention_enum NOT NULL,
    offence_history               boolean            NOT NULL DEFAULT false,
    deliberate                    boolean            NOT NULL DEFAULT false,
    efforts_to_correct            boolean            NOT NULL DEFAULT false,
    economic_benefit_derived      boolean            NOT NULL DEFAULT false,
    efforts_to_prevent_recurrence boolean            NOT NULL DEFAULT false,
    notes                         text,
    penalty_amount                numeric(12,2)      NOT NULL DEFAULT 0,
    create_date                   timestamptz        DEFAULT now(),
    update_date                   timestamptz        DEFAULT now(),
    create_user                   varchar,
    update_user                   varchar,
    CONSTRAINT pk_penalty_log PRIMARY KEY (penalty_log_id),
    CONSTRAINT fk_penalty_log_compliance_period_id_compliance_period
        FOREIGN KEY (compliance_period_id) REFERENCES compliance_period (compliance_period_id),
    CONSTRAINT fk_penalty_log_organization_id_organization
        FOREIGN KEY (organization_id) REFERENCES organization (organization_id)
);
COMMENT ON TABLE penalty_log IS 'Penalty assessed against an organization for a compliance period.';

-- Login page --------------------------------------------------------------------------------------

-- Background images for the login page; the active one is looked up on every visit.
CREATE TABLE login_bg_image (
    login_bg_image_id serial,
    image_key         varchar      NOT NULL,
    file_name         varchar(255) NOT NULL,
    display_name      varchar(200) NOT NULL,
    caption           varchar(500),
    is_active         boolean      NOT NULL DEFAULT false,
    create_date       timestamptz  DEFAULT now(),
    update_date       timestamptz  DEFAULT now(),
    create_user       varchar,
    update_user       varchar,
    CONSTRAINT pk_login_bg_image PRIMARY KEY (login_bg_image_id)
);
COMMENT ON TABLE login_bg_image IS 'Background image of the login page.';

-- The active image.
CREATE INDEX idx_login_bg_image_is_active ON login_bg_image (is_active);

-- Scheduled tasks ---------------------------------------------------------------------------------

-- Recurring jobs the application runs on a cron schedule. The name is unique so that a
-- deployment can register its tasks idempotently.
CREATE TABLE scheduled_tasks (
    id              serial,
    name            varchar(100) NOT NULL,
    description     text,
    schedule        varchar(100) NOT NULL,
    timezone        varchar(50),
    is_enabled      boolean,
    last_run        timestamptz,
    next_run        timestamptz,
    status          varchar(20),
    execution_count integer,
    failure_count   integer,
    task_function   varchar(200) NOT NULL,
    parameters      json,
    max_retries     integer,
    timeout_seconds integer,
    create_date     timestamptz  DEFAULT now(),
    update_date     timestamptz  DEFAULT now(),
    create_user     varchar,
    update_user     varchar,
    CONSTRAINT pk_scheduled_tasks PRIMARY KEY (id)
);
COMMENT ON TABLE scheduled_tasks IS 'Recurring job the application runs on a schedule.';

-- Tasks by id, by whether they are enabled, and by their unique name.
CREATE INDEX ix_scheduled_tasks_id ON scheduled_tasks (id);
CREATE INDEX ix_scheduled_tasks_is_enabled ON scheduled_tasks (is_enabled);
CREATE UNIQUE INDEX ix_scheduled_tasks_name ON scheduled_tasks (name);

-- The fuel code expiry check, every morning.
INSERT INTO scheduled_tasks (id, name, description, schedule, timezone, is_enabled, last_run, next_run, status, execution_count, failure_count, task_function, parameters, max_retries, timeout_seconds, create_user, update_user) VALUES
    (1, 'Fuel Code Expiry Check', NULL, '0 9 * * *', NULL, true, NULL, NULL, NULL, NULL, NULL, 'fuel_code_expiry.notify_expiring_fuel_code', NULL, NULL, NULL, NULL, NULL);
SELECT setval('scheduled_tasks_id_seq', (SELECT max(id) FROM scheduled_tasks));

-- One run of a scheduled task and its outcome.
CREATE TABLE task_executions (
    id                     serial,
    task_id                integer      NOT NULL,
    started_at             timestamptz  DEFAULT now(),
    completed_at           timestamptz,
    status                 varchar(20)  NOT NULL,
    result                 text,
    execution_time_seconds integer,
    worker_id              varchar(100),
    version                varchar(50),
    create_date            timestamptz  DEFAULT now(),
    update_date            timestamptz  DEFAULT now(),
    create_user            varchar,
    update_user            varchar,
    CONSTRAINT pk_task_executions PRIMARY KEY (id)
);
COMMENT ON TABLE task_executions IS 'Run of a scheduled task.';

-- Runs by id and by task.
CREATE INDEX ix_task_executions_id ON task_executions (id);
CREATE INDEX ix_task_executions_task_id ON task_executions (task_id);
