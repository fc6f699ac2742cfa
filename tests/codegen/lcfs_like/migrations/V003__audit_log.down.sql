DROP TRIGGER audit_user_profile_insert_update_delete ON user_profile;
DROP TRIGGER audit_organization_insert_update_delete ON organization;
DROP FUNCTION audit_trigger_func();
DROP TABLE audit_log;
