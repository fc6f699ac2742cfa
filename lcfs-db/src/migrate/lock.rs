//! The advisory lock that serializes migrations on one database. Each migration's transaction
//! takes it (`pg_try_advisory_xact_lock`), so it is released at commit or rollback and means the
//! same through a transaction-mode pooler; a no-transaction migration, which has no transaction
//! to hold it, takes it for the session while its statements run. A run waiting for it asks
//! again and again rather than blocking (see `Waiting`), and stops at once when the holder is a
//! session idle outside any transaction for [`IDLE_HOLDER`]: no run holds it so (a live
//! no-transaction run's session is busy but for round trips), so it was left behind.

use std::time::{Duration, Instant};

use tokio_postgres::Client;

use crate::{Error, ErrorKind};

/// FNV-1a: a hash that stays the same across Rust releases and processes, unlike `std`'s.
pub(crate) fn stable_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// How often a run waiting for the lock asks for it again.
const POLL_INTERVAL: Duration = Duration::from_millis(50);

/// After waiting this long, a run says it is waiting: brief waits are the norm when concurrent
/// runs take turns migration by migration.
const WAIT_NOTICE: Duration = Duration::from_secs(1);

/// A session that holds the migration lock and has been idle outside a transaction this long is
/// no live run: a transactional run holds the lock inside its transaction, and a no-transaction
/// run's session is idle only between two of its statements (it sleeps its backoffs on the
/// server). Long enough that a client slowed by a loaded machine is not taken for gone.
pub(crate) const IDLE_HOLDER: Duration = Duration::from_secs(5);

/// How often a waiting run looks at who holds the lock, after a first look at its first refusal:
/// a lock left behind before the run started is reported at once, one left behind meanwhile
/// within this long after it counts as idle, and 64 starters taking turns do not load the
/// server with the look-up.
const HOLDER_CHECK_INTERVAL: Duration = IDLE_HOLDER;

/// A custom setting that a no-transaction run sets, in the statement that takes the lock for its
/// session, to a token of its own, and clears when it releases it: a server session where it is
/// set holds the lock (`pinned.rs`). It lives in that server session only.
pub(crate) const SESSION_MARK: &str = "lcfs_db.no_transaction_run";

/// An SQL condition, cheap enough for every try: this server session holds the lock for a
/// no-transaction run (one a transaction-mode pooler shares), and must not take it again, which
/// the server would grant it.
fn marked() -> String {
    format!("coalesce(current_setting('{SESSION_MARK}', true), '') <> ''")
}

/// The advisory lock of one history table: runs on the same table exclude each other.
#[derive(Debug, Clone, Copy)]
pub(crate) struct MigrationLock {
    key: i64,
}

impl MigrationLock {
    pub fn for_table(history_table: &str) -> Self {
        let key = stable_hash(format!("lcfs-db migrate {history_table}").as_bytes());
        MigrationLock {
            key: i64::from_ne_bytes(key.to_ne_bytes()),
        }
    }

    /// Whether the answer to a `pg_try_advisory_…lock` question says the lock was taken.
    pub fn was_taken(answer: &[tokio_postgres::SimpleQueryMessage]) -> bool {
        first_value(answer) == Some("t")
    }

    /// Takes the lock for the session, waiting up to `timeout` (zero: one try), and in the same
    /// statement sets `taken` (an SQL expression: the session's mark) there; returns the server
    /// session's pid. A server session that holds the lock already (one a pooler shares) never
    /// takes it again: the lock is not counted twice for two runs.
    pub async fn take_for_session(
        &self,
        client: &Client,
        taken: &str,
        timeout: Duration,
    ) -> Result<i32, Error> {
        let sql = format!(
            "SELECT CASE WHEN {} THEN NULL WHEN pg_try_advisory_lock({}) THEN {taken} END, \
             pg_backend_pid()",
            marked(),
            self.key
        );
        let mut waiting = Waiting::new(timeout);
        loop {
            let answer = client
                .simple_query(&sql)
                .await
                .map_err(|error| Error::postgres("waiting for the migration lock", error))?;
            let pid = answer.iter().find_map(|message| match message {
                tokio_postgres::SimpleQueryMessage::Row(row) if row.get(0).is_some() => {
                    row.get(1).and_then(|pid| pid.parse().ok())
                }
                _ => None,
            });
            if let Some(pid) = pid {
                waiting.over();
                return Ok(pid);
            }
            self.check_holder(client, &mut waiting).await?;
            if !waiting.again().await {
                return Err(self.timed_out(client, timeout).await);
            }
        }
    }

    /// Runs `begin` (`BEGIN …; SET LOCAL …; `, each statement ending in `; `) and takes the lock
    /// for that transaction, waiting up to `timeout` (zero: one try). A try that finds the lock
    /// taken rolls its transaction back before the next: the transaction is open, holding the
    /// lock, only on success.
    pub async fn begin_locked(
        &self,
        client: &Client,
        begin: &str,
        timeout: Duration,
    ) -> Result<(), Error> {
        // A server session that holds the lock for itself (one a pooler shares with a
        // no-transaction run) would be granted it again: it does not take it.
        let sql = format!(
            "{begin}SELECT CASE WHEN {} THEN false ELSE pg_try_advisory_xact_lock({}) END",
            marked(),
            self.key
        );
        let mut waiting = Waiting::new(timeout);
        loop {
            let answer = client.simple_query(&sql).await;
            if answer.as_deref().is_ok_and(Self::was_taken) {
                waiting.over();
                return Ok(());
            }
            // Fails only when the connection is gone, and the server then rolls back by itself.
            let _ = client.batch_execute("ROLLBACK").await;
            if let Err(error) = answer {
                return Err(Error::postgres("taking the migration lock", error));
            }
            self.check_holder(client, &mut waiting).await?;
            if !waiting.again().await {
                return Err(self.timed_out(client, timeout).await);
            }
        }
    }

    /// An SQL condition: the server session `pid` (an SQL expression) holds the lock. A bigint
    /// key is stored as its high and low halves in `pg_locks`.
    pub fn held_by(&self, pid: &str) -> String {
        format!(
            "EXISTS (SELECT FROM pg_locks WHERE locktype = 'advisory' AND granted \
             AND pid = {pid} AND classid = {} AND objid = {} AND objsubid = 1)",
            (self.key >> 32) as u32,
            self.key as u32
        )
    }

    /// The statement that releases the session-level lock (see [`Self::take_for_session`]).
    pub fn unlock_sql(&self) -> String {
        format!("pg_advisory_unlock({})", self.key)
    }

    /// Fails at once when the lock's holder is a session idle outside any transaction for
    /// [`IDLE_HOLDER`], looked at every [`HOLDER_CHECK_INTERVAL`] of a wait. `pg_locks` stops
    /// every lock manager partition while it is read, so it is read only when some session of
    /// the database has been idle that long.
    async fn check_holder(&self, client: &Client, waiting: &mut Waiting) -> Result<(), Error> {
        if !waiting.holder_check_due() {
            return Ok(());
        }
        let idle = format!(
            "SELECT FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle' \
             AND state_change < now() - interval '{} ms' LIMIT 1",
            IDLE_HOLDER.as_millis()
        );
        let answer = client
            .simple_query(&idle)
            .await
            .map_err(|e| Error::postgres("looking for idle sessions", e))?;
        if !answer
            .iter()
            .any(|message| matches!(message, tokio_postgres::SimpleQueryMessage::Row(_)))
        {
            return Ok(());
        }
        let sql = format!(
            "SELECT a.pid::text, coalesce(a.application_name, ''), \
                    coalesce(host(a.client_addr), 'the local socket'), \
                    to_char(a.backend_start, 'YYYY-MM-DD HH24:MI:SS TZ'), \
                    extract(epoch FROM now() - a.state_change)::bigint::text \
               FROM pg_stat_activity a \
              WHERE a.datname = current_database() AND a.pid <> pg_backend_pid() \
                AND a.state = 'idle' AND a.state_change < now() - interval '{} ms' \
                AND {} LIMIT 1",
            IDLE_HOLDER.as_millis(),
            self.held_by("a.pid")
        );
        let answer = client
            .simple_query(&sql)
            .await
            .map_err(|e| Error::postgres("looking at the migration lock's holder", e))?;
        let Some(row) = answer.iter().find_map(|message| match message {
            tokio_postgres::SimpleQueryMessage::Row(row) => Some(row),
            _ => None,
        }) else {
            return Ok(());
        };
        let text = |i: usize| row.get(i).unwrap_or_default();
        let idle = Duration::from_secs(text(4).parse().unwrap_or_default());
        Err(Error::new(
            ErrorKind::LockTimeout,
            format!(
                "the migration lock is held by server session {pid} (application_name {name:?}, \
                 client {client}, connected {since}), idle outside any transaction for {idle}: \
                 no migration runs there, the lock was left behind (a transaction-mode pooler \
                 keeps a refused run's server session in its pool); nothing was applied: end \
                 that session with `SELECT pg_terminate_backend({pid})` and run again",
                pid = text(0),
                name = text(1),
                client = text(2),
                since = text(3),
                idle = crate::timeouts::format_duration(idle),
            ),
        ))
    }

    /// The error of a wait that ran out, naming the holder, looked up with a query of its own.
    async fn timed_out(&self, client: &Client, timeout: Duration) -> Error {
        let holder = format!(
            "SELECT pid::text FROM pg_stat_activity WHERE datname = current_database() AND {} \
             LIMIT 1",
            self.held_by("pid")
        );
        let holder = match client.simple_query(&holder).await {
            Ok(answer) => answer.iter().find_map(|message| match message {
                tokio_postgres::SimpleQueryMessage::Row(row) => {
                    row.get(0).map(|pid| format!(" (server process {pid})"))
                }
                _ => None,
            }),
            Err(_) => None,
        };
        Error::new(
            ErrorKind::LockTimeout,
            format!(
                "another migration run holds the migration lock{}; gave up after {}",
                holder.unwrap_or_default(),
                crate::timeouts::format_duration(timeout)
            ),
        )
    }
}

/// The first column of the first row of an answer; `None` for no row or SQL NULL.
fn first_value(answer: &[tokio_postgres::SimpleQueryMessage]) -> Option<&str> {
    answer.iter().find_map(|message| match message {
        tokio_postgres::SimpleQueryMessage::Row(row) => row.get(0),
        _ => None,
    })
}

/// The wait between tries for the lock.
///
/// Nothing blocks on the lock inside a statement: a statement waiting for the lock would hold a
/// snapshot, and a `CREATE INDEX CONCURRENTLY` of the run that holds it waits for every older
/// snapshot to end, a deadlock. So a waiting run asks again every [`POLL_INTERVAL`] and holds no
/// transaction in between.
struct Waiting {
    started: Instant,
    timeout: Duration,
    said: bool,
    holder_checked: Option<Instant>,
}

impl Waiting {
    fn new(timeout: Duration) -> Self {
        Waiting {
            started: Instant::now(),
            timeout,
            said: false,
            holder_checked: None,
        }
    }

    /// Whether to look at the holder now: on the first refusal, then every
    /// [`HOLDER_CHECK_INTERVAL`].
    fn holder_check_due(&mut self) -> bool {
        let due = self
            .holder_checked
            .is_none_or(|last| last.elapsed() >= HOLDER_CHECK_INTERVAL);
        if due {
            self.holder_checked = Some(Instant::now());
        }
        due
    }

    /// Sleeps until the next try; false when the time is up.
    async fn again(&mut self) -> bool {
        let waited = self.started.elapsed();
        if waited >= self.timeout {
            return false;
        }
        if !self.said && waited >= WAIT_NOTICE {
            tracing::info!("waiting for another migration run to release the migration lock");
            self.said = true;
        }
        tokio::time::sleep((self.timeout - waited).min(POLL_INTERVAL)).await;
        true
    }

    /// The lock was taken.
    fn over(self) {
        if self.said {
            tracing::debug!("migration lock taken after waiting");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_stable_and_differ_per_table() {
        assert_eq!(stable_hash(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(stable_hash(b"a"), 0xaf63_dc4c_8601_ec8c);
        let a = MigrationLock::for_table("refinery_schema_history").key;
        let b = MigrationLock::for_table("other_schema_history").key;
        assert_ne!(a, b);
    }
}
