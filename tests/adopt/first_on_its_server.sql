-- The first LCFS database on its server, as LCFS's own long-lived ones are: the migration that
-- created basic_lcfs_reporting_role found it missing, so it set default privileges for the
-- migrating role, and every relation created after that revision is readable by the role. On
-- top of tests/adopt/lcfs_at_b8f9c0d1e2a3.sql (the second branch: V015's 16 views only). The 34
-- relations are those of a reference build, the leftover snapshot table among them.

ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO basic_lcfs_reporting_role;

GRANT SELECT ON
    charging_equipment,
    charging_equipment_intended_use_association,
    charging_equipment_intended_user_association,
    charging_equipment_snapshot_c7e4d9a1b2f6,
    charging_equipment_status,
    charging_power_output,
    charging_site,
    charging_site_document_association,
    charging_site_status,
    ci_application,
    ci_application_document_association,
    ci_application_history,
    ci_application_internal_comment,
    ci_application_status,
    compliance_report_charging_equipment,
    credit_market_audit_log,
    forms,
    fuel_code_history,
    government_notification,
    login_bg_image,
    organization_early_issuance_by_year,
    organization_link_keys,
    pathway,
    pathway_application_type,
    pathway_fuel_code_type,
    penalty_log,
    report_opening,
    scheduled_tasks,
    task_executions,
    mv_credit_ledger,
    mv_director_review_transaction_count,
    mv_transaction_aggregate,
    transaction_status_view,
    v_fse_reporting_base_pref
TO basic_lcfs_reporting_role;
