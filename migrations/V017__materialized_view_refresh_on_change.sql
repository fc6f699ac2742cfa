-- V017 materialized views refreshed only when a statement can change them: the seven views, their
-- columns, unique indexes and refresh triggers stay as V014 made them, and after each statement
-- every view still equals what a refresh at that moment would give, exactly as in LCFS. What
-- changes is that a refresh that could not change a view is skipped.
--
-- A view's contents are a function of the rows it reads, of the small tables it joins without
-- watching them (organization names, status labels, categories, compliance periods) and, for the
-- credit transactions, of the session's TimeZone. After a statement on a watched table LCFS
-- recomputes the view whatever happened. Here:
--   1. Four statement triggers per watched table (mv_changes_after_insert, _update, _delete,
--      _truncate), named to fire before the refresh triggers, compare the statement's old and new
--      rows (transition tables) on the columns and rows each view reads, and note, for the rest
--      of the statement, the views whose inputs really changed. A statement that changed no row,
--      or only columns no view reads, notes nothing. Comparing values is finer than
--      AFTER UPDATE OF: it ignores a column set to its own value and sees a column changed by
--      another trigger (PostgreSQL also refuses transition tables with a column list).
--      Counters compare counts: moving a transfer from Submitted to Recommended leaves the
--      in-progress count alone.
--   2. The refresh triggers keep their names, events and functions. Each function now refreshes
--      its view when the statement noted it, or when the view's unwatched inputs differ from those
--      it was last refreshed with, or when it is stale. So an organization renamed between two
--      writes still shows at the next write to a watched table, even one that changes no row, as
--      in LCFS.
--   3. TRUNCATE, which fires no refresh in LCFS either, marks the views stale: the next statement
--      on a watched table refreshes them, as LCFS's would.
--   4. Refreshes run with JIT compilation off: compiling the refresh's queries cost more than
--      running them (0.35 s of 0.69 s for the aggregate's query at 100,000 ledger rows).
--
-- The refresh state is data, not catalog: one row per view in lcfs_db.matview_refresh_state (the
-- fingerprint of the unwatched inputs of its last refresh; no row means stale), written in the
-- refreshing statement's transaction, so a rollback takes it back with the refresh. It lives with
-- the functions below in schema lcfs_db, the migrations' own: LCFS's rules for public (every table
-- audited, ensure_audit_triggers, the reference catalog) stay as they are, and a write changes
-- no catalog entry, so a catalog check after writes finds nothing to report. No row exists yet,
-- so the first write after the upgrade refreshes every view its table watches.
--
-- The credit ledger reads only the aggregate. It is refreshed when the statement changed a row
-- the ledger lists (a recorded transfer, an approved adjustment or agreement, an assessed report,
-- any transaction) or which transactions are standalone; comments and the adjustment and
-- agreement histories never reach it. Writes made with triggers disabled (session_replication_role
-- = replica) are not seen until a statement changes the view or a REFRESH is run by hand; in LCFS
-- the next statement on a watched table would pick them up. A REFRESH run by hand (or by a
-- restore) does not touch the state: its data is complete, and only its TimeZone-dependent
-- columns stay in that session's TimeZone until the next refresh. docs/differences.md #14.

CREATE SCHEMA lcfs_db;

-- Any role that writes to a watched table fires the triggers below and must find their
-- functions, as it finds public's. Usage grants no access to the state table itself.
GRANT USAGE ON SCHEMA lcfs_db TO PUBLIC;

CREATE TABLE lcfs_db.matview_refresh_state (
    matview text PRIMARY KEY,
    inputs  text NOT NULL
);

COMMENT ON TABLE lcfs_db.matview_refresh_state IS
    'Materialized views of public refreshed by their triggers since the upgrade; a view without a row is stale.';
COMMENT ON COLUMN lcfs_db.matview_refresh_state.inputs IS
    'lcfs_db.mv_inputs(matview) when it was last refreshed: the unwatched inputs it read.';

-- The fingerprint (SHA-256) of what a view reads from tables that fire no refresh: the credit
-- views show organization names, status and category labels and period descriptions, and
-- depend on the session's TimeZone; the compliance-report counters select by status label and
-- period; the other counters read watched tables only.
CREATE FUNCTION lcfs_db.mv_inputs(matview text) RETURNS text
LANGUAGE sql STABLE
AS $$
    SELECT encode(sha256(convert_to(CASE
        WHEN matview IN ('mv_transaction_aggregate', 'mv_credit_ledger') THEN concat_ws('|',
            current_setting('TimeZone'),
            (SELECT string_agg(o.organization_id || '=' || quote_nullable(o.name), ',' ORDER BY o.organization_id)
               FROM public.organization o),
            (SELECT string_agg(s.transfer_status_id || '=' || quote_nullable(s.status), ',' ORDER BY s.transfer_status_id)
               FROM public.transfer_status s),
            (SELECT string_agg(c.transfer_category_id || '=' || quote_nullable(c.category), ',' ORDER BY c.transfer_category_id)
               FROM public.transfer_category c),
            (SELECT string_agg(s.initiative_agreement_status_id || '=' || quote_nullable(s.status), ',' ORDER BY s.initiative_agreement_status_id)
               FROM public.initiative_agreement_status s),
            (SELECT string_agg(s.admin_adjustment_status_id || '=' || quote_nullable(s.status), ',' ORDER BY s.admin_adjustment_status_id)
               FROM public.admin_adjustment_status s),
            (SELECT string_agg(s.compliance_report_status_id || '=' || quote_nullable(s.status), ',' ORDER BY s.compliance_report_status_id)
               FROM public.compliance_report_status s),
            (SELECT string_agg(p.compliance_period_id || '=' || quote_nullable(p.description), ',' ORDER BY p.compliance_period_id)
               FROM public.compliance_period p))
        WHEN matview IN ('mv_director_review_transaction_count', 'mv_compliance_report_count',
                         'mv_org_compliance_report_count') THEN concat_ws('|',
            (SELECT string_agg(s.compliance_report_status_id || '=' || quote_nullable(s.status), ',' ORDER BY s.compliance_report_status_id)
               FROM public.compliance_report_status s),
            (SELECT string_agg(p.compliance_period_id || '=' || quote_nullable(p.description), ',' ORDER BY p.compliance_period_id)
               FROM public.compliance_period p))
        ELSE ''
    END, 'UTF8')), 'hex');
$$;

-- What each view reads of each watched table: the columns, and the rows (a filter). A view is
-- noted when the statement's new rows and old rows differ there, as multisets; a counter's
-- column list is the constant 1, so only a change in the number of matching rows counts. Ids are
-- compared as the views compare them: hard-coded where the view hard-codes them, by label where
-- it joins a status table.
CREATE FUNCTION lcfs_db.mv_note_changes() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    rule         record;
    changed      boolean;
    new_relation text := CASE TG_OP WHEN 'DELETE' THEN '(SELECT * FROM old_rows WHERE false)' ELSE 'new_rows' END;
    old_relation text := CASE TG_OP WHEN 'INSERT' THEN '(SELECT * FROM new_rows WHERE false)' ELSE 'old_rows' END;
    pending      text := coalesce(nullif(current_setting('lcfs_db.mv_pending', true), ''), ',');
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        PERFORM lcfs_db.mv_mark_stale(TG_TABLE_NAME);
        RETURN NULL;
    END IF;
    FOR rule IN SELECT r.matview, r.read_columns, r.read_rows
                  FROM lcfs_db.mv_read_rules() r
                 WHERE r.table_name = TG_TABLE_NAME LOOP
        CONTINUE WHEN position(',' || rule.matview || ',' IN pending) > 0;
        EXECUTE format('SELECT EXISTS ((SELECT %1$s FROM %2$s n WHERE %4$s EXCEPT ALL SELECT %1$s FROM %3$s o WHERE %4$s) '
                       'UNION ALL (SELECT %1$s FROM %3$s o WHERE %4$s EXCEPT ALL SELECT %1$s FROM %2$s n WHERE %4$s))',
                       rule.read_columns, new_relation, old_relation, rule.read_rows)
           INTO changed;
        IF changed THEN
            pending := pending || rule.matview || ',';
        END IF;
    END LOOP;
    PERFORM set_config('lcfs_db.mv_pending', pending, true);
    RETURN NULL;
END;
$$;

-- The rules mv_note_changes applies, one row per view and watched table (two where a view reads
-- two sets of rows), read from the views' definitions in V014.
CREATE FUNCTION lcfs_db.mv_read_rules()
RETURNS TABLE (table_name text, matview text, read_columns text, read_rows text)
LANGUAGE sql IMMUTABLE
AS $$
    VALUES
    ('transfer', 'mv_transaction_aggregate',
     'transfer_id, from_organization_id, to_organization_id, from_transaction_id, to_transaction_id, '
     'transaction_effective_date, price_per_unit, quantity, transfer_category_id, current_status_id, create_date, update_date',
     'true'),
    ('transfer', 'mv_credit_ledger',
     'transfer_id, from_organization_id, to_organization_id, transaction_effective_date, quantity, create_date, update_date',
     'current_status_id IN (SELECT s.transfer_status_id FROM public.transfer_status s WHERE s.status = ''Recorded'')'),
    ('transfer', 'mv_credit_ledger', 'from_transaction_id, to_transaction_id', 'true'),
    ('transfer', 'mv_transaction_count', '1', 'current_status_id IN (4, 5)'),
    ('transfer', 'mv_director_review_transaction_count', '1', 'current_status_id = 5'),
    ('transfer_history', 'mv_transaction_aggregate',
     'transfer_history_id, transfer_id, transfer_status_id, create_date', 'transfer_status_id = 6'),
    ('transfer_history', 'mv_credit_ledger',
     'transfer_history_id, transfer_id, transfer_status_id, create_date', 'transfer_status_id = 6'),
    ('transfer_comment', 'mv_transaction_aggregate',
     'transfer_comment_id, transfer_id, comment_source, comment', 'true'),
    ('initiative_agreement', 'mv_transaction_aggregate',
     'initiative_agreement_id, to_organization_id, transaction_id, current_status_id, compliance_units, '
     'transaction_effective_date, gov_comment, create_date, update_date',
     'true'),
    ('initiative_agreement', 'mv_credit_ledger',
     'initiative_agreement_id, to_organization_id, compliance_units, transaction_effective_date, create_date, update_date',
     'current_status_id IN (SELECT s.initiative_agreement_status_id FROM public.initiative_agreement_status s WHERE s.status = ''Approved'')'),
    ('initiative_agreement', 'mv_credit_ledger', 'transaction_id', 'true'),
    ('initiative_agreement', 'mv_transaction_count', '1', 'current_status_id IN (1, 2)'),
    ('initiative_agreement', 'mv_director_review_transaction_count', '1', 'current_status_id = 2'),
    ('initiative_agreement_history', 'mv_transaction_aggregate',
     'initiative_agreement_history_id, initiative_agreement_id, initiative_agreement_status_id, create_date',
     'initiative_agreement_status_id = 3'),
    ('admin_adjustment', 'mv_transaction_aggregate',
     'admin_adjustment_id, to_organization_id, transaction_id, current_status_id, compliance_units, '
     'transaction_effective_date, gov_comment, create_date, update_date',
     'true'),
    ('admin_adjustment', 'mv_credit_ledger',
     'admin_adjustment_id, to_organization_id, compliance_units, transaction_effective_date, create_date, update_date',
     'current_status_id IN (SELECT s.admin_adjustment_status_id FROM public.admin_adjustment_status s WHERE s.status = ''Approved'')'),
    ('admin_adjustment', 'mv_credit_ledger', 'transaction_id', 'true'),
    ('admin_adjustment', 'mv_transaction_count', '1', 'current_status_id IN (1, 2)'),
    ('admin_adjustment', 'mv_director_review_transaction_count', '1', 'current_status_id = 2'),
    ('admin_adjustment_history', 'mv_transaction_aggregate',
     'admin_adjustment_history_id, admin_adjustment_id, admin_adjustment_status_id, create_date',
     'admin_adjustment_status_id = 3'),
    ('compliance_report', 'mv_transaction_aggregate',
     'compliance_report_id, organization_id, compliance_period_id, current_status_id, transaction_id, nickname, '
     'create_date, update_date',
     'true'),
    ('compliance_report', 'mv_credit_ledger',
     'compliance_report_id, organization_id, compliance_period_id, transaction_id, create_date, update_date',
     'current_status_id IN (SELECT s.compliance_report_status_id FROM public.compliance_report_status s WHERE s.status = ''Assessed'')'),
    ('compliance_report', 'mv_credit_ledger', 'transaction_id', 'true'),
    ('compliance_report', 'mv_director_review_transaction_count',
     'compliance_report_id, compliance_report_group_uuid, version, organization_id, compliance_period_id, '
     'current_status_id, supplemental_initiator',
     'true'),
    ('compliance_report', 'mv_compliance_report_count',
     'compliance_report_id, compliance_report_group_uuid, version, organization_id, compliance_period_id, '
     'current_status_id, supplemental_initiator',
     'true'),
    ('compliance_report', 'mv_org_compliance_report_count',
     'compliance_report_id, compliance_report_group_uuid, version, organization_id, current_status_id',
     'true'),
    ('transaction', 'mv_transaction_aggregate',
     'transaction_id, organization_id, compliance_units, effective_status, effective_date, create_date, update_date',
     'true'),
    ('transaction', 'mv_credit_ledger',
     'transaction_id, organization_id, compliance_units, effective_status, effective_date, create_date, update_date',
     'true'),
    ('fuel_code', 'mv_director_review_transaction_count', '1', 'fuel_status_id = 4'),
    ('fuel_code', 'mv_fuel_code_count', '1', 'fuel_status_id = 1')
$$;

-- Marks stale the views a table feeds, after TRUNCATE. It runs as the migrations' owner, so that
-- a role allowed to truncate the table needs no rights on the state: in LCFS, TRUNCATE needs
-- none on the views. It can only cause one more refresh, which LCFS runs after every write.
CREATE FUNCTION lcfs_db.mv_mark_stale(watched text) RETURNS void
LANGUAGE sql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    DELETE FROM lcfs_db.matview_refresh_state
     WHERE matview IN (SELECT r.matview FROM lcfs_db.mv_read_rules() r WHERE r.table_name = watched);
$$;

-- Refreshes one view when the current statement noted it, when its unwatched inputs changed since
-- its last refresh here, or when it is stale; takes its note. The state row is written only when,
-- as it stands after the refresh (which waited for any concurrent refresh of the view to commit),
-- it names other inputs than this refresh's: so it always names those of the view's last refresh.
-- JIT is off for the refresh's queries.
CREATE FUNCTION lcfs_db.mv_refresh_if_needed(target text) RETURNS void
LANGUAGE plpgsql
SET jit = off
AS $$
DECLARE
    pending     text := coalesce(current_setting('lcfs_db.mv_pending', true), '');
    fingerprint text := lcfs_db.mv_inputs(target);
BEGIN
    IF position(',' || target || ',' IN pending) > 0 THEN
        PERFORM set_config('lcfs_db.mv_pending', replace(pending, ',' || target || ',', ','), true);
    ELSIF EXISTS (SELECT 1 FROM lcfs_db.matview_refresh_state s
                   WHERE s.matview = target AND s.inputs = fingerprint) THEN
        RETURN;
    END IF;
    EXECUTE format('REFRESH MATERIALIZED VIEW CONCURRENTLY public.%I', target);
    INSERT INTO lcfs_db.matview_refresh_state AS s (matview, inputs)
    VALUES (target, fingerprint)
    ON CONFLICT (matview) DO UPDATE SET inputs = excluded.inputs
     WHERE s.inputs IS DISTINCT FROM excluded.inputs;
END;
$$;

-- The six refresh functions of V014, same names and triggers, refreshing only what can change.
CREATE OR REPLACE FUNCTION refresh_transaction_aggregate() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM lcfs_db.mv_refresh_if_needed('mv_transaction_aggregate');
    IF EXISTS (SELECT 1 FROM pg_matviews
                WHERE schemaname = 'public' AND matviewname = 'mv_credit_ledger') THEN
        PERFORM lcfs_db.mv_refresh_if_needed('mv_credit_ledger');
    END IF;
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION refresh_mv_transaction_count() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM lcfs_db.mv_refresh_if_needed('mv_transaction_count');
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION refresh_mv_director_review_transaction_count() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM lcfs_db.mv_refresh_if_needed('mv_director_review_transaction_count');
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION refresh_mv_compliance_report_count() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM lcfs_db.mv_refresh_if_needed('mv_compliance_report_count');
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION refresh_mv_org_compliance_report_count() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM lcfs_db.mv_refresh_if_needed('mv_org_compliance_report_count');
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION refresh_mv_fuel_code_count() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM lcfs_db.mv_refresh_if_needed('mv_fuel_code_count');
    RETURN NULL;
END;
$$;

-- The change triggers, on every table a refresh trigger watches. Their names sort before the refresh
-- triggers', so on each statement they fire first.
CREATE TRIGGER mv_changes_after_insert AFTER INSERT ON transfer
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
CREATE TRIGGER mv_changes_after_update AFTER UPDATE ON transfer
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
CREATE TRIGGER mv_changes_after_delete AFTER DELETE ON transfer
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
CREATE TRIGGER mv_changes_after_truncate AFTER TRUNCATE ON transfer
    FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
CREATE TRIGGER mv_changes_after_insert AFTER INSERT ON transfer_history
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
CREATE TRIGGER mv_changes_after_update AFTER UPDATE ON transfer_history
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
CREATE TRIGGER mv_changes_after_delete AFTER DELETE ON transfer_history
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
CREATE TRIGGER mv_changes_after_truncate AFTER TRUNCATE ON transfer_history
    FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
CREATE TRIGGER mv_changes_after_insert AFTER INSERT ON transfer_comment
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
CREATE TRIGGER mv_changes_after_update AFTER UPDATE ON transfer_comment
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
CREATE TRIGGER mv_changes_after_delete AFTER DELETE ON transfer_comment
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
CREATE TRIGGER mv_changes_after_truncate AFTER TRUNCATE ON transfer_comment
    FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
CREATE TRIGGER mv_changes_after_insert AFTER INSERT ON initiative_agreement
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
CREATE TRIGGER mv_changes_after_update AFTER UPDATE ON initiative_agreement
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
CREATE TRIGGER mv_changes_after_delete AFTER DELETE ON initiative_agreement
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
CREATE TRIGGER mv_changes_after_truncate AFTER TRUNCATE ON initiative_agreement
    FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
CREATE TRIGGER mv_changes_after_insert AFTER INSERT ON initiative_agreement_history
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
CREATE TRIGGER mv_changes_after_update AFTER UPDATE ON initiative_agreement_history
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
CREATE TRIGGER mv_changes_after_delete AFTER DELETE ON initiative_agreement_history
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
CREATE TRIGGER mv_changes_after_truncate AFTER TRUNCATE ON initiative_agreement_history
    FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
CREATE TRIGGER mv_changes_after_insert AFTER INSERT ON admin_adjustment
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
CREATE TRIGGER mv_changes_after_update AFTER UPDATE ON admin_adjustment
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
CREATE TRIGGER mv_changes_after_delete AFTER DELETE ON admin_adjustment
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
CREATE TRIGGER mv_changes_after_truncate AFTER TRUNCATE ON admin_adjustment
    FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
CREATE TRIGGER mv_changes_after_insert AFTER INSERT ON admin_adjustment_history
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
CREATE TRIGGER mv_changes_after_update AFTER UPDATE ON admin_adjustment_history
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
CREATE TRIGGER mv_changes_after_delete AFTER DELETE ON admin_adjustment_history
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
CREATE TRIGGER mv_changes_after_truncate AFTER TRUNCATE ON admin_adjustment_history
    FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
CREATE TRIGGER mv_changes_after_insert AFTER INSERT ON compliance_report
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
CREATE TRIGGER mv_changes_after_update AFTER UPDATE ON compliance_report
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
CREATE TRIGGER mv_changes_after_delete AFTER DELETE ON compliance_report
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
CREATE TRIGGER mv_changes_after_truncate AFTER TRUNCATE ON compliance_report
    FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
CREATE TRIGGER mv_changes_after_insert AFTER INSERT ON transaction
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
CREATE TRIGGER mv_changes_after_update AFTER UPDATE ON transaction
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
CREATE TRIGGER mv_changes_after_delete AFTER DELETE ON transaction
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
CREATE TRIGGER mv_changes_after_truncate AFTER TRUNCATE ON transaction
    FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
CREATE TRIGGER mv_changes_after_insert AFTER INSERT ON fuel_code
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
CREATE TRIGGER mv_changes_after_update AFTER UPDATE ON fuel_code
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
CREATE TRIGGER mv_changes_after_delete AFTER DELETE ON fuel_code
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
CREATE TRIGGER mv_changes_after_truncate AFTER TRUNCATE ON fuel_code
    FOR EACH STATEMENT EXECUTE FUNCTION lcfs_db.mv_note_changes();
