-- V018 reporting role's reads as production has them: basic_lcfs_reporting_role gets SELECT on the
-- 33 relations a first-on-its-server LCFS database grants it, and the role that runs the
-- migrations gives it SELECT on every table, view and materialized view it creates in public
-- from now on, as LCFS's migrating role `lcfs` does.
--
-- LCFS's migration that creates the role acts only when the role does not exist yet. On the
-- first LCFS database of a server (production, test and dev each are) it creates the role,
-- revokes everything on the existing tables and sets `ALTER DEFAULT PRIVILEGES IN SCHEMA public
-- GRANT SELECT ON TABLES` for `lcfs`: every relation LCFS created after that revision is readable
-- by the role. On a second database of the same server (a pytest database, the one LCFS's
-- reference describes) it does nothing, and the role reads V015's 16 views only. V015 followed
-- that second branch, and its closing comment ("not granted, as in LCFS: … the materialized views
-- and every table") is true of it alone; V015 is released and stays as it is, so the record is
-- corrected here, in docs/differences.md (row 15) and in the README.
--
-- The relations are those of the first branch, less charging_equipment_snapshot_c7e4d9a1b2f6,
-- LCFS's leftover backup table, which lcfs-db does not create (`adopt` archives it with its
-- grants). Relations created before LCFS's role revision stay unreadable by the role, as there.
-- Grants and default privileges are idempotent: on an adopted first-on-its-server database this
-- version changes nothing; on an adopted second-branch database it gives what production has.
-- Tables, views and materialized views keep their columns, rules and owners; only their ACLs
-- change.

-- Writes held back ---------------------------------------------------------------------------------

-- A refresh rewrites its materialized view's catalog row, and a GRANT or REVOKE that meets the
-- rewrite fails (tuple concurrently updated): writes to the ten tables V017 watches are what
-- refresh the views, so this transaction holds them back for its few milliseconds, once the writes
-- under way have ended, and no refresh runs beside the statements below.
LOCK TABLE admin_adjustment, admin_adjustment_history, compliance_report, fuel_code,
    initiative_agreement, initiative_agreement_history, transaction, transfer, transfer_comment,
    transfer_history IN SHARE MODE;

-- Default privileges --------------------------------------------------------------------------------

-- What the role running the migrations creates in public from now on is readable by the
-- reporting role, as what `lcfs` created after LCFS's role revision is.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO basic_lcfs_reporting_role;

-- Credit ledger and fuels (V003, V004) -------------------------------------------------------------

-- Snapshots of a fuel code at each of its changes.
GRANT SELECT ON fuel_code_history TO basic_lcfs_reporting_role;
-- Changes to organizations' credit market listings.
GRANT SELECT ON credit_market_audit_log TO basic_lcfs_reporting_role;

-- Compliance reports (V006) ------------------------------------------------------------------------

-- Each organization's early issuance choice per compliance period.
GRANT SELECT ON organization_early_issuance_by_year TO basic_lcfs_reporting_role;
-- The reporting settings of each compliance year.
GRANT SELECT ON report_opening TO basic_lcfs_reporting_role;

-- Charging infrastructure (V007) -------------------------------------------------------------------

-- Charging sites and their statuses.
GRANT SELECT ON charging_site TO basic_lcfs_reporting_role;
GRANT SELECT ON charging_site_status TO basic_lcfs_reporting_role;
-- Charging equipment, its statuses, power outputs and intended uses and users.
GRANT SELECT ON charging_equipment TO basic_lcfs_reporting_role;
GRANT SELECT ON charging_equipment_status TO basic_lcfs_reporting_role;
GRANT SELECT ON charging_power_output TO basic_lcfs_reporting_role;
GRANT SELECT ON charging_equipment_intended_use_association TO basic_lcfs_reporting_role;
GRANT SELECT ON charging_equipment_intended_user_association TO basic_lcfs_reporting_role;
-- Equipment reported in a compliance report.
GRANT SELECT ON compliance_report_charging_equipment TO basic_lcfs_reporting_role;

-- CI applications and pathways (V008) --------------------------------------------------------------

-- Carbon-intensity applications, their statuses and histories.
GRANT SELECT ON ci_application TO basic_lcfs_reporting_role;
GRANT SELECT ON ci_application_status TO basic_lcfs_reporting_role;
GRANT SELECT ON ci_application_history TO basic_lcfs_reporting_role;
-- Pathways and the application and fuel-code types they apply to.
GRANT SELECT ON pathway TO basic_lcfs_reporting_role;
GRANT SELECT ON pathway_application_type TO basic_lcfs_reporting_role;
GRANT SELECT ON pathway_fuel_code_type TO basic_lcfs_reporting_role;

-- Notifications (V009) -----------------------------------------------------------------------------

-- Notices government posts for all users.
GRANT SELECT ON government_notification TO basic_lcfs_reporting_role;

-- Comments, documents and tasks (V010) -------------------------------------------------------------

-- Documents attached to charging sites and CI applications, and the applications' internal
-- comments.
GRANT SELECT ON charging_site_document_association TO basic_lcfs_reporting_role;
GRANT SELECT ON ci_application_document_association TO basic_lcfs_reporting_role;
GRANT SELECT ON ci_application_internal_comment TO basic_lcfs_reporting_role;
-- Public forms, the link keys that give organizations access to them, and the login page's
-- background images.
GRANT SELECT ON forms TO basic_lcfs_reporting_role;
GRANT SELECT ON organization_link_keys TO basic_lcfs_reporting_role;
GRANT SELECT ON login_bg_image TO basic_lcfs_reporting_role;
-- Penalties assessed against organizations.
GRANT SELECT ON penalty_log TO basic_lcfs_reporting_role;
-- Recurring jobs and their runs.
GRANT SELECT ON scheduled_tasks TO basic_lcfs_reporting_role;
GRANT SELECT ON task_executions TO basic_lcfs_reporting_role;

-- Views (V013) -------------------------------------------------------------------------------------

-- The status labels of agreements, adjustments and transfers, in one list.
GRANT SELECT ON transaction_status_view TO basic_lcfs_reporting_role;
-- The final-supply-equipment reporting base, with the supplier's preferred values.
GRANT SELECT ON v_fse_reporting_base_pref TO basic_lcfs_reporting_role;

-- Materialized views (V014) ------------------------------------------------------------------------

-- Each organization's credit ledger.
GRANT SELECT ON mv_credit_ledger TO basic_lcfs_reporting_role;
-- What waits for the director's review, counted.
GRANT SELECT ON mv_director_review_transaction_count TO basic_lcfs_reporting_role;
-- Every credit transaction, one row each.
GRANT SELECT ON mv_transaction_aggregate TO basic_lcfs_reporting_role;
