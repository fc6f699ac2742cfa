CREATE TABLE audit_log (audit_log_id serial PRIMARY KEY);
CREATE FUNCTION audit_trigger_func() RETURNS trigger AS $body$
BEGIN
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
