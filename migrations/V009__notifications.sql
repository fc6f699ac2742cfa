-- Notifications.
--
-- LCFS tells users about workflow events by email and in the application; each user chooses
-- which kinds of notification reach them on which channel. Government can also post notices
-- that every user sees.
--
-- Reference rows are loaded with the ids LCFS gives them, since other rows and the
-- application refer to those ids; each table's sequence is then moved past the highest id.

-- Channels, types and subscriptions ---------------------------------------------------------------

-- Delivery channels (email, in the application). A channel can be switched off, and says
-- whether new users are subscribed to it.
CREATE TABLE notification_channel (
    notification_channel_id serial,
    channel_name            channel_enum NOT NULL,
    enabled                 boolean,
    subscribe_by_default    boolean,
    create_date             timestamptz  DEFAULT now(),
    update_date             timestamptz  DEFAULT now(),
    create_user             varchar,
    update_user             varchar,
    CONSTRAINT pk_notification_channel PRIMARY KEY (notification_channel_id)
);
COMMENT ON TABLE notification_channel IS 'Channel a notification can be delivered on.';

-- Email and in-application.
INSERT INTO notification_channel (notification_channel_id, channel_name, enabled, subscribe_by_default, create_user, update_user) VALUES
    (1, 'EMAIL',  true, true, NULL, NULL),
    (2, 'IN_APP', true, true, NULL, NULL);
SELECT setval('notification_channel_notification_channel_id_seq', (SELECT max(notification_channel_id) FROM notification_channel));

-- Kinds of notification, each meant for the holders of a role. Deleting a role leaves the
-- notification type without one rather than deleting it.
CREATE TABLE notification_type (
    notification_type_id serial,
    name                 varchar(255) NOT NULL,
    description          text,
    email_content        text,
    create_date          timestamptz  DEFAULT now(),
    update_date          timestamptz  DEFAULT now(),
    create_user          varchar,
    update_user          varchar,
    role_id              integer,
    CONSTRAINT pk_notification_type PRIMARY KEY (notification_type_id),
    CONSTRAINT fk_notification_type_role_id
        FOREIGN KEY (role_id) REFERENCES role (role_id) ON DELETE SET NULL
);
COMMENT ON TABLE notification_type IS 'Kind of notification, the event it reports and the role it is meant for.';

-- Kinds of notification, named AUDIENCE__SUBJECT__EVENT.
INSERT INTO notification_type (notification_type_id, name, description, email_content, create_user, update_user, role_id) VALUES
    (1,  'BCEID__COMPLIANCE_REPORT__DIRECTOR_ASSESSMENT',                      'Director assessed a compliance report or supplemental report.',                                               'Email content', 'system', 'system', 2),
    (2,  'BCEID__INITIATIVE_AGREEMENT__DIRECTOR_APPROVAL',                     'Director approved the initiative agreement or transaction',                                                   'Email content', 'system', 'system', 2),
    (3,  'BCEID__TRANSFER__DIRECTOR_DECISION',                                 'Director recorded or refused a transfer request',                                                             'Email content', 'system', 'system', 2),
    (4,  'BCEID__TRANSFER__PARTNER_ACTIONS',                                   'A transfer partner took action (proposed, declined, rescinded, or signed & submitted) on a transfer request', 'Email content', 'system', 'system', 2),
    (5,  'IDIR_ANALYST__COMPLIANCE_REPORT__DIRECTOR_DECISION',                 'Director assessed compliance report',                                                                         'Email content', 'system', 'system', 4),
    (6,  'IDIR_ANALYST__COMPLIANCE_REPORT__MANAGER_RECOMMENDATION',            'Compliance manager recommended action on the compliance report.',                                             'Email content', 'system', 'system', 4),
    (7,  'IDIR_ANALYST__COMPLIANCE_REPORT__SUBMITTED_FOR_REVIEW',              'Compliance report submitted for government analyst review or returned by compliance manager',                 'Email content', 'system', 'system', 4),
    (8,  'IDIR_ANALYST__INITIATIVE_AGREEMENT__RETURNED_TO_ANALYST',            'Director approved/returned the initiative agreement to the analyst',                                          'Email content', 'system', 'system', 4),
    (9,  'IDIR_ANALYST__TRANSFER__DIRECTOR_RECORDED',                          'Director recorded or refused a transfer request',                                                             'Email content', 'system', 'system', 4),
    (10, 'IDIR_ANALYST__TRANSFER__RESCINDED_ACTION',                           'A transfer request was rescinded by a transfer partner',                                                      'Email content', 'system', 'system', 4),
    (11, 'IDIR_ANALYST__TRANSFER__SUBMITTED_FOR_REVIEW',                       'Transfer request submitted for government analyst review',                                                    'Email content', 'system', 'system', 4),
    (12, 'IDIR_COMPLIANCE_MANAGER__COMPLIANCE_REPORT__ANALYST_RECOMMENDATION', 'Analyst recommendation on the compliance report or returned by the director',                                 'Email content', 'system', 'system', 5),
    (13, 'IDIR_COMPLIANCE_MANAGER__COMPLIANCE_REPORT__DIRECTOR_ASSESSMENT',    'Director assessed a compliance report',                                                                       'Email content', 'system', 'system', 5),
    (14, 'IDIR_COMPLIANCE_MANAGER__COMPLIANCE_REPORT__SUBMITTED_FOR_REVIEW',   'Compliance report submitted for government analyst review',                                                   'Email content', 'system', 'system', 5),
    (15, 'IDIR_DIRECTOR__COMPLIANCE_REPORT__MANAGER_RECOMMENDATION',           'Compliance manager recommended action on the compliance report',                                              'Email content', 'system', 'system', 6),
    (16, 'IDIR_DIRECTOR__INITIATIVE_AGREEMENT__ANALYST_RECOMMENDATION',        'Analyst recommendation provided for the initiative agreement',                                                'Email content', 'system', 'system', 6),
    (17, 'IDIR_DIRECTOR__TRANSFER__ANALYST_RECOMMENDATION',                    'Analyst recommendation provided for the transfer request',                                                    'Email content', 'system', 'system', 6),
    (18, 'IDIR_DIRECTOR__FUEL_CODE__ANALYST_RECOMMENDATION',                   'Analyst recommendation provided for the fuel code',                                                           'Email content', 'system', 'system', NULL),
    (19, 'IDIR_ANALYST__FUEL_CODE__DIRECTOR_RETURNED',                         'Director returned fuel code to analyst',                                                                      'Email content', 'system', 'system', NULL),
    (20, 'IDIR_ANALYST__FUEL_CODE__DIRECTOR_APPROVAL',                         'Director approved fuel code',                                                                                 'Email content', 'system', 'system', NULL),
    (21, 'BCEID__CREDIT_MARKET__CREDITS_LISTED_FOR_SALE',                      'BCeID users notification when credits are listed for sale on the credit market',                              'Email content', 'system', 'system', NULL),
    (22, 'BCEID__GOVERNMENT_NOTIFICATION',                                     'Government notifications (alerts, deadlines & outages)',                                                      'Email content', 'system', 'system', 2),
    (23, 'IDIR_ANALYST__GOVERNMENT_NOTIFICATION',                              'Government notifications (alerts, deadlines & outages)',                                                      'Email content', 'system', 'system', 4),
    (24, 'IDIR_COMPLIANCE_MANAGER__GOVERNMENT_NOTIFICATION',                   'Government notifications (alerts, deadlines & outages)',                                                      'Email content', 'system', 'system', 5),
    (25, 'IDIR_DIRECTOR__GOVERNMENT_NOTIFICATION',                             'Government notifications (alerts, deadlines & outages)',                                                      'Email content', 'system', 'system', 6);
SELECT setval('notification_type_notification_type_id_seq', (SELECT max(notification_type_id) FROM notification_type));

-- Which notifications a user receives on which channel, at most once each.
CREATE TABLE notification_channel_subscription (
    notification_channel_subscription_id serial,
    is_enabled                           boolean,
    user_profile_id                      integer,
    notification_type_id                 integer,
    notification_channel_id              integer,
    create_date                          timestamptz DEFAULT now(),
    update_date                          timestamptz DEFAULT now(),
    create_user                          varchar,
    update_user                          varchar,
    CONSTRAINT pk_notification_channel_subscription
        PRIMARY KEY (notification_channel_subscription_id),
    CONSTRAINT fk_notification_channel_subscription_notification_chann_59d0
        FOREIGN KEY (notification_channel_id) REFERENCES notification_channel (notification_channel_id),
    CONSTRAINT fk_notification_channel_subscription_notification_type__27b7
        FOREIGN KEY (notification_type_id) REFERENCES notification_type (notification_type_id),
    CONSTRAINT fk_notification_channel_subscription_user_profile_id_us_2342
        FOREIGN KEY (user_profile_id) REFERENCES user_profile (user_profile_id),
    CONSTRAINT uq_user_channel_type
        UNIQUE (user_profile_id, notification_channel_id, notification_type_id)
);
COMMENT ON TABLE notification_channel_subscription IS 'A user''s subscription to a kind of notification on a channel.';

-- Messages ----------------------------------------------------------------------------------------

-- Messages shown in the application's notification list.
CREATE TABLE notification_message (
    notification_message_id serial,
    is_read                 boolean,
    is_warning              boolean,
    is_error                boolean,
    is_archived             boolean,
    type                    text        NOT NULL,
    message                 text        NOT NULL,
    related_organization_id integer,
    origin_user_profile_id  integer,
    related_user_profile_id integer,
    notification_type_id    integer,
    related_transaction_id  text        NOT NULL,
    create_date             timestamptz DEFAULT now(),
    update_date             timestamptz DEFAULT now(),
    create_user             varchar,
    update_user             varchar,
    CONSTRAINT pk_notification_message PRIMARY KEY (notification_message_id),
    CONSTRAINT fk_notification_message_notification_type_id_notification_type
        FOREIGN KEY (notification_type_id) REFERENCES notification_type (notification_type_id),
    CONSTRAINT fk_notification_message_origin_user_profile_id_user_profile
        FOREIGN KEY (origin_user_profile_id) REFERENCES user_profile (user_profile_id),
    CONSTRAINT fk_notification_message_related_organization_id_organization
        FOREIGN KEY (related_organization_id) REFERENCES organization (organization_id),
    CONSTRAINT fk_notification_message_related_user_profile_id_user_profile
        FOREIGN KEY (related_user_profile_id) REFERENCES user_profile (user_profile_id)
);
COMMENT ON TABLE notification_message IS 'In-application notification message to a user.';

-- A notice government posts for every user (alerts, outages, deadlines).
CREATE TABLE government_notification (
    government_notification_id serial,
    notification_title         varchar(200)           NOT NULL,
    notification_text          text                   NOT NULL,
    link_url                   varchar(500),
    notification_type          notification_type_enum NOT NULL DEFAULT 'General',
    create_date                timestamptz            DEFAULT now(),
    update_date                timestamptz            DEFAULT now(),
    create_user                varchar,
    update_user                varchar,
    CONSTRAINT pk_government_notification PRIMARY KEY (government_notification_id)
);
COMMENT ON TABLE government_notification IS 'Notice that government posts for all users.';
