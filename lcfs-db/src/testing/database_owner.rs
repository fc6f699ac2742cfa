//! Whom the test databases belong to: by default the admin user, and with `LCFS_DB_TEST_OWNER`
//! a role that owns its databases and nothing more (no superuser, no CREATEROLE), as a managed
//! service gives an application, so the migration tests run as production's migrating role.

use tokio_postgres::Client;

use super::template::execute;
use crate::{Error, ErrorKind};

/// The variable naming the role that owns, migrates and connects to every test database.
pub(crate) const OWNER_VARIABLE: &str = "LCFS_DB_TEST_OWNER";

/// The role `LCFS_DB_TEST_OWNER` names, if any: a plain lower-case identifier, so that it
/// needs no quoting in the statements below.
pub(crate) fn configured() -> Result<Option<String>, Error> {
    let Some(role) = std::env::var(OWNER_VARIABLE).ok().filter(|r| !r.is_empty()) else {
        return Ok(None);
    };
    let plain = role
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        && !role.starts_with(|c: char| c.is_ascii_digit());
    match plain {
        true => Ok(Some(role)),
        false => Err(Error::new(
            ErrorKind::Config,
            format!(
                "{OWNER_VARIABLE}={role:?} is not a role name of lower-case letters, digits and _"
            ),
        )),
    }
}

/// What an administrator does once per server: the owner role, created as a login role with
/// no other attribute unless it exists, and the reporting role V015 grants to, which such an
/// owner may not create.
pub(crate) async fn prepare(admin: &Client, role: &str) -> Result<(), Error> {
    execute(
        admin,
        &format!(
            "DO $$ BEGIN \
                 IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN \
                     CREATE ROLE {role} LOGIN; \
                 END IF; \
                 IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'basic_lcfs_reporting_role') THEN \
                     CREATE ROLE basic_lcfs_reporting_role NOLOGIN; \
                 END IF; \
             EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; \
             END $$"
        ),
    )
    .await
}

/// ` OWNER <role>` for `CREATE DATABASE`, or nothing.
pub(crate) fn owner_clause(owner: Option<&str>) -> String {
    owner
        .map(|role| format!(" OWNER {role}"))
        .unwrap_or_default()
}
