-- An LCFS database as Alembic leaves it at revision b8f9c0d1e2a3, built for the adoption tests
-- from a database at our V015 with the intentional differences of docs/differences.md reversed,
-- the function bodies written as LCFS's behave (LCFS's reference gives their signatures only),
-- and what LCFS's own databases carry beyond the reference: alembic_version, a leftover
-- snapshot table with its trigger, index and check, LCFS's comments and lagging sequences. This
-- is a second LCFS database on its server (the reporting role reads V015's 16 views);
-- tests/adopt/first_on_its_server.sql makes it the first. tests/adopt/data.sql and ledger.sql
-- then add rows.

-- Alembic's bookkeeping, and no lcfs-db history.
DROP TABLE refinery_schema_history;
CREATE TABLE alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
INSERT INTO alembic_version (version_num) VALUES ('b8f9c0d1e2a3');

-- Row 1: LCFS's database lacks the supply-date check.
ALTER TABLE compliance_report_charging_equipment
    DROP CONSTRAINT ck_compliance_report_charging_equipment_check_supply_date_order;

-- Row 2: LCFS created the CI-application tables after its one call to ensure_audit_triggers.
DROP TRIGGER audit_ci_application_insert_update_delete ON ci_application;
DROP TRIGGER audit_ci_application_document_association_insert_update_delete ON ci_application_document_association;
DROP TRIGGER audit_ci_application_history_insert_update_delete ON ci_application_history;
DROP TRIGGER audit_ci_application_internal_comment_insert_update_delete ON ci_application_internal_comment;
DROP TRIGGER audit_ci_application_status_insert_update_delete ON ci_application_status;
DROP TRIGGER audit_pathway_insert_update_delete ON pathway;
DROP TRIGGER audit_pathway_application_type_insert_update_delete ON pathway_application_type;
DROP TRIGGER audit_pathway_fuel_code_type_insert_update_delete ON pathway_fuel_code_type;

-- Rows 3 and 4: LCFS finds the key column through information_schema by bare table name and
-- parses its text as JSON (a text key such as 'AB12' fails the write).
CREATE OR REPLACE FUNCTION audit_trigger_func() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    v_pk_col text;
    v_row_id jsonb;
    v_old    jsonb;
    v_new    jsonb;
BEGIN
    SELECT c.column_name
      INTO v_pk_col
      FROM information_schema.table_constraints tc
      JOIN information_schema.constraint_column_usage ccu
        ON ccu.constraint_schema = tc.constraint_schema
       AND ccu.constraint_name = tc.constraint_name
      JOIN information_schema.columns c
        ON c.table_schema = tc.constraint_schema
       AND c.table_name = tc.table_name
       AND c.column_name = ccu.column_name
     WHERE tc.constraint_type = 'PRIMARY KEY'
       AND tc.table_name = TG_TABLE_NAME
     LIMIT 1;

    IF TG_OP = 'DELETE' THEN
        v_old := to_jsonb(OLD);
        EXECUTE format('SELECT ($1).%I', v_pk_col) INTO v_row_id USING OLD;
    ELSIF TG_OP = 'UPDATE' THEN
        v_old := to_jsonb(OLD);
        v_new := to_jsonb(NEW);
        EXECUTE format('SELECT ($1).%I', v_pk_col) INTO v_row_id USING NEW;
    ELSE
        v_new := to_jsonb(NEW);
        EXECUTE format('SELECT ($1).%I', v_pk_col) INTO v_row_id USING NEW;
    END IF;

    INSERT INTO audit_log (table_name, operation, row_id, old_values, new_values, delta,
                           create_user, update_user)
    VALUES (TG_TABLE_NAME, TG_OP, v_row_id, v_old, v_new,
            CASE WHEN TG_OP = 'UPDATE' THEN generate_json_delta(v_old, v_new) END,
            current_setting('app.username', true), current_setting('app.username', true));
    RETURN NULL;
END;
$$;

-- Row 5: LCFS skips alembic_version only.
CREATE OR REPLACE FUNCTION ensure_audit_triggers() RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    audit_func oid;
    audited    record;
BEGIN
    SELECT p.oid
      INTO audit_func
      FROM pg_proc p
      JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname = 'public'
       AND p.proname = 'audit_trigger_func';
    IF audit_func IS NULL THEN
        RETURN;
    END IF;

    FOR audited IN
        SELECT t.tablename
          FROM pg_tables t
         WHERE t.schemaname = 'public'
           AND t.tablename NOT IN ('audit_log', 'alembic_version')
           AND NOT EXISTS (SELECT 1
                             FROM pg_trigger tg
                            WHERE tg.tgrelid = format('public.%I', t.tablename)::regclass
                              AND tg.tgfoid = audit_func
                              AND NOT tg.tgisinternal)
         ORDER BY t.tablename
    LOOP
        EXECUTE format(
            'CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON public.%I '
            'FOR EACH ROW EXECUTE FUNCTION public.audit_trigger_func()',
            left('audit_' || audited.tablename || '_insert_update_delete', 63),
            audited.tablename);
    END LOOP;
END;
$$;


-- Row 7: LCFS recomputes the new organization only.
CREATE OR REPLACE FUNCTION update_organization_balance() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    UPDATE organization
       SET total_balance = (SELECT coalesce(sum(compliance_units), 0) FROM transaction
                             WHERE organization_id = NEW.organization_id
                               AND transaction_action = 'Adjustment'),
           reserved_balance = (SELECT coalesce(sum(compliance_units), 0) FROM transaction
                                WHERE organization_id = NEW.organization_id
                                  AND transaction_action = 'Reserved'
                                  AND compliance_units < 0)
     WHERE organization_id = NEW.organization_id;
    RETURN NEW;
END;
$$;

-- Row 8: LCFS recomputes the transfer's current parties only.
CREATE OR REPLACE FUNCTION update_count_transfers_in_progress() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    UPDATE organization o
       SET count_transfers_in_progress = (SELECT count(DISTINCT t.transfer_id) FROM transfer t
                                           WHERE t.current_status_id IN (3, 4, 5)
                                             AND (t.from_organization_id = o.organization_id
                                                  OR t.to_organization_id = o.organization_id))
     WHERE o.organization_id IN (NEW.from_organization_id, NEW.to_organization_id);
    RETURN NEW;
END;
$$;

-- Row 10: LCFS's vw_transfer_base also joins the transfer's two transactions, unread.
CREATE OR REPLACE VIEW vw_transfer_base AS
SELECT t.transfer_id,
       ts.status,
       CASE
           WHEN t.transaction_effective_date IS NOT NULL
           THEN (t.transaction_effective_date AT TIME ZONE 'UTC' AT TIME ZONE 'America/Vancouver')::date
           ELSE (th.update_date AT TIME ZONE 'America/Vancouver')::date
       END AS calculated_effective_date,
       org_from.name AS from_organization,
       org_to.name AS to_organization,
       t.price_per_unit,
       t.quantity,
       t.price_per_unit::double precision * t.quantity::double precision AS transfer_value,
       tc.category::text AS transfer_category
  FROM transfer t
  JOIN transfer_status ts ON ts.transfer_status_id = t.current_status_id
  LEFT JOIN organization org_from ON org_from.organization_id = t.from_organization_id
  LEFT JOIN organization org_to ON org_to.organization_id = t.to_organization_id
  LEFT JOIN transfer_history th
    ON th.transfer_id = t.transfer_id
   AND th.transfer_status_id = 6
  LEFT JOIN transfer_category tc ON tc.transfer_category_id = t.transfer_category_id
  LEFT JOIN transaction from_tx ON from_tx.transaction_id = t.from_transaction_id
  LEFT JOIN transaction to_tx ON to_tx.transaction_id = t.to_transaction_id
 WHERE t.price_per_unit <> 0
   AND ts.status = 'Recorded';

-- Row 11 and LCFS's own text: the same materialized view, written as LCFS wrote it.
DROP MATERIALIZED VIEW mv_fuel_code_count;
CREATE MATERIALIZED VIEW mv_fuel_code_count AS
SELECT 'Draft'::text AS status, count(*) AS count
  FROM fuel_code
 WHERE fuel_status_id = 1
 GROUP BY fuel_status_id
  WITH DATA;
CREATE UNIQUE INDEX mv_fuel_code_count_idx ON mv_fuel_code_count (status);

-- LCFS's own comments: its words on some tables and columns, none on others.
COMMENT ON TABLE organization IS 'Contains a list of all of the recognized Part 3 fuel suppliers, both past and present, as well as an entry for the government which is also considered an organization.';
COMMENT ON COLUMN organization.organization_id IS 'Unique identifier for the organization';
COMMENT ON COLUMN organization.name IS 'Organization''s legal name';
COMMENT ON COLUMN transfer.transfer_id IS 'Unique identifier for the transfer';
COMMENT ON COLUMN transfer.price_per_unit IS 'Price per unit with two decimal places';
COMMENT ON COLUMN fuel_type.fuel_type IS 'Name of the fuel type';
COMMENT ON COLUMN audit_log.row_id IS 'Primary key of the audited row, stored in JSONB format.';
COMMENT ON TABLE fuel_type IS NULL;
COMMENT ON TABLE transfer IS 'Records of tranfer from Organization to Organization';

-- A leftover backup table of charging equipment, with its audit trigger, index and check.
CREATE TABLE charging_equipment_snapshot_c7e4d9a1b2f6 (
    charging_equipment_id integer NOT NULL,
    charging_site_id      integer NOT NULL,
    equipment_number      varchar(3) NOT NULL,
    serial_number         varchar(500) NOT NULL,
    ports                 ports_enum,
    action_type           actiontypeenum NOT NULL DEFAULT 'CREATE',
    snapshot_date         timestamptz DEFAULT now(),
    CONSTRAINT charging_equipment_snapshot_c7e4d9a1b2f6_pkey PRIMARY KEY (charging_equipment_id),
    CONSTRAINT ck_charging_equipment_snapshot_equipment_number
        CHECK (equipment_number::text ~ '^[0-9]{3}$'::text)
);
CREATE INDEX ix_charging_equipment_snapshot_c7e4d9a1b2f6_site
    ON charging_equipment_snapshot_c7e4d9a1b2f6 (charging_site_id);
CREATE TRIGGER audit_charging_equipment_snapshot_c7e4d9a1b2f6_insert_update_de
    AFTER INSERT OR UPDATE OR DELETE ON charging_equipment_snapshot_c7e4d9a1b2f6
    FOR EACH ROW EXECUTE FUNCTION audit_trigger_func();
COMMENT ON TABLE charging_equipment_snapshot_c7e4d9a1b2f6 IS 'Backup of charging_equipment before the data fix';
