-- Reverses V017: the change triggers go, the six refresh functions get V014's bodies back (refresh
-- every time), and schema lcfs_db goes with its functions and the refresh state (bookkeeping
-- only: the views themselves keep their rows).

DROP TRIGGER IF EXISTS mv_changes_after_insert ON transfer;
DROP TRIGGER IF EXISTS mv_changes_after_update ON transfer;
DROP TRIGGER IF EXISTS mv_changes_after_delete ON transfer;
DROP TRIGGER IF EXISTS mv_changes_after_truncate ON transfer;
DROP TRIGGER IF EXISTS mv_changes_after_insert ON transfer_history;
DROP TRIGGER IF EXISTS mv_changes_after_update ON transfer_history;
DROP TRIGGER IF EXISTS mv_changes_after_delete ON transfer_history;
DROP TRIGGER IF EXISTS mv_changes_after_truncate ON transfer_history;
DROP TRIGGER IF EXISTS mv_changes_after_insert ON transfer_comment;
DROP TRIGGER IF EXISTS mv_changes_after_update ON transfer_comment;
DROP TRIGGER IF EXISTS mv_changes_after_delete ON transfer_comment;
DROP TRIGGER IF EXISTS mv_changes_after_truncate ON transfer_comment;
DROP TRIGGER IF EXISTS mv_changes_after_insert ON initiative_agreement;
DROP TRIGGER IF EXISTS mv_changes_after_update ON initiative_agreement;
DROP TRIGGER IF EXISTS mv_changes_after_delete ON initiative_agreement;
DROP TRIGGER IF EXISTS mv_changes_after_truncate ON initiative_agreement;
DROP TRIGGER IF EXISTS mv_changes_after_insert ON initiative_agreement_history;
DROP TRIGGER IF EXISTS mv_changes_after_update ON initiative_agreement_history;
DROP TRIGGER IF EXISTS mv_changes_after_delete ON initiative_agreement_history;
DROP TRIGGER IF EXISTS mv_changes_after_truncate ON initiative_agreement_history;
DROP TRIGGER IF EXISTS mv_changes_after_insert ON admin_adjustment;
DROP TRIGGER IF EXISTS mv_changes_after_update ON admin_adjustment;
DROP TRIGGER IF EXISTS mv_changes_after_delete ON admin_adjustment;
DROP TRIGGER IF EXISTS mv_changes_after_truncate ON admin_adjustment;
DROP TRIGGER IF EXISTS mv_changes_after_insert ON admin_adjustment_history;
DROP TRIGGER IF EXISTS mv_changes_after_update ON admin_adjustment_history;
DROP TRIGGER IF EXISTS mv_changes_after_delete ON admin_adjustment_history;
DROP TRIGGER IF EXISTS mv_changes_after_truncate ON admin_adjustment_history;
DROP TRIGGER IF EXISTS mv_changes_after_insert ON compliance_report;
DROP TRIGGER IF EXISTS mv_changes_after_update ON compliance_report;
DROP TRIGGER IF EXISTS mv_changes_after_delete ON compliance_report;
DROP TRIGGER IF EXISTS mv_changes_after_truncate ON compliance_report;
DROP TRIGGER IF EXISTS mv_changes_after_insert ON transaction;
DROP TRIGGER IF EXISTS mv_changes_after_update ON transaction;
DROP TRIGGER IF EXISTS mv_changes_after_delete ON transaction;
DROP TRIGGER IF EXISTS mv_changes_after_truncate ON transaction;
DROP TRIGGER IF EXISTS mv_changes_after_insert ON fuel_code;
DROP TRIGGER IF EXISTS mv_changes_after_update ON fuel_code;
DROP TRIGGER IF EXISTS mv_changes_after_delete ON fuel_code;
DROP TRIGGER IF EXISTS mv_changes_after_truncate ON fuel_code;

CREATE OR REPLACE FUNCTION refresh_transaction_aggregate() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    REFRESH MATERIALIZED VIEW CONCURRENTLY public.mv_transaction_aggregate;
    IF EXISTS (SELECT 1 FROM pg_matviews
                WHERE schemaname = 'public' AND matviewname = 'mv_credit_ledger') THEN
        REFRESH MATERIALIZED VIEW CONCURRENTLY public.mv_credit_ledger;
    END IF;
    RETURN NULL;
END;
$$;
CREATE OR REPLACE FUNCTION refresh_mv_transaction_count() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    REFRESH MATERIALIZED VIEW CONCURRENTLY public.mv_transaction_count;
    RETURN NULL;
END;
$$;
CREATE OR REPLACE FUNCTION refresh_mv_director_review_transaction_count() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    REFRESH MATERIALIZED VIEW CONCURRENTLY public.mv_director_review_transaction_count;
    RETURN NULL;
END;
$$;
CREATE OR REPLACE FUNCTION refresh_mv_compliance_report_count() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    REFRESH MATERIALIZED VIEW CONCURRENTLY public.mv_compliance_report_count;
    RETURN NULL;
END;
$$;
CREATE OR REPLACE FUNCTION refresh_mv_org_compliance_report_count() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    REFRESH MATERIALIZED VIEW CONCURRENTLY public.mv_org_compliance_report_count;
    RETURN NULL;
END;
$$;
CREATE OR REPLACE FUNCTION refresh_mv_fuel_code_count() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    REFRESH MATERIALIZED VIEW CONCURRENTLY public.mv_fuel_code_count;
    RETURN NULL;
END;
$$;

DROP FUNCTION IF EXISTS lcfs_db.mv_refresh_if_needed(text);
DROP FUNCTION IF EXISTS lcfs_db.mv_mark_stale(text);
DROP FUNCTION IF EXISTS lcfs_db.mv_note_changes();
DROP FUNCTION IF EXISTS lcfs_db.mv_read_rules();
DROP FUNCTION IF EXISTS lcfs_db.mv_inputs(text);
DROP TABLE IF EXISTS lcfs_db.matview_refresh_state;
-- Without CASCADE: anything else someone kept in the schema stops the downgrade instead of
-- going with it.
DROP SCHEMA IF EXISTS lcfs_db;
