//! The session-level advisory lock that serializes migration runs on one database.

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

    /// Waits up to `timeout` for the lock, asking again every [`POLL_INTERVAL`] and holding no
    /// transaction in between: a run blocked inside a statement would hold a snapshot, and a
    /// `CREATE INDEX CONCURRENTLY` of the run holding the lock waits for every older snapshot to
    /// end, which is a deadlock.
    pub async fn wait(&self, client: &Client, timeout: Duration) -> Result<(), Error> {
        let deadline = Instant::now() + timeout;
        loop {
            let answer = client
                .simple_query(&self.try_sql())
                .await
                .map_err(|error| Error::postgres("waiting for the migration lock", error))?;
            if Self::was_taken(&answer) {
                return Ok(());
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(self.timed_out(client, timeout).await);
            }
            tokio::time::sleep(left.min(POLL_INTERVAL)).await;
        }
    }

    /// Best effort: a failure here means the connection is gone, which frees the lock too.
    pub async fn release(&self, client: &Client) {
        let sql = format!("SELECT pg_advisory_unlock({})", self.key);
        if let Err(error) = client.simple_query(&sql).await {
            tracing::warn!(%error, "releasing the migration lock failed");
        }
    }

    async fn timed_out(&self, client: &Client, timeout: Duration) -> Error {
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
                "another migration run holds the migration lock{}; gave up after {timeout:?}",
                holder.unwrap_or_default()
            ),
        )
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
