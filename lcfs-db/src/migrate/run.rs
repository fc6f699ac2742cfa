//! A run: take the lock, read and check the history, run the plan, release the lock on every
//! path. Cancelling a run's future leaves the lock to the connection's end.

use futures_util::future::join;
use tokio_postgres::Client;

use super::apply::Step;
use super::compat;
use super::history::{Applied, AppliedRow, History};
use super::lock::MigrationLock;
use super::split::split;
use super::{Direction, MigrationReport, Migrator, Status};
use crate::Error;

pub(crate) async fn upgrade(
    migrator: &Migrator,
    history: History<'_>,
    client: &Client,
    target: i32,
) -> Result<MigrationReport, Error> {
    locked(migrator, history, client, async |applied| {
        let (status, ahead) = compat::checked_status(migrator, applied.as_deref())?;
        let mut report = MigrationReport::new(Direction::Up, status.current).with_ahead(ahead);
        let create = match &applied {
            None if target > status.current => Some(history.create_sql()),
            Some(applied) if !applied.class_column => Some(history.add_class_sql()),
            _ => None,
        };
        if let Some(sql) = create {
            client
                .batch_execute(&sql)
                .await
                .map_err(|e| Error::postgres("creating the history table", e))?;
        }
        if target <= status.current {
            return Ok(report);
        }
        let plan = migrator.plan(Direction::Up, status.current, target)?;
        for migration in plan.migrations() {
            let step = Step {
                version: migration.version(),
                file: migration.up_file(),
                sql: migration.up_sql(),
                record: history.insert_sql(migration),
            };
            let duration = if migration.is_transactional() {
                step.run_in_transaction(client).await?
            } else if migration.statements().is_empty() {
                step.run_alone(client, &split(migration.up_sql())).await?
            } else {
                let statements = embedded_statements(migration.up_sql(), migration.statements());
                step.run_alone(client, &statements).await?
            };
            tracing::info!(
                version = migration.version(),
                name = migration.name(),
                ?duration,
                "applied"
            );
            report.push(migration, duration);
        }
        Ok(report.finish(target))
    })
    .await
}

pub(crate) async fn downgrade(
    migrator: &Migrator,
    history: History<'_>,
    client: &Client,
    to: i32,
) -> Result<MigrationReport, Error> {
    locked(migrator, history, client, async |applied| {
        let status = checked_status(migrator, applied.as_deref())?;
        let mut report = MigrationReport::new(Direction::Down, status.current);
        if to >= status.current {
            return Ok(report);
        }
        for migration in migrator
            .plan(Direction::Down, status.current, to)?
            .migrations()
        {
            let step = Step {
                version: migration.version(),
                file: migration.down_file(),
                sql: migration.down_sql(),
                record: history.delete_sql(migration.version()),
            };
            let duration = step.run_in_transaction(client).await?;
            tracing::info!(
                version = migration.version(),
                name = migration.name(),
                ?duration,
                "reverted"
            );
            report.push(migration, duration);
        }
        Ok(report.finish(to))
    })
    .await
}

fn checked_status(migrator: &Migrator, applied: Option<&[AppliedRow]>) -> Result<Status, Error> {
    let status = Status::new(migrator.migrations(), applied.unwrap_or_default());
    status.check()?;
    Ok(status)
}

/// Runs `body` under the lock with the history as read under it (`None`: no table yet). The
/// first try at the lock and the history read go out together, so a run with nothing to do
/// costs one round trip plus the unlock.
async fn locked<T>(
    migrator: &Migrator,
    history: History<'_>,
    client: &Client,
    body: impl AsyncFnOnce(Option<Applied>) -> Result<T, Error>,
) -> Result<T, Error> {
    migrator.check_set()?;
    let lock = MigrationLock::for_table(history.table());
    let try_sql = lock.try_sql();
    let (taken, applied) = join(client.simple_query(&try_sql), history.read(client)).await;
    let taken = taken.map_err(|e| Error::postgres("taking the migration lock", e))?;
    let applied = if MigrationLock::was_taken(&taken) {
        applied
    } else {
        tracing::info!(table = history.table(), "waiting for another migration run");
        lock.wait(client, migrator.lock_wait()).await?;
        history.read(client).await
    };
    let result = match applied {
        Ok(applied) => body(applied).await,
        Err(error) => Err(error),
    };
    lock.release(client).await;
    result
}

/// Statements split at build time, with their place in the file found again so that errors
/// can point at a line; a statement not found verbatim points at the file's start.
fn embedded_statements<'a>(
    sql: &'a str,
    statements: &[&'a str],
) -> Vec<super::split::Statement<'a>> {
    let mut from = 0;
    statements
        .iter()
        .map(|text| {
            let offset = sql[from..].find(text).map_or(0, |n| from + n);
            from = offset.max(from);
            super::split::Statement { text, offset }
        })
        .collect()
}
