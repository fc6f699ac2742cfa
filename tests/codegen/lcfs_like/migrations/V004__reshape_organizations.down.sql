DROP MATERIALIZED VIEW mv_organization_count;
ALTER TYPE penalty_contravention_enum RENAME TO contravention_enum;
ALTER TYPE org_status_enum RENAME VALUE 'Cancelled' TO 'Canceled';
ALTER TABLE organization_address RENAME CONSTRAINT pk_organization_address TO organization_address_pkey;
ALTER TABLE organization_address DROP COLUMN location_ids, DROP COLUMN tags;
ALTER TABLE user_login_event DROP COLUMN user_profile_id;
ALTER SEQUENCE user_login_event_user_login_history_id_seq RENAME TO user_login_history_user_login_history_id_seq;
ALTER TABLE user_login_event ALTER COLUMN user_login_history_id
    SET DEFAULT nextval('user_login_history_user_login_history_id_seq'::regclass);
ALTER TABLE user_login_event RENAME TO user_login_history;
ALTER TABLE user_profile ADD COLUMN type text;
ALTER TABLE organization DROP CONSTRAINT ck_organization_balance;
ALTER TABLE organization ADD CONSTRAINT organization_credits_to_sell_check CHECK (credits_to_sell >= 0);
ALTER TABLE organization ALTER COLUMN email TYPE VARCHAR(255);
ALTER TABLE organization ALTER COLUMN effective_date DROP NOT NULL, ALTER COLUMN effective_date DROP DEFAULT;
ALTER TABLE organization RENAME COLUMN records_address_text TO records_address;
ALTER TABLE organization DROP COLUMN records_address, DROP COLUMN "order";
