//! A migration's transaction on the wire, in two round trips. The first begins it, names the
//! session, takes the migration lock and reads the history under it. The second sends every
//! statement, the history change and `COMMIT` at once: after a failure the server turns that
//! `COMMIT` into a rollback, so the session never stays inside a failed transaction, even when
//! the run is cancelled half way.

use std::future::Future;
use std::pin::pin;
use std::time::Duration;

use futures_util::FutureExt;
use futures_util::future::join;
use tokio_postgres::Client;
use tokio_postgres::error::SqlState;

use super::history::{self, AppliedRow, History};
use super::lock::MigrationLock;
use super::pipeline::Pipeline;
use super::session::{Setting, set_local};
use super::split::Statement;
use crate::Error;

/// After this long in the first round trip, the run says it is waiting for the migration lock:
/// nothing else in it waits.
const WAIT_NOTICE: Duration = Duration::from_secs(1);

/// What the first round trip needs.
pub(crate) struct Begin<'a> {
    pub lock: MigrationLock,
    pub lock_wait: Duration,
    /// Set before the lock: an operator sees a waiting run by name.
    pub identity: &'a [Setting],
    /// Set after the lock, for the migration's statements.
    pub timeouts: &'a [Setting],
    pub create_history: bool,
    pub history: History<'a>,
}

/// What the second round trip sends after the statements, and which one failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sent {
    Statement(usize),
    Record,
    Commit,
}

/// The first error of the second round trip.
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
    ) -> Result<(Open<'c>, Vec<AppliedRow>), Error> {
        let enter = format!(
            "BEGIN ISOLATION LEVEL READ COMMITTED; {}{}",
            set_local(begin.identity),
            begin.lock.transaction_sql(begin.lock_wait)
        );
        let create = match begin.create_history {
            true => format!("{}; ", begin.history.create_sql()),
            false => String::new(),
        };
        let read = format!(
            "{}{create}{}",
            set_local(begin.timeouts),
            begin.history.select_sql()
        );
        let open = Open { client, open: true };
        let (entered, read) = join(
            noticing_a_wait(client.simple_query(&enter)),
            client.simple_query(&read),
        )
        .await;
        if let Err(error) = entered {
            open.rollback().await;
            return Err(match error.code() {
                Some(&SqlState::LOCK_NOT_AVAILABLE) => {
                    begin.lock.timed_out(client, begin.lock_wait).await
                }
                _ => Error::postgres("taking the migration lock", error),
            });
        }
        match read
            .map_err(|e| {
                Error::postgres(
                    format!("reading {} under the migration lock", begin.history.table()),
                    e,
                )
            })
            .and_then(|answer| history::parse(&answer))
        {
            Ok(rows) => Ok((open, rows)),
            Err(error) => {
                open.rollback().await;
                Err(error)
            }
        }
    }

    pub async fn rollback(mut self) {
        self.open = false;
        // Fails only when the connection is gone, and the server then rolls back by itself.
        let _ = self.client.batch_execute("ROLLBACK").await;
    }

    /// Sends the statements, `record` and `COMMIT` at once; `started(i)` is called as statement
    /// `i` starts on the server (when the one before it has answered).
    pub async fn finish(
        mut self,
        statements: &[Statement<'_>],
        record: &str,
        started: impl Fn(usize),
    ) -> Result<(), Failure> {
        let queries = statements.iter().map(|s| s.text).chain([record, "COMMIT"]);
        let mut pipeline = Pipeline::send(self.client, queries);
        // COMMIT is on its way: the server ends the transaction whatever happens here.
        self.open = false;
        let count = statements.len();
        if count > 0 {
            started(0);
        }
        let mut index = 0;
        while let Some(answer) = pipeline.next().await {
            let at = match index {
                i if i < count => Sent::Statement(i),
                i if i == count => Sent::Record,
                _ => Sent::Commit,
            };
            answer.map_err(|error| Failure { at, error })?;
            index += 1;
            if index < count {
                started(index);
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

/// `wait`, saying so when it lasts: the first round trip waits only for the migration lock.
async fn noticing_a_wait<T>(wait: impl Future<Output = T>) -> T {
    let mut wait = pin!(wait);
    match tokio::time::timeout(WAIT_NOTICE, &mut wait).await {
        Ok(done) => done,
        Err(_) => {
            tracing::info!("waiting for another migration run to release the migration lock");
            let done = wait.await;
            tracing::debug!("migration lock taken after waiting");
            done
        }
    }
}
