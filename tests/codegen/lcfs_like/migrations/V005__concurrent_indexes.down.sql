DROP INDEX IF EXISTS uq_organization_name;
DROP INDEX IF EXISTS idx_user_profile_keycloak_email;
