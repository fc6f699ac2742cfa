//! The one server session a no-transaction migration needs. Its statements commit one by one
//! under a session-level lock, which a transaction-mode pooler defeats: it may hand each
//! statement to another server session. So the run marks its server session before it takes the
//! lock, takes the lock only where it finds its mark, and looks for the mark again before each
//! statement: a pooler that moves the session is noticed and the run refused. The session's
//! settings are set and put back under the same condition. A pooler that happens to hand out the
//! same server session every time is not noticed; it may lend that session to other clients
//! between two statements, and they see the migration's timeouts meanwhile.

use std::time::{SystemTime, UNIX_EPOCH};

use tokio_postgres::{Client, SimpleQueryMessage};

use super::failure::Report;
use crate::{Error, ErrorKind};

/// A custom setting: it lives in one server session and goes nowhere else.
const MARK: &str = "lcfs_db.no_transaction_run";

/// The server session a no-transaction migration marked as its own.
#[derive(Debug)]
pub(crate) struct Pinned {
    token: String,
}

impl Pinned {
    /// Marks the server session the client's next statement reaches.
    pub async fn mark(client: &Client) -> Result<Pinned, Error> {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |elapsed| elapsed.as_nanos());
        let pinned = Pinned {
            token: format!("{}-{nanos}", std::process::id()),
        };
        client
            .simple_query(&format!(
                "SELECT set_config('{MARK}', '{}', false)",
                pinned.token
            ))
            .await
            .map_err(|e| Error::postgres("marking the session", e))?;
        Ok(pinned)
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

    /// The statement [`Self::unmark`] sends.
    pub fn unmark_sql(&self) -> String {
        format!(
            "SELECT set_config('{MARK}', '', false) WHERE {}",
            self.here()
        )
    }

    /// Best effort: where the pooler hands the statement to another server session, the mark
    /// stays in the first, where it means nothing to anyone else.
    pub async fn unmark(self, client: &Client) {
        if let Err(error) = client.simple_query(&self.unmark_sql()).await {
            tracing::debug!(%error, "clearing the session's mark failed");
        }
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
