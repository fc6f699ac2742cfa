-- lcfs-db: no-transaction
-- CONCURRENTLY cannot run inside a transaction block.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_user_profile_keycloak_email
    ON user_profile (lower(keycloak_email));
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS uq_organization_name ON ONLY organization (name);
ALTER TYPE role_enum ADD VALUE IF NOT EXISTS 'SYSTEM_ADMIN'
