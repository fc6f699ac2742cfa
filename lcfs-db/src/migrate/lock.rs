//! The advisory lock that serializes migrations on one database. Each migration's transaction
//! takes it (`pg_try_advisory_xact_lock`), so it is released at commit or rollback and means the
//! same through a transaction-mode pooler; a no-transaction migration, which has no transaction
//! to hold it, takes it for the session while its statements run. A run waiting for it asks
//! again and again rather than blocking (see `Waiting`).

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

    /// Takes the lock for the session, waiting up to `timeout` (zero: one try), but only in a
    /// server session where `here` (an SQL condition) holds: false when it does not, with
    /// nothing taken.
    pub async fn wait_where(
        &self,
        client: &Client,
        here: &str,
        timeout: Duration,
    ) -> Result<bool, Error> {
        let sql = format!(
            "SELECT CASE WHEN {here} THEN pg_try_advisory_lock({}) END",
            self.key
        );
        let mut waiting = Waiting::new(timeout);
        loop {
            let answer = client
                .simple_query(&sql)
                .await
                .map_err(|error| Error::postgres("waiting for the migration lock", error))?;
            match first_value(&answer) {
                None => return Ok(false),
                Some("t") => {
                    waiting.over();
                    return Ok(true);
                }
                Some(_) if !waiting.again().await => {
                    return Err(self.timed_out(client, timeout).await);
                }
                Some(_) => {}
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
        let sql = format!("{begin}SELECT pg_try_advisory_xact_lock({})", self.key);
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
            if !waiting.again().await {
                return Err(self.timed_out(client, timeout).await);
            }
        }
    }

    /// Releases what [`Self::wait_where`] took, in the server session where `here` holds. Best
    /// effort: a failure means the connection is gone, which frees the lock too.
    pub async fn release_where(&self, client: &Client, here: &str) {
        match client.simple_query(&self.release_sql(here)).await {
            Ok(answer) if first_value(&answer).is_none() => tracing::warn!(
                "the migration lock stays with the server session that took it: the pooler \
                 handed its release to another one"
            ),
            Ok(_) => {}
            Err(error) => tracing::warn!(%error, "releasing the migration lock failed"),
        }
    }

    /// The statement [`Self::release_where`] sends.
    pub fn release_sql(&self, here: &str) -> String {
        format!(
            "SELECT CASE WHEN {here} THEN pg_advisory_unlock({}) END",
            self.key
        )
    }

    /// The error of a wait that ran out, naming the holder, looked up with a query of its own.
    async fn timed_out(&self, client: &Client, timeout: Duration) -> Error {
        // A bigint key is stored as its high and low halves in pg_locks.
        let holder = format!(
            "SELECT pid::text FROM pg_locks WHERE locktype = 'advisory' AND granted \
             AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) \
             AND classid = {} AND objid = {} AND objsubid = 1 LIMIT 1",
            (self.key >> 32) as u32,
            self.key as u32
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
}

impl Waiting {
    fn new(timeout: Duration) -> Self {
        Waiting {
            started: Instant::now(),
            timeout,
            said: false,
        }
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
