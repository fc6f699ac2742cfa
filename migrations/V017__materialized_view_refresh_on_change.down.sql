-- Reverses V017: the change triggers and their functions go, and the six refresh functions get
-- V014's bodies back (refresh every time); the views lose their state comments.

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

DROP FUNCTION IF EXISTS mv_refresh_if_needed(text);
DROP FUNCTION IF EXISTS mv_note_changes();
DROP FUNCTION IF EXISTS mv_read_rules();
DROP FUNCTION IF EXISTS mv_state_comment(text);
DROP FUNCTION IF EXISTS mv_inputs(text);

-- The state comments the refreshes left.
COMMENT ON MATERIALIZED VIEW mv_transaction_aggregate IS NULL;
COMMENT ON MATERIALIZED VIEW mv_credit_ledger IS NULL;
COMMENT ON MATERIALIZED VIEW mv_transaction_count IS NULL;
COMMENT ON MATERIALIZED VIEW mv_director_review_transaction_count IS NULL;
COMMENT ON MATERIALIZED VIEW mv_compliance_report_count IS NULL;
COMMENT ON MATERIALIZED VIEW mv_org_compliance_report_count IS NULL;
COMMENT ON MATERIALIZED VIEW mv_fuel_code_count IS NULL;
