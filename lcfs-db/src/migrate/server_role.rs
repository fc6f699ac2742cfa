//! The one server-wide object the migrations touch, V015's reporting role, which a database's
//! owner without CREATEROLE can neither create nor drop: decided before a run changes anything.
//!
//! V015's files are released and cannot change, so the runner carries the rule. Going up through
//! V015 when the role is missing and the migrating role may not create it, the run stops before
//! its first migration with the statement an administrator runs. Going down through V015 when the
//! migrating role may not drop the role, V015's down file runs without its one statement that
//! drops it: the grants of this database are revoked, the role stays (it belongs to the server,
//! and other databases may use it), and the run says so.

use tokio_postgres::{Client, SimpleQueryMessage};

use super::split::Statement;
use super::{Direction, Migration, Plan};
use crate::{Error, ErrorKind};

/// The role V015 creates when it is missing and grants SELECT on the reporting views.
pub(crate) const REPORTING_ROLE: &str = "basic_lcfs_reporting_role";

/// What an administrator runs, once per server, for an owner that may not create roles.
pub(crate) const CREATE_STATEMENT: &str = "CREATE ROLE basic_lcfs_reporting_role NOLOGIN;";

/// Whether the run keeps the role where V015's down file would drop it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct RoleDecision {
    pub keep_role: bool,
}

/// The role, whether the connected role may create it, and whether it may drop it: PostgreSQL
/// 16 and later ask for ADMIN OPTION on the role besides CREATEROLE, and nobody but a superuser
/// drops a superuser. Sent as a simple query with the name inline, as the rest of a run's
/// preflight: a transaction-mode pooler may not keep a prepared statement between two requests.
const PRIVILEGES: &str = "SELECT current_user::text, t.oid IS NOT NULL, \
     r.rolsuper OR r.rolcreaterole, \
     r.rolsuper OR (r.rolcreaterole AND NOT coalesce(t.rolsuper, false) AND \
         CASE WHEN current_setting('server_version_num')::int < 160000 OR t.oid IS NULL THEN true \
              ELSE pg_has_role(r.oid, t.oid, 'MEMBER WITH ADMIN OPTION') END) \
     FROM pg_roles r LEFT JOIN pg_roles t ON t.rolname = 'basic_lcfs_reporting_role' \
     WHERE r.rolname = current_user";

/// V015, whose files carry the role's creation and drop.
fn is_reporting_role_migration(migration: &Migration) -> bool {
    migration.version() == 15 && migration.name() == "reporting_role"
}

/// Decides, before `plan` runs, what it does about the role; refuses an upgrade through V015
/// that would fail at it.
pub(crate) async fn decide(client: &Client, plan: &Plan<'_>) -> Result<RoleDecision, Error> {
    if !plan
        .migrations()
        .iter()
        .any(|m| is_reporting_role_migration(m))
    {
        return Ok(RoleDecision::default());
    }
    let answer = client
        .simple_query(PRIVILEGES)
        .await
        .map_err(|e| Error::postgres("reading the migrating role's privileges", e))?;
    let row = answer.iter().find_map(|message| match message {
        SimpleQueryMessage::Row(row) => Some(row),
        _ => None,
    });
    let text = |i: usize| row.and_then(|row| row.get(i)).unwrap_or_default();
    let (user, exists, may_create, may_drop) = (
        text(0).to_owned(),
        text(1) == "t",
        text(2) == "t",
        text(3) == "t",
    );
    match plan.direction() {
        Direction::Up if !exists && !may_create => Err(Error::new(
            ErrorKind::Privilege,
            format!(
                "V015 grants role {REPORTING_ROLE} SELECT on the reporting views; the role does \
                 not exist on this server, and role {user:?} may not create it (it has neither \
                 CREATEROLE nor SUPERUSER); nothing was applied. An administrator creates it \
                 once per server:\n    {CREATE_STATEMENT}\nthen run this again"
            ),
        )),
        Direction::Up => Ok(RoleDecision::default()),
        Direction::Down => Ok(RoleDecision {
            keep_role: exists && !may_drop,
        }),
    }
}

/// V015's down file without the statement that drops the role, when the run keeps it.
pub(crate) fn statements(
    migration: &Migration,
    direction: Direction,
    decision: RoleDecision,
) -> Vec<Statement<'static>> {
    let mut statements = migration.statements_of(direction);
    if kept(migration, direction, decision) {
        statements.retain(|s| !drops_the_role(s.text));
    }
    statements
}

/// Whether the run leaves out the statement of `migration` that drops the role.
pub(crate) fn kept(migration: &Migration, direction: Direction, decision: RoleDecision) -> bool {
    decision.keep_role && direction == Direction::Down && is_reporting_role_migration(migration)
}

/// Says that the run kept the role, once V015's down file has run without its drop.
pub(crate) fn log_kept() {
    tracing::warn!(
        role = REPORTING_ROLE,
        "kept the role: the migrating role may not drop it, and it belongs to the server (other \
         databases may use it); this database's grants to it were revoked"
    );
}

fn drops_the_role(statement: &str) -> bool {
    statement.contains("DROP ROLE basic_lcfs_reporting_role")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exactly_one_statement_of_v015_down_drops_the_role() {
        let v015 = crate::migrations()
            .iter()
            .find(|m| is_reporting_role_migration(m))
            .expect("V015 is embedded");
        let all = v015.statements_of(Direction::Down);
        let kept = statements(v015, Direction::Down, RoleDecision { keep_role: true });
        assert_eq!(all.len(), kept.len() + 1);
        assert!(kept.iter().all(|s| s.text.starts_with("REVOKE SELECT ON ")));
        assert_eq!(kept.len(), 16);
        let up = statements(v015, Direction::Up, RoleDecision { keep_role: true });
        assert_eq!(up.len(), v015.statements_of(Direction::Up).len());
        assert!(CREATE_STATEMENT.contains(REPORTING_ROLE));
    }
}
