DROP FUNCTION audit_trigger_func(); DROP TABLE audit_log;
