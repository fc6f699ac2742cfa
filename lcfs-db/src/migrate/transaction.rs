//! A migration's transaction on the wire, in three round trips. The first begins it, names the
//! session and takes the migration lock (tried again in a new transaction while another run
//! holds it). The second sets the migration's timeouts and reads the history under the lock.
//! The third sends the locks taken up front (`up_front.rs`), every statement, the history change
//! and `COMMIT` at once: after a failure
//! the server turns that `COMMIT` into a rollback, so the session never stays inside a failed
//! transaction, even when the run is cancelled half way.

use std::time::Duration;

use futures_util::FutureExt;
use tokio_postgres::Client;

use super::history::{self, Applied, History};
use super::lock::MigrationLock;
use super::pipeline::Pipeline;
use super::session::{Setting, set_local};
use super::split::Statement;
use super::unmanaged::Prepare;
use crate::Error;

/// What the first two round trips need.
pub(crate) struct Begin<'a> {
    pub lock: MigrationLock,
    pub lock_wait: Duration,
    /// Set with the lock, for as long as the transaction is open.
    pub identity: &'a [Setting],
    /// Set after the lock, for the migration's statements.
    pub timeouts: &'a [Setting],
    /// Creates the history table, or adds to its layout, under the lock before it is read.
    pub prepare_history: Option<Prepare>,
    pub history: History<'a>,
}

/// What the third round trip sends, and which one failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sent {
    /// The statement that takes the locks up front, before the first of the migration's.
    UpFront,
    Statement(usize),
    Record,
    Commit,
}

/// The first error of the third round trip.
#[derive(Debug)]
pub(crate) struct Failure {
    pub at: Sent,
    pub error: tokio_postgres::Error,
}

/// An open migration transaction; dropped while open, it sends `ROLLBACK`.
pub(crate) struct Open<'c> {
    client: &'c Client,
    open: bool,
}

impl<'c> Open<'c> {
    /// Begins the transaction and returns the history as read under the migration lock.
    pub async fn begin(
        client: &'c Client,
        begin: &Begin<'_>,
    ) -> Result<(Open<'c>, Applied), Error> {
        let enter = format!(
            "BEGIN ISOLATION LEVEL READ COMMITTED; {}",
            set_local(begin.identity)
        );
        let timeouts = set_local(begin.timeouts);
        let mut read = format!("{timeouts}{}", begin.history.select_sql());
        // Dropped before the lock is answered (a cancelled run), it still ends the transaction.
        let open = Open { client, open: true };
        if let Err(error) = begin
            .lock
            .begin_locked(client, &enter, begin.lock_wait)
            .await
        {
            open.closed();
            return Err(error);
        }
        if let Some(prepare) = begin.prepare_history {
            // The timeouts first: adding a column waits for the table's readers.
            let prepared = match client.batch_execute(&timeouts).await {
                Ok(()) => prepare.under_lock(client, begin.history).await,
                Err(e) => Err(Error::postgres("setting the migration's timeouts", e)),
            };
            if let Err(error) = prepared {
                open.rollback().await;
                return Err(error);
            }
            read = begin.history.select_sql();
        }
        let read = client
            .simple_query(&read)
            .await
            .map_err(|e| {
                Error::postgres(
                    format!("reading {} under the migration lock", begin.history.table()),
                    e,
                )
            })
            .and_then(|answer| history::parse(&answer));
        match read {
            Ok(applied) => Ok((open, applied)),
            Err(error) => {
                open.rollback().await;
                Err(error)
            }
        }
    }

    /// The transaction ended without this guard (it was rolled back where it failed).
    fn closed(mut self) {
        self.open = false;
    }

    /// Commits what the transaction did before any statement of the migration: the history
    /// table's preparation, if any.
    pub async fn commit(mut self) -> Result<(), Error> {
        self.open = false;
        self.client
            .batch_execute("COMMIT")
            .await
            .map_err(|e| Error::postgres("committing the history table's layout", e))
    }

    pub async fn rollback(mut self) {
        self.open = false;
        // Fails only when the connection is gone, and the server then rolls back by itself.
        let _ = self.client.batch_execute("ROLLBACK").await;
    }

    /// Sends `up_front`, the statements, `record` and `COMMIT` at once; `started(i)` is called as
    /// statement `i` starts on the server (when the one before it has answered).
    pub async fn finish(
        mut self,
        up_front: Option<&str>,
        statements: &[Statement<'_>],
        record: &str,
        started: impl Fn(usize),
    ) -> Result<(), Failure> {
        let queries = up_front
            .into_iter()
            .chain(statements.iter().map(|s| s.text))
            .chain([record, "COMMIT"]);
        let mut pipeline = Pipeline::send(self.client, queries);
        // COMMIT is on its way: the server ends the transaction whatever happens here.
        self.open = false;
        let count = statements.len();
        // Answers before the first statement's: the up-front locks' (-1), if sent.
        let mut index = -isize::from(up_front.is_some());
        if count > 0 && index == 0 {
            started(0);
        }
        while let Some(answer) = pipeline.next().await {
            let at = match index {
                i if i < 0 => Sent::UpFront,
                i if (i as usize) < count => Sent::Statement(i as usize),
                i if i as usize == count => Sent::Record,
                _ => Sent::Commit,
            };
            answer.map_err(|error| Failure { at, error })?;
            index += 1;
            if index >= 0 && (index as usize) < count {
                started(index as usize);
            }
        }
        Ok(())
    }
}

impl Drop for Open<'_> {
    fn drop(&mut self) {
        if self.open {
            // Polled once, the request is sent; its answer is discarded by the connection.
            let _ = self.client.batch_execute("ROLLBACK").now_or_never();
        }
    }
}
