-- What a DBA commonly adds to a production LCFS database beside Alembic's schema: a performance
-- index on one of LCFS's tables, a monitoring extension, a read-only role with grants, and a
-- table, a view and a function of the DBA's own. `{role}` is replaced by the test's role name.
CREATE INDEX ix_dba_transfer_create ON transfer (create_date);
CREATE EXTENSION pg_stat_statements;
CREATE ROLE {role} NOLOGIN;
GRANT SELECT ON transfer, organization TO {role};
CREATE TABLE dba_audit (
    dba_audit_id serial PRIMARY KEY,
    note text NOT NULL,
    noted_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE dba_audit IS 'Notes kept by the DBA';
CREATE INDEX ix_dba_audit_noted_at ON dba_audit (noted_at);
GRANT SELECT, INSERT ON dba_audit TO {role};
INSERT INTO dba_audit (note) VALUES ('before adopt');
CREATE VIEW dba_transfer_dates AS SELECT transfer_id, create_date FROM transfer;
CREATE FUNCTION dba_transfer_count() RETURNS bigint LANGUAGE sql STABLE
    AS 'SELECT count(*) FROM transfer';
