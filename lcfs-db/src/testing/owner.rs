//! Whose a test database is: its name carries a token of the process that made it, and that
//! process holds an advisory lock on the token for its life, so a later process sharing the
//! server can tell a dead process's leftovers from a live one's databases.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

use tokio_postgres::Client;

use super::template::execute;
use crate::Error;
use crate::migrate::stable_hash;

const PREFIX: &str = "lcfs_test_";
/// Hex digits of the token: a length earlier releases never used (they named databases
/// `lcfs_test_<8 digits>_…` and held no lock), so their databases are never taken for ours.
const TOKEN_LEN: usize = 12;
/// The comment that marks a database kept for inspection: no sweep removes it.
pub(crate) const KEPT_COMMENT: &str = "kept by lcfs-db for inspection";

/// This process's token: the pid mixed with the start time, since pids are reused.
fn token() -> &'static str {
    static TOKEN: OnceLock<String> = OnceLock::new();
    TOKEN.get_or_init(|| {
        let started = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos();
        let hash = stable_hash(format!("{}:{started}", std::process::id()).as_bytes());
        format!("{:0TOKEN_LEN$x}", hash & ((1 << (4 * TOKEN_LEN)) - 1))
    })
}

/// A new database name of this process: `lcfs_test_<token>_<n>`.
pub(crate) fn database_name() -> String {
    static SEQUENCE: AtomicU64 = AtomicU64::new(0);
    format!(
        "{PREFIX}{}_{}",
        token(),
        SEQUENCE.fetch_add(1, Ordering::Relaxed)
    )
}

/// The token of a database named by [`database_name`] in any process.
fn token_of(database: &str) -> Option<&str> {
    let (token, sequence) = database.strip_prefix(PREFIX)?.split_once('_')?;
    let well_formed = token.len() == TOKEN_LEN
        && token.bytes().all(|b| b.is_ascii_hexdigit())
        && !sequence.is_empty()
        && sequence.bytes().all(|b| b.is_ascii_digit());
    well_formed.then_some(token)
}

fn lock_key(token: &str) -> i64 {
    stable_hash(format!("lcfs-db test owner {token}").as_bytes()) as i64
}

/// Takes this process's lock, before it creates any database; the session keeps it until the
/// process exits.
pub(crate) async fn claim(admin: &Client) -> Result<(), Error> {
    let key = lock_key(token());
    execute(admin, &format!("SELECT pg_advisory_lock({key})")).await
}

/// The databases of processes that are gone, not kept for inspection. Liveness is read from
/// `pg_locks`, which lists every database's locks: processes whose URLs name different admin
/// databases still see each other.
pub(crate) async fn dead_processes_databases(session: &Client) -> Result<Vec<String>, Error> {
    let rows = session
        .query(
            "SELECT datname::text FROM pg_database \
             WHERE datname LIKE 'lcfs\\_test\\_%' \
             AND NOT starts_with(coalesce(shobj_description(oid, 'pg_database'), ''), $1)",
            &[&KEPT_COMMENT],
        )
        .await
        .map_err(|e| Error::postgres("listing test databases", e))?;
    let mut dead = Vec::new();
    for name in rows.iter().map(|row| row.get::<_, String>(0)) {
        let Some(owner) = token_of(&name).filter(|owner| *owner != token()) else {
            continue;
        };
        let alive: bool = session
            .query_one(
                "SELECT EXISTS (SELECT FROM pg_locks WHERE locktype = 'advisory' \
                 AND objsubid = 1 AND (classid::bigint << 32 | objid::bigint) = $1)",
                &[&lock_key(owner)],
            )
            .await
            .map_err(|e| Error::postgres("looking for a test process's lock", e))?
            .get(0);
        if !alive {
            dead.push(name);
        }
    }
    Ok(dead)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_this_releases_names_carry_a_token() {
        let ours = database_name();
        assert_eq!(token_of(&ours), Some(token()));
        for foreign in [
            "lcfs_test_1a2b3c4d_7_a_test",
            "lcfs_test_1a2b3c4d_7",
            "lcfs_test_00000000000g_1",
            "lcfs_test_000000000000_",
            "lcfs_test_000000000000_1_label",
            "lcfs_template_000000000000",
        ] {
            assert_eq!(token_of(foreign), None, "{foreign}");
        }
    }
}
