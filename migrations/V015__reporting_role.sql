-- V015 reporting role: basic_lcfs_reporting_role, through which report users (Metabase) read the
-- reporting views, and only those.
--
-- Roles belong to the whole server, not to one database, so several LCFS databases on one server
-- share this role. It is created only when missing, and creating it tolerates another database's
-- migration creating it at the same moment: the loser of that race sees duplicate_object (the role
-- is already visible) or unique_violation (the other transaction committed while this one waited).
-- The role has default attributes (NOLOGIN, INHERIT); login users are given membership outside
-- the migrations. Views run with their owner's rights, so the role needs no grant on any table.
-- Not granted, as in LCFS: v_compliance_report, v_fse_reporting_base_pref,
-- transaction_status_view, the materialized views and every table.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'basic_lcfs_reporting_role') THEN
        BEGIN
            CREATE ROLE basic_lcfs_reporting_role NOLOGIN;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL;
        END;
    END IF;
END
$$;

GRANT SELECT ON v_fse_reporting_base TO basic_lcfs_reporting_role;
GRANT SELECT ON vw_allocation_agreement_duplicate_check TO basic_lcfs_reporting_role;
GRANT SELECT ON vw_user_login_analytics_base TO basic_lcfs_reporting_role;
GRANT SELECT ON vw_bceid_daily_login_summary TO basic_lcfs_reporting_role;
GRANT SELECT ON vw_bceid_user_statistics TO basic_lcfs_reporting_role;
GRANT SELECT ON vw_compliance_report_analytics_base TO basic_lcfs_reporting_role;
GRANT SELECT ON vw_compliance_report_chained TO basic_lcfs_reporting_role;
GRANT SELECT ON vw_electricity_allocation_fse_match TO basic_lcfs_reporting_role;
GRANT SELECT ON vw_fse_base TO basic_lcfs_reporting_role;
GRANT SELECT ON vw_fse_duplicate_check TO basic_lcfs_reporting_role;
GRANT SELECT ON vw_fuels_other_use_base TO basic_lcfs_reporting_role;
GRANT SELECT ON vw_login_failures_analysis TO basic_lcfs_reporting_role;
GRANT SELECT ON vw_notional_transfer_base TO basic_lcfs_reporting_role;
GRANT SELECT ON vw_reports_waiting_review TO basic_lcfs_reporting_role;
GRANT SELECT ON vw_transaction_base TO basic_lcfs_reporting_role;
GRANT SELECT ON vw_transfer_base TO basic_lcfs_reporting_role;
