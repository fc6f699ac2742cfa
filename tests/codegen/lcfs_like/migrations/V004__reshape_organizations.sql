-- Every kind of change the schema model follows.
ALTER TABLE organization ADD COLUMN IF NOT EXISTS records_address VARCHAR(2000),
    ADD COLUMN "order" integer;
ALTER TABLE organization ADD COLUMN IF NOT EXISTS records_address VARCHAR(2000);
ALTER TABLE organization RENAME COLUMN records_address TO records_address_text;
ALTER TABLE organization ALTER COLUMN email TYPE VARCHAR(320);
-- lcfs-db: accept set-not-null-without-check because a fixture of the model; no live data
ALTER TABLE organization ALTER COLUMN effective_date SET NOT NULL,
    ALTER COLUMN effective_date SET DEFAULT CURRENT_DATE;
ALTER TABLE organization ALTER COLUMN email DROP NOT NULL, ALTER COLUMN create_user SET DEFAULT 'system';
ALTER TABLE organization ALTER COLUMN create_user DROP DEFAULT;
ALTER TABLE organization DROP CONSTRAINT organization_credits_to_sell_check;
-- lcfs-db: accept constraint-missing-not-valid because a fixture of the model; no live data
ALTER TABLE organization ADD CONSTRAINT ck_organization_balance CHECK (reserved_balance <= total_balance);
-- lcfs-db: accept drop-column because a fixture of the model; no live data
ALTER TABLE user_profile DROP COLUMN type;
-- lcfs-db: accept rename-table-or-view because a fixture of the model; no live data
ALTER TABLE user_login_history RENAME TO user_login_event;
-- lcfs-db: accept constraint-missing-not-valid because a fixture of the model; no live data
ALTER TABLE user_login_event ADD COLUMN user_profile_id integer,
    ADD CONSTRAINT fk_user_login_event_user_profile FOREIGN KEY (user_profile_id)
        REFERENCES user_profile (user_profile_id) ON DELETE SET NULL;
ALTER SEQUENCE user_login_history_user_login_history_id_seq RENAME TO user_login_event_user_login_history_id_seq;
ALTER TABLE user_login_event ALTER COLUMN user_login_history_id
    SET DEFAULT nextval('user_login_event_user_login_history_id_seq'::regclass);
ALTER TABLE organization_address ADD COLUMN tags text[] DEFAULT '{}' NOT NULL,
    ADD COLUMN location_ids integer[];
ALTER TABLE organization_address RENAME CONSTRAINT organization_address_pkey TO pk_organization_address;

ALTER TYPE org_status_enum ADD VALUE 'Pending' BEFORE 'Registered';
ALTER TYPE org_status_enum ADD VALUE IF NOT EXISTS 'Archived' AFTER 'Canceled';
ALTER TYPE org_status_enum ADD VALUE IF NOT EXISTS 'Archived';
-- lcfs-db: accept remove-enum-label because a fixture of the model; no live data
ALTER TYPE org_status_enum RENAME VALUE 'Canceled' TO 'Cancelled';
-- lcfs-db: accept remove-enum-label because a fixture of the model; no live data
ALTER TYPE contravention_enum RENAME TO penalty_contravention_enum;

CREATE TYPE temporary_enum AS ENUM ('a');
CREATE TABLE scratch (id integer PRIMARY KEY, kind temporary_enum);
DROP TABLE scratch;
DROP TYPE temporary_enum;

CREATE MATERIALIZED VIEW mv_organization_count AS
SELECT organization_status_id, count(*) AS organizations FROM organization GROUP BY 1
WITH NO DATA;
