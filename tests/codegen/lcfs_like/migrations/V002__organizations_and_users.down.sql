REVOKE SELECT ON organization, user_profile FROM basic_lcfs_reporting_role;
DROP VIEW v_active_users;
DROP FUNCTION is_user_safe_to_remove(text);
DROP TABLE user_login_history, user_role, role, user_profile;
DROP TABLE organization, organization_address, organization_status, organization_type;
