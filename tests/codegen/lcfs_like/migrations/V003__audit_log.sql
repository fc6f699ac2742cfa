CREATE TABLE audit_log (
    audit_log_id SERIAL NOT NULL,
    table_name TEXT NOT NULL,
    operation TEXT NOT NULL,
    row_id JSONB NOT NULL,
    old_values JSONB,
    new_values JSONB,
    delta JSONB,
    create_user VARCHAR,
    create_date TIMESTAMP WITH TIME ZONE DEFAULT now(),
    CONSTRAINT pk_audit_log PRIMARY KEY (audit_log_id)
);
CREATE INDEX idx_audit_log_table_name ON audit_log (table_name);
CREATE INDEX idx_audit_log_delta ON audit_log USING gin (delta);
COMMENT ON TABLE audit_log IS 'Row changes of audited tables, as JSON';

CREATE OR REPLACE FUNCTION audit_trigger_func() RETURNS trigger AS $body$
DECLARE
    v_old jsonb := to_jsonb(OLD);
    v_new jsonb := to_jsonb(NEW);
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO audit_log (table_name, operation, row_id, new_values)
        VALUES (TG_TABLE_NAME, TG_OP, jsonb_build_object('id', v_new -> TG_ARGV[0]), v_new);
        RETURN NEW;
    END IF;
    INSERT INTO audit_log (table_name, operation, row_id, old_values, new_values)
    VALUES (TG_TABLE_NAME, TG_OP, jsonb_build_object('id', v_old -> TG_ARGV[0]), v_old, v_new);
    RETURN COALESCE(NEW, OLD);
END;
$body$ LANGUAGE plpgsql COST 100;

CREATE TRIGGER audit_organization_insert_update_delete
    AFTER INSERT OR UPDATE OR DELETE ON organization
    FOR EACH ROW EXECUTE FUNCTION audit_trigger_func('organization_id');
CREATE TRIGGER audit_user_profile_insert_update_delete
    AFTER INSERT OR UPDATE OR DELETE ON user_profile
    FOR EACH ROW EXECUTE FUNCTION audit_trigger_func('user_profile_id');
COMMENT ON FUNCTION audit_trigger_func() IS 'Writes one audit_log row per changed row';
