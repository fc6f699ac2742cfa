-- Reverses V015: revokes this database's grants, then drops the role only when nothing anywhere
-- on the server still needs it, so a downgrade here never breaks another database.
--
-- pg_shdepend records, for every database, the privileges a role holds and the objects it owns;
-- after the revokes it lists only what other databases still grant to (or let be owned by) the
-- role. Role memberships (a login user that is a member, or the role being a member) are not in
-- pg_shdepend and DROP ROLE would silently remove them, so they keep the role too. Another
-- database may grant to the role between the check and the drop; DROP ROLE then refuses with
-- dependent_objects_still_exist, and the role is kept.

REVOKE SELECT ON vw_transfer_base FROM basic_lcfs_reporting_role;
REVOKE SELECT ON vw_transaction_base FROM basic_lcfs_reporting_role;
REVOKE SELECT ON vw_reports_waiting_review FROM basic_lcfs_reporting_role;
REVOKE SELECT ON vw_notional_transfer_base FROM basic_lcfs_reporting_role;
REVOKE SELECT ON vw_login_failures_analysis FROM basic_lcfs_reporting_role;
REVOKE SELECT ON vw_fuels_other_use_base FROM basic_lcfs_reporting_role;
REVOKE SELECT ON vw_fse_duplicate_check FROM basic_lcfs_reporting_role;
REVOKE SELECT ON vw_fse_base FROM basic_lcfs_reporting_role;
REVOKE SELECT ON vw_electricity_allocation_fse_match FROM basic_lcfs_reporting_role;
REVOKE SELECT ON vw_compliance_report_chained FROM basic_lcfs_reporting_role;
REVOKE SELECT ON vw_compliance_report_analytics_base FROM basic_lcfs_reporting_role;
REVOKE SELECT ON vw_bceid_user_statistics FROM basic_lcfs_reporting_role;
REVOKE SELECT ON vw_bceid_daily_login_summary FROM basic_lcfs_reporting_role;
REVOKE SELECT ON vw_user_login_analytics_base FROM basic_lcfs_reporting_role;
REVOKE SELECT ON vw_allocation_agreement_duplicate_check FROM basic_lcfs_reporting_role;
REVOKE SELECT ON v_fse_reporting_base FROM basic_lcfs_reporting_role;

DO $$
DECLARE
    reporting_role oid;
BEGIN
    SELECT oid INTO reporting_role FROM pg_roles WHERE rolname = 'basic_lcfs_reporting_role';
    IF reporting_role IS NULL
       OR EXISTS (SELECT 1 FROM pg_shdepend
                   WHERE refclassid = 'pg_authid'::regclass AND refobjid = reporting_role)
       OR EXISTS (SELECT 1 FROM pg_auth_members
                   WHERE roleid = reporting_role OR member = reporting_role) THEN
        RETURN;
    END IF;
    BEGIN
        DROP ROLE basic_lcfs_reporting_role;
    EXCEPTION WHEN dependent_objects_still_exist OR undefined_object THEN
        NULL;
    END;
END
$$;
