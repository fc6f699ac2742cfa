CREATE TABLE audit_log (audit_log_id serial PRIMARY KEY);
CREATE TRIGGER audit_audit_log AFTER INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_trigger_func('audit_log_id'));
