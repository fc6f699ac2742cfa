//! Putting back a no-transaction run's server session, even one the run can no longer reach: a
//! transaction-mode pooler may hand the run's last statements to other server sessions and keep
//! the marked one, with the migration lock, the timeouts and the mark, in its pool for good.
//! The run sends its put-back again until the pooler hands it that session (it hands out its
//! idle sessions in turn, or the last used first, so one comes back soon when the pool is not
//! saturated); when it does not within [`REACH_WAIT`], that session is ended from the session
//! the run reaches, once it is idle between two of the pooler's transactions.

use std::time::{Duration, Instant};

use tokio_postgres::{Client, SimpleQueryMessage};

use super::lock::MigrationLock;

/// How long a run tries to reach its marked session again before it ends it: ending a server
/// session is the last resort, since a client the pooler hands it to in that instant would
/// lose its connection.
const REACH_WAIT: Duration = Duration::from_secs(2);

/// How long a run tries to put back or end its marked session: the pooler lends it to other
/// clients for a transaction at a time, between which it is idle.
const PUT_BACK_WAIT: Duration = Duration::from_secs(5);

/// How often it tries.
const PUT_BACK_INTERVAL: Duration = Duration::from_millis(20);

/// Sends `put_back` (it returns a row only in the marked session `pid`, see `pinned.rs`) until
/// the marked session answers; after [`REACH_WAIT`], ends session `pid` from the session that
/// answers while it holds `lock`, once it is idle outside any transaction. Best effort: a
/// failure is logged, naming the session; a run waiting for the lock then reports it.
pub(crate) async fn put_back(client: &Client, put_back: &str, pid: i32, lock: &MigrationLock) {
    let started = Instant::now();
    let end = end_sql(pid, lock);
    loop {
        match client.simple_query(put_back).await {
            Ok(answer) if has_row(&answer) => return,
            Ok(_) => {}
            // The connection is gone: a direct session ends with it, and so does its lock.
            Err(error) => {
                tracing::warn!(%error, "putting the session back failed");
                return;
            }
        }
        if started.elapsed() < REACH_WAIT {
            tokio::time::sleep(PUT_BACK_INTERVAL).await;
            continue;
        }
        match client.simple_query(&end).await {
            // No row: the session holds the lock no more.
            Ok(answer) if !has_row(&answer) => {
                tracing::info!(
                    pid,
                    "ended the server session that the pooler kept with the migration lock"
                );
                return;
            }
            Ok(_) if started.elapsed() < PUT_BACK_WAIT => {}
            Ok(_) => {
                tracing::warn!(
                    pid,
                    "the migration lock stays with server session {pid}, busy with the pooler's \
                     other clients: end it with `SELECT pg_terminate_backend({pid})`"
                );
                return;
            }
            Err(error) => {
                tracing::warn!(
                    %error,
                    pid,
                    "the migration lock stays with server session {pid}, which this run can no \
                     longer reach and may not end: end it with `SELECT pg_terminate_backend({pid})`"
                );
                return;
            }
        }
        tokio::time::sleep(PUT_BACK_INTERVAL).await;
    }
}

/// While session `pid` holds `lock`, a row, and the session ended if it is idle outside any
/// transaction and is not the one answering; no row once it holds the lock no more. For a
/// cancelled run (`undo.rs`), which sends it once.
pub(crate) fn end_sql(pid: i32, lock: &MigrationLock) -> String {
    format!(
        "SELECT (SELECT pg_terminate_backend(a.pid) FROM pg_stat_activity a WHERE a.pid = {pid} \
         AND a.pid <> pg_backend_pid() AND a.state = 'idle') WHERE {}",
        lock.held_by(&pid.to_string())
    )
}

fn has_row(answer: &[SimpleQueryMessage]) -> bool {
    answer
        .iter()
        .any(|message| matches!(message, SimpleQueryMessage::Row(_)))
}
