-- Reverses V018: the reporting role no longer reads the 33 relations, and the role running the
-- migrations no longer gives it SELECT on what it creates. On an adopted first-on-its-server
-- database this takes away access LCFS gave; V018 again gives it back.

-- Writes held back ---------------------------------------------------------------------------------

-- A refresh rewrites its materialized view's catalog row, and a GRANT or REVOKE that meets the
-- rewrite fails (tuple concurrently updated): writes to the ten tables V017 watches are what
-- refresh the views, so this transaction holds them back for its few milliseconds, once the writes
-- under way have ended, and no refresh runs beside the statements below.
LOCK TABLE admin_adjustment, admin_adjustment_history, compliance_report, fuel_code,
    initiative_agreement, initiative_agreement_history, transaction, transfer, transfer_comment,
    transfer_history IN SHARE MODE;

REVOKE SELECT ON mv_transaction_aggregate FROM basic_lcfs_reporting_role;
REVOKE SELECT ON mv_director_review_transaction_count FROM basic_lcfs_reporting_role;
REVOKE SELECT ON mv_credit_ledger FROM basic_lcfs_reporting_role;
REVOKE SELECT ON v_fse_reporting_base_pref FROM basic_lcfs_reporting_role;
REVOKE SELECT ON transaction_status_view FROM basic_lcfs_reporting_role;
REVOKE SELECT ON task_executions FROM basic_lcfs_reporting_role;
REVOKE SELECT ON scheduled_tasks FROM basic_lcfs_reporting_role;
REVOKE SELECT ON penalty_log FROM basic_lcfs_reporting_role;
REVOKE SELECT ON organization_link_keys FROM basic_lcfs_reporting_role;
REVOKE SELECT ON login_bg_image FROM basic_lcfs_reporting_role;
REVOKE SELECT ON forms FROM basic_lcfs_reporting_role;
REVOKE SELECT ON ci_application_internal_comment FROM basic_lcfs_reporting_role;
REVOKE SELECT ON ci_application_document_association FROM basic_lcfs_reporting_role;
REVOKE SELECT ON charging_site_document_association FROM basic_lcfs_reporting_role;
REVOKE SELECT ON government_notification FROM basic_lcfs_reporting_role;
REVOKE SELECT ON pathway_fuel_code_type FROM basic_lcfs_reporting_role;
REVOKE SELECT ON pathway_application_type FROM basic_lcfs_reporting_role;
REVOKE SELECT ON pathway FROM basic_lcfs_reporting_role;
REVOKE SELECT ON ci_application_history FROM basic_lcfs_reporting_role;
REVOKE SELECT ON ci_application_status FROM basic_lcfs_reporting_role;
REVOKE SELECT ON ci_application FROM basic_lcfs_reporting_role;
REVOKE SELECT ON compliance_report_charging_equipment FROM basic_lcfs_reporting_role;
REVOKE SELECT ON charging_equipment_intended_user_association FROM basic_lcfs_reporting_role;
REVOKE SELECT ON charging_equipment_intended_use_association FROM basic_lcfs_reporting_role;
REVOKE SELECT ON charging_power_output FROM basic_lcfs_reporting_role;
REVOKE SELECT ON charging_equipment_status FROM basic_lcfs_reporting_role;
REVOKE SELECT ON charging_equipment FROM basic_lcfs_reporting_role;
REVOKE SELECT ON charging_site_status FROM basic_lcfs_reporting_role;
REVOKE SELECT ON charging_site FROM basic_lcfs_reporting_role;
REVOKE SELECT ON report_opening FROM basic_lcfs_reporting_role;
REVOKE SELECT ON organization_early_issuance_by_year FROM basic_lcfs_reporting_role;
REVOKE SELECT ON credit_market_audit_log FROM basic_lcfs_reporting_role;
REVOKE SELECT ON fuel_code_history FROM basic_lcfs_reporting_role;

ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT ON TABLES FROM basic_lcfs_reporting_role;
