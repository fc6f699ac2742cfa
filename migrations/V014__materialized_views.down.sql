-- Reverses V014: the refresh triggers first, then their functions, then the materialized views
-- (the credit ledger before the aggregate it reads); their indexes go with them.

DROP TRIGGER IF EXISTS refresh_transaction_view_after_transfer ON transfer;
DROP TRIGGER IF EXISTS refresh_transaction_view_after_transfer_history ON transfer_history;
DROP TRIGGER IF EXISTS refresh_transaction_view_after_transfer_comment ON transfer_comment;
DROP TRIGGER IF EXISTS refresh_transaction_view_after_initiative_agreement ON initiative_agreement;
DROP TRIGGER IF EXISTS refresh_transaction_view_after_initiative_agreement_history ON initiative_agreement_history;
DROP TRIGGER IF EXISTS refresh_transaction_view_after_admin_adjustment ON admin_adjustment;
DROP TRIGGER IF EXISTS refresh_transaction_view_after_admin_adjustment_history ON admin_adjustment_history;
DROP TRIGGER IF EXISTS refresh_transaction_view_after_compliance_report ON compliance_report;
DROP TRIGGER IF EXISTS refresh_transaction_view_after_transaction ON transaction;
DROP TRIGGER IF EXISTS refresh_mv_transaction_count_after_transfer ON transfer;
DROP TRIGGER IF EXISTS refresh_mv_transaction_count_after_initiative_agreement ON initiative_agreement;
DROP TRIGGER IF EXISTS refresh_mv_transaction_count_after_admin_adjustment ON admin_adjustment;
DROP TRIGGER IF EXISTS refresh_mv_director_review_transaction_count_after_transfer ON transfer;
DROP TRIGGER IF EXISTS refresh_mv_director_review_transaction_count_after_cr ON compliance_report;
DROP TRIGGER IF EXISTS refresh_mv_director_review_transaction_count_after_ia ON initiative_agreement;
DROP TRIGGER IF EXISTS refresh_mv_director_review_transaction_count_after_aa ON admin_adjustment;
DROP TRIGGER IF EXISTS refresh_mv_director_review_transaction_count_after_fc ON fuel_code;
DROP TRIGGER IF EXISTS refresh_mv_compliance_report_count_after_change ON compliance_report;
DROP TRIGGER IF EXISTS refresh_mv_org_compliance_report_count_after_compliance_report ON compliance_report;
DROP TRIGGER IF EXISTS refresh_mv_fuel_code_count_after_change ON fuel_code;

DROP FUNCTION IF EXISTS refresh_transaction_aggregate();
DROP FUNCTION IF EXISTS refresh_mv_transaction_count();
DROP FUNCTION IF EXISTS refresh_mv_director_review_transaction_count();
DROP FUNCTION IF EXISTS refresh_mv_compliance_report_count();
DROP FUNCTION IF EXISTS refresh_mv_org_compliance_report_count();
DROP FUNCTION IF EXISTS refresh_mv_fuel_code_count();

DROP MATERIALIZED VIEW IF EXISTS mv_fuel_code_count;
DROP MATERIALIZED VIEW IF EXISTS mv_org_compliance_report_count;
DROP MATERIALIZED VIEW IF EXISTS mv_compliance_report_count;
DROP MATERIALIZED VIEW IF EXISTS mv_director_review_transaction_count;
DROP MATERIALIZED VIEW IF EXISTS mv_transaction_count;
DROP MATERIALIZED VIEW IF EXISTS mv_credit_ledger;
DROP MATERIALIZED VIEW IF EXISTS mv_transaction_aggregate;
