//! Running one migration file: inside a transaction with its history change, or, for a
//! non-transactional up file, statement by statement and then its history row.

use std::time::{Duration, Instant};

use tokio_postgres::Client;

use super::locate::{error_offset, locate_offset, location};
use super::split::{Statement, split};
use crate::{Error, ErrorKind};

/// One file to run and the history statement that records it.
pub(crate) struct Step<'a> {
    pub version: i32,
    pub file: String,
    pub sql: &'a str,
    pub record: String,
}

impl Step<'_> {
    /// The file and its history change commit together or not at all.
    pub async fn run_in_transaction(&self, client: &Client) -> Result<Duration, Error> {
        let started = Instant::now();
        client
            .batch_execute("BEGIN")
            .await
            .map_err(|e| self.failed(e, "could not start its transaction"))?;
        // Sent whole, so the server parses it and its error positions index the file.
        if let Err(error) = client.batch_execute(self.sql).await {
            rollback(client).await;
            let at = match error_offset(&error, self.sql) {
                Some(offset) => locate_offset(self.sql, offset),
                None => self.replay_to_failure(client, &error).await,
            };
            let failed = self.failed(error, "failed and was rolled back");
            return Err(match at {
                Some(at) => failed.at(at),
                None => failed,
            });
        }
        if let Err(error) = client
            .batch_execute(&format!("{};\nCOMMIT", self.record))
            .await
        {
            rollback(client).await;
            return Err(self.failed(error, "could not be recorded and was rolled back"));
        }
        Ok(started.elapsed())
    }

    /// Each statement commits on its own (`CREATE INDEX CONCURRENTLY` refuses a transaction),
    /// so a failure leaves the earlier ones applied and the version unrecorded.
    pub async fn run_alone(
        &self,
        client: &Client,
        statements: &[Statement<'_>],
    ) -> Result<Duration, Error> {
        let started = Instant::now();
        for (index, statement) in statements.iter().enumerate() {
            if let Err(error) = client.batch_execute(statement.text).await {
                let offset = error_offset(&error, statement.text).map(|o| statement.offset + o);
                let done = match index {
                    0 => "no statement of it was applied".to_owned(),
                    1 => "its first statement stays applied".to_owned(),
                    n => format!("its first {n} statements stay applied"),
                };
                let message = format!(
                    "failed at statement {} of {}; it runs outside a transaction, so {done} and \
                     the version is not recorded: a rerun starts again from its first statement",
                    index + 1,
                    statements.len()
                );
                return Err(self
                    .failed(error, &message)
                    .at(location(self.sql, statement, offset)));
            }
        }
        client
            .batch_execute(&self.record)
            .await
            .map_err(|e| self.failed(e, "ran, but recording it in the history table failed"))?;
        Ok(started.elapsed())
    }

    /// Without an error position, finds the failing statement by running the file again one
    /// statement at a time in a transaction that is always rolled back. Only a failure with
    /// the same SQLSTATE counts, so a statement the split got wrong is never blamed.
    async fn replay_to_failure(
        &self,
        client: &Client,
        original: &tokio_postgres::Error,
    ) -> Option<crate::error::SqlLocation> {
        client.batch_execute("BEGIN").await.ok()?;
        let mut found = None;
        for statement in split(self.sql) {
            if let Err(error) = client.batch_execute(statement.text).await {
                if error.code().is_some() && error.code() == original.code() {
                    let offset = error_offset(&error, statement.text).map(|o| statement.offset + o);
                    found = Some(location(self.sql, &statement, offset));
                }
                break;
            }
        }
        rollback(client).await;
        found
    }

    fn failed(&self, error: tokio_postgres::Error, what: &str) -> Error {
        let kind = match error.as_db_error() {
            Some(_) => ErrorKind::Migration,
            None => ErrorKind::Connection,
        };
        Error::new(kind, format!("migration {} {what}", self.file))
            .in_file(self.version, self.file.clone())
            .with_source(error)
    }
}

async fn rollback(client: &Client) {
    // Fails only when the connection is gone, and the server then rolls back by itself.
    let _ = client.batch_execute("ROLLBACK").await;
}
