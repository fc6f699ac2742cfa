//! One migration in its own transaction, with its history change. Its statements go out one
//! (Over 200 lines with its tests: one migration's attempt and retry loop, read top to bottom.)
//! after another without waiting (pipelined), so each runs once and the first error names its
//! statement. A lock timeout or a deadlock rolls the whole transaction back and retries it
//! after a backoff, a bounded number of times; then the run fails naming the sessions in the way.

use std::time::{Duration, Instant};

use tokio_postgres::Client;

use super::alone;
use super::blockers;
use super::failure::{Report, Transient};
use super::history::History;
use super::lock::MigrationLock;
use super::progress::{log_retry_after, log_statement};
use super::recheck::{Todo, recheck};
use super::server_role::{self, RoleDecision};
use super::session;
use super::settings::StepSettings;
use super::split::Statement;
use super::transaction::{Begin, Failure, Open, Sent};
use super::unmanaged::Prepare;
use super::up_front::UpFront;
use super::{Direction, Migration, Migrator};
use crate::Error;

/// The first retry waits this long, each later one twice as long as the one before, up to
/// [`MAX_BACKOFF`]: the application's queue drains at once, and a blocker that is an ordinary
/// transaction is given time to finish.
const FIRST_BACKOFF: Duration = Duration::from_secs(1);
const MAX_BACKOFF: Duration = Duration::from_secs(30);

/// One migration file of a run, and what the run knows of the server.
pub(crate) struct Step<'a> {
    pub migrator: &'a Migrator,
    pub migration: &'a Migration,
    pub direction: Direction,
    pub history: History<'a>,
    /// Whether the server can notice a vanished client (see `preflight`).
    pub checks_client: bool,
    /// Creates the history table, or adds to its layout, under the lock before the history is
    /// read: only for a run's first migration.
    pub prepare_history: Option<Prepare>,
    /// What the run decided about V015's reporting role before it started.
    pub role: RoleDecision,
}

/// What a step came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    Done(Duration),
    /// Another run did it while this one waited for the lock.
    AlreadyDone,
}

impl Step<'_> {
    pub async fn run(&self, client: &Client) -> Result<Outcome, Error> {
        let (file, sql) = self.migration.file(self.direction);
        let report = Report {
            version: self.migration.version(),
            file: &file,
            sql,
            settings: StepSettings::of(self.migrator, &file, sql)?,
        };
        let statements = server_role::statements(self.migration, self.direction, self.role);
        if self.direction == Direction::Up && !self.migration.is_transactional() {
            return alone::run(self, client, &report, &statements).await;
        }
        let identity = session::identity(self.checks_client);
        let timeouts = session::timeouts(
            report.settings.lock_timeout,
            report.settings.statement_timeout,
        );
        let begin = Begin {
            lock: MigrationLock::for_table(self.history.table()),
            lock_wait: self.migrator.lock_wait(),
            identity: &identity,
            timeouts: &timeouts,
            prepare_history: self.prepare_history,
            history: self.history,
        };
        let up_front =
            UpFront::of(&statements).map(|locks| locks.sql(report.settings.lock_timeout));
        let started = Instant::now();
        let mut attempt = 1;
        loop {
            let (transaction, rows) = Open::begin(client, &begin).await?;
            tracing::debug!(file = %file, attempt, "migration lock taken");
            match recheck(
                self.migrator,
                self.history,
                &rows,
                self.migration,
                self.direction,
            ) {
                Ok(Todo::Run) => {}
                // The history table's preparation, if any, stays.
                Ok(Todo::AlreadyDone) => {
                    transaction.commit().await?;
                    return Ok(Outcome::AlreadyDone);
                }
                Err(error) => {
                    transaction.rollback().await;
                    return Err(error);
                }
            }
            if up_front.is_some() {
                tracing::debug!(file = %file, "taking its table locks up front");
            }
            let log_start = |index: usize| log_statement(&file, sql, &statements[index]);
            let Failure { at, error } = match transaction
                .finish(up_front.as_deref(), &statements, &self.record(), log_start)
                .await
            {
                Ok(()) => return Ok(Outcome::Done(started.elapsed())),
                Err(failure) => failure,
            };
            let statement = match at {
                Sent::Statement(index) => Some(&statements[index]),
                // The statement that needs the lock the up-front wait ran out on.
                Sent::UpFront => UpFront::waited_for(&error).and_then(|i| statements.get(i)),
                Sent::Record | Sent::Commit => None,
            };
            let Some(transient) = Transient::of(&error) else {
                return Err(failed(&report, statement, at, error));
            };
            let text = statement.map_or(self.history.table(), |s| s.text);
            let lookup = blockers::in_the_way(client, text, &error, report.settings.lock_timeout)
                .await
                .unwrap_or_default();
            if attempt > report.settings.lock_retries {
                let location = statement.map(|s| report.locate(s, &error));
                let done = "it was rolled back each time, and nothing of it was applied";
                let blocked = report.gave_up(transient, error, attempt, lookup, done);
                return Err(match location {
                    Some(location) => blocked.at(location),
                    None => blocked,
                });
            }
            let wait = backoff(attempt);
            let what = transient.what();
            log_retry_after(what, &file, sql, statement, attempt, wait, &lookup);
            tokio::time::sleep(wait).await;
            attempt += 1;
        }
    }

    /// The history change that commits with the migration.
    pub fn record(&self) -> String {
        match self.direction {
            Direction::Up => self.history.insert_sql(self.migration),
            Direction::Down => self.history.delete_sql(self.migration.version()),
        }
    }
}

fn failed(
    report: &Report<'_>,
    statement: Option<&Statement<'_>>,
    at: Sent,
    error: tokio_postgres::Error,
) -> Error {
    let what = match at {
        Sent::UpFront => "failed taking its table locks up front and was rolled back".to_owned(),
        Sent::Statement(_) => "failed and was rolled back".to_owned(),
        Sent::Record => "could not be recorded and was rolled back".to_owned(),
        // The server says nothing once the connection is gone: it may have committed.
        Sent::Commit if error.as_db_error().is_none() => format!(
            "lost its connection after COMMIT was sent: its outcome is unknown, the server may \
             have committed it or rolled it back; `lcfs-db status` shows whether version {} is \
             applied",
            report.version
        ),
        Sent::Commit => "failed at COMMIT and was rolled back".to_owned(),
    };
    let what = format!("{what}{}", report.timeout_advice(&error));
    let location = statement.map(|s| report.locate(s, &error));
    let failed = report.failed(error, &what);
    match location {
        Some(location) => failed.at(location),
        None => failed,
    }
}

/// How long to wait before retry `attempt` (1 for the first).
pub(crate) fn backoff(attempt: u32) -> Duration {
    FIRST_BACKOFF
        .saturating_mul(1 << attempt.saturating_sub(1).min(16))
        .min(MAX_BACKOFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_a_ceiling() {
        let secs: Vec<u64> = (1..=7).map(|a| backoff(a).as_secs()).collect();
        assert_eq!(secs, [1, 2, 4, 8, 16, 30, 30]);
        assert_eq!(backoff(u32::MAX), MAX_BACKOFF);
    }
}
