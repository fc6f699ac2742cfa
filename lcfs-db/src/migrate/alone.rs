//! A no-transaction migration (`-- lcfs-db: no-transaction`, for `CREATE INDEX CONCURRENTLY`):
//! each statement commits on its own, so the run holds the migration lock for its session
//! while they run, sets the timeouts for the session (putting the old values back after), and
//! retries only a statement that timed out on a lock: a failed statement leaves nothing behind
//! but the invalid index of an interrupted concurrent build, which the next attempt drops first,
//! and a build that fails for good drops before the run returns (`concurrent_index.rs`).
//! A run cancelled half way puts the session back all the same (`undo.rs`).
//! A transaction-mode pooler cannot keep a session's lock: such migrations need a direct or
//! session-pooled connection, and a run that notices the pooler refuses (`pinned.rs`), and
//! ends the server session it can no longer reach rather than leave the lock there
//! (`stranded.rs`).

use std::time::Instant;

use tokio_postgres::Client;

use super::apply::{Outcome, Step, backoff};
use super::blockers::{self, Lookup};
use super::concurrent_index::ConcurrentIndex;
use super::failure::{Report, is_lock_timeout};
use super::lock::MigrationLock;
use super::pinned::{Pinned, moved};
use super::progress::{log_retry_after, log_statement};
use super::recheck::{Todo, recheck};
use super::session;
use super::split::Statement;
use super::stranded;
use super::undo::Undo;
use crate::Error;

pub(crate) async fn run(
    step: &Step<'_>,
    client: &Client,
    report: &Report<'_>,
    statements: &[Statement<'_>],
) -> Result<Outcome, Error> {
    let lock = MigrationLock::for_table(step.history.table());
    let pinned = Pinned::lock(client, &lock, step.migrator.lock_wait()).await?;
    tracing::debug!(file = %report.file, pid = pinned.pid(), "migration lock taken for the session");
    let mut undo = Undo::new(client);
    undo.push(stranded::end_sql(pinned.pid(), &lock));
    undo.push(pinned.put_back_sql(&lock, &[]));
    let mut restore = Vec::new();
    let result = under_lock(
        step,
        client,
        report,
        statements,
        &pinned,
        &mut undo,
        &mut restore,
    );
    let result = result.await;
    let put_back = pinned.put_back_sql(&lock, &restore);
    stranded::put_back(client, &put_back, pinned.pid(), &lock).await;
    undo.disarm();
    result
}

async fn under_lock(
    step: &Step<'_>,
    client: &Client,
    report: &Report<'_>,
    statements: &[Statement<'_>],
    pinned: &Pinned,
    undo: &mut Undo<'_>,
    restore: &mut Vec<String>,
) -> Result<Outcome, Error> {
    if let Some(prepare) = step.prepare_history {
        prepare.under_lock(client, step.history).await?;
    }
    let rows = step.history.read(client).await?.unwrap_or_default();
    let todo = recheck(
        step.migrator,
        step.history,
        &rows,
        step.migration,
        step.direction,
    )?;
    if todo == Todo::AlreadyDone {
        return Ok(Outcome::AlreadyDone);
    }
    let mut settings = session::identity(step.checks_client);
    settings.extend(session::timeouts(
        report.settings.lock_timeout,
        report.settings.statement_timeout,
    ));
    let here = pinned.here();
    let Some(saved) = session::set_for_session(client, &settings, &here).await? else {
        return Err(moved(report, "no statement of it was applied"));
    };
    *restore = session::restore_calls(&saved);
    undo.push(pinned.put_back_sql(&MigrationLock::for_table(step.history.table()), restore));
    statements_then_record(step, client, report, statements, pinned).await
}

async fn statements_then_record(
    step: &Step<'_>,
    client: &Client,
    report: &Report<'_>,
    statements: &[Statement<'_>],
    pinned: &Pinned,
) -> Result<Outcome, Error> {
    let started = Instant::now();
    for (index, statement) in statements.iter().enumerate() {
        let left = applied_so_far(index);
        pinned.check(client, report, &left).await?;
        log_statement(report.file, report.sql, statement);
        let builds = ConcurrentIndex::built_by(statement.text);
        let mut attempt = 1;
        while let Err(error) = attempt_once(client, statement, builds.as_ref()).await {
            let location = report.locate(statement, &error);
            let timed_out = is_lock_timeout(&error);
            // Asked first, while the sessions in the way are as they were when the wait ended.
            let lookup = match timed_out {
                true => blockers::look_up(client, statement.text, report.settings.lock_timeout)
                    .await
                    .unwrap_or_default(),
                false => Lookup::default(),
            };
            let last = !timed_out || attempt > report.settings.lock_retries;
            // A build that fails for good leaves no invalid index behind for writes to maintain.
            let left = match (&builds, last) {
                (Some(index), true) => format!("{left}{}", index.drop_leftover(client).await),
                _ => left.clone(),
            };
            if !timed_out {
                let what = format!(
                    "failed at statement {} of {}{}; it runs outside a transaction, so {left} \
                     and the version is not recorded: a rerun starts again from its first statement",
                    index + 1,
                    statements.len(),
                    report.timeout_advice(&error),
                );
                return Err(report.failed(error, &what).at(location));
            }
            if attempt > report.settings.lock_retries {
                let done = format!("it runs outside a transaction, so {left}");
                return Err(report.blocked(error, attempt, lookup, &done).at(location));
            }
            let wait = backoff(attempt);
            log_retry_after(
                "lock timeout",
                report.file,
                report.sql,
                Some(statement),
                attempt,
                wait,
                &lookup,
            );
            pinned.sleep(client, wait).await?;
            attempt += 1;
        }
        if let Some(index) = &builds {
            index.check_valid(client, report).await?;
        }
    }
    let all = "its statements ran, and the version is not recorded: a rerun starts again from its \
               first statement";
    pinned.check(client, report, all).await?;
    client
        .batch_execute(&step.record())
        .await
        .map_err(|e| report.failed(e, "ran, but recording it in the history table failed"))?;
    Ok(Outcome::Done(started.elapsed()))
}

/// The statement, after dropping what an interrupted build of its index left.
async fn attempt_once(
    client: &Client,
    statement: &Statement<'_>,
    index: Option<&ConcurrentIndex>,
) -> Result<(), tokio_postgres::Error> {
    if let Some(index) = index {
        index.drop_if_invalid(client).await?;
    }
    client.batch_execute(statement.text).await
}

fn applied_so_far(failed: usize) -> String {
    match failed {
        0 => "no statement of it was applied".to_owned(),
        1 => "its first statement stays applied".to_owned(),
        n => format!("its first {n} statements stay applied"),
    }
}
