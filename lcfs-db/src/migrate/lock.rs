//! The advisory lock that serializes migrations on one database. Each migration's transaction
//! takes it (`pg_advisory_xact_lock`), so it is released at commit or rollback and means the same
//! through a transaction-mode pooler; a no-transaction migration, which has no transaction to
//! hold it, takes it for the session while its statements run.

use std::time::Duration;

use tokio_postgres::Client;
use tokio_postgres::error::SqlState;

use crate::{Error, ErrorKind};

/// FNV-1a: a hash that stays the same across Rust releases and processes, unlike `std`'s.
pub(crate) fn stable_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
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

    /// Takes the lock for the current transaction, waiting up to `wait` (zero: not at all,
    /// where PostgreSQL's zero would wait forever), with no statement timeout cutting the wait.
    pub fn transaction_sql(&self, wait: Duration) -> String {
        format!(
            "SET LOCAL statement_timeout = 0; SET LOCAL lock_timeout = '{}ms'; \
             SELECT pg_advisory_xact_lock({})",
            wait_millis(wait),
            self.key
        )
    }

    pub fn try_sql(&self) -> String {
        format!("SELECT pg_try_advisory_lock({})", self.key)
    }

    /// Whether the answer to [`Self::try_sql`] says the lock was taken.
    pub fn was_taken(answer: &[tokio_postgres::SimpleQueryMessage]) -> bool {
        answer.iter().any(|message| match message {
            tokio_postgres::SimpleQueryMessage::Row(row) => row.get(0) == Some("t"),
            _ => false,
        })
    }

    /// Waits up to `timeout` for the lock. `SET LOCAL` scopes the timeout to a transaction, so
    /// the session's own `lock_timeout` is left as it was; the lock itself is session-level and
    /// outlives that transaction.
    pub async fn wait(&self, client: &Client, timeout: Duration) -> Result<(), Error> {
        if timeout.is_zero() {
            return Err(self.timed_out(client, timeout).await);
        }
        let sql = format!(
            "BEGIN; SET LOCAL statement_timeout = 0; SET LOCAL lock_timeout = '{}ms'; \
             SELECT pg_advisory_lock({}); COMMIT",
            wait_millis(timeout),
            self.key
        );
        match client.batch_execute(&sql).await {
            Ok(()) => Ok(()),
            Err(error) => {
                let _ = client.batch_execute("ROLLBACK").await;
                if error.code() == Some(&SqlState::LOCK_NOT_AVAILABLE) {
                    Err(self.timed_out(client, timeout).await)
                } else {
                    Err(Error::postgres("waiting for the migration lock", error))
                }
            }
        }
    }

    /// Best effort: a failure here means the connection is gone, which frees the lock too.
    pub async fn release(&self, client: &Client) {
        let sql = format!("SELECT pg_advisory_unlock({})", self.key);
        if let Err(error) = client.simple_query(&sql).await {
            tracing::warn!(%error, "releasing the migration lock failed");
        }
    }

    /// The error of a wait that ran out, naming the holder. The caller's transaction, if any,
    /// must be over: the holder is looked up with a query of its own.
    pub async fn timed_out(&self, client: &Client, timeout: Duration) -> Error {
        // A bigint key is stored as its high and low halves in pg_locks.
        let holder = format!(
            "SELECT pid::text FROM pg_locks WHERE locktype = 'advisory' AND granted \
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

fn wait_millis(wait: Duration) -> u128 {
    wait.as_millis().clamp(1, i32::MAX as u128)
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
