//! The one server session a no-transaction migration needs. Its statements commit one by one
//! under a session-level lock, which a transaction-mode pooler defeats: it may hand each
//! statement to another server session. So the run marks its server session in the statement
//! that takes the lock, and looks for the mark again before each statement: a pooler that moves
//! the session is noticed and the run refused. The session's settings are set where the mark is,
//! and put back with the lock and the mark in one statement (all or none). A pooler that happens
//! to hand out the same server session every time is not noticed; it may lend that session to
//! other clients between two statements, and they see the migration's timeouts meanwhile.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tokio_postgres::{Client, SimpleQueryMessage};

use super::failure::Report;
use super::lock::{MigrationLock, SESSION_MARK as MARK};
use crate::{Error, ErrorKind};

/// The server session a no-transaction migration took the migration lock in and marked.
#[derive(Debug)]
pub(crate) struct Pinned {
    token: String,
    /// The server session's process id.
    pid: i32,
}

impl Pinned {
    /// Takes the migration lock for the server session the client's statement reaches, waiting
    /// up to `wait`, and marks that session in the same statement: a session never holds the
    /// mark without the lock, nor the lock for this run without the mark.
    pub async fn lock(
        client: &Client,
        lock: &MigrationLock,
        wait: Duration,
    ) -> Result<Self, Error> {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |elapsed| elapsed.as_nanos());
        let token = format!("{}-{nanos}", std::process::id());
        let mark = format!("set_config('{MARK}', '{token}', false)");
        let pid = lock.take_for_session(client, &mark, wait).await?;
        Ok(Pinned { token, pid })
    }

    /// The process id of the marked server session.
    pub fn pid(&self) -> i32 {
        self.pid
    }

    /// An SQL condition that holds only in the marked server session.
    pub fn here(&self) -> String {
        format!("current_setting('{MARK}', true) = '{}'", self.token)
    }

    /// Fails, saying what `done` is left of the migration, unless the client's next statement
    /// reaches the marked server session.
    pub async fn check(
        &self,
        client: &Client,
        report: &Report<'_>,
        done: &str,
    ) -> Result<(), Error> {
        let answer = client
            .simple_query(&format!("SELECT {}", self.here()))
            .await
            .map_err(|e| Error::postgres("asking which server session answers", e))?;
        let here = answer.iter().any(
            |message| matches!(message, SimpleQueryMessage::Row(row) if row.get(0) == Some("t")),
        );
        match here {
            true => Ok(()),
            false => Err(moved(report, done)),
        }
    }

    /// The one statement that puts the marked session back: `restore` (the session's settings as
    /// they were, `set_config` calls), the lock released, the mark cleared. It returns a row only
    /// where the mark is, and there does all of it.
    pub fn put_back_sql(&self, lock: &MigrationLock, restore: &[String]) -> String {
        let calls: Vec<String> = restore
            .iter()
            .cloned()
            .chain([
                lock.unlock_sql(),
                format!("set_config('{MARK}', '', false)"),
            ])
            .collect();
        format!("SELECT {} WHERE {}", calls.join(", "), self.here())
    }

    /// Waits `wait` in the marked session, outside any transaction and under no timeout: a live
    /// run's session is never idle longer than a round trip, so a waiting run can tell it from
    /// one that was left behind (`lock.rs`). Where the pooler handed the statement to another
    /// server session, it waits all the same (the next check refuses the run).
    pub async fn sleep(&self, client: &Client, wait: Duration) -> Result<(), Error> {
        let sql = format!(
            "BEGIN; SET LOCAL statement_timeout = 0; SELECT pg_sleep({}); COMMIT",
            wait.as_secs_f64()
        );
        client
            .batch_execute(&sql)
            .await
            .map_err(|e| Error::postgres("waiting before the next attempt", e))
    }
}

/// The error of a no-transaction migration whose statements reached different server sessions.
pub(crate) fn moved(report: &Report<'_>, done: &str) -> Error {
    Error::new(
        ErrorKind::Pooler,
        format!(
            "migration {} runs outside a transaction and needs one server session for all its \
             statements, under the migration lock, but they reach different server sessions: a \
             transaction-mode pooler (PgBouncer's pool_mode = transaction) stands between \
             lcfs-db and the server; {done}: run it through a direct or session-pooled \
             connection",
            report.file
        ),
    )
    .in_file(report.version, report.file)
}
