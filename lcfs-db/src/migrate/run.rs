//! A run: the server and the whole history are checked once before anything is applied, then
//! each migration of the plan runs in turn, taking the migration lock and reading the history
//! again for itself, so concurrent runs apply each version once. Cancelling a run between
//! migrations leaves nothing open: each migration's transaction ends on the server by itself.

use tokio_postgres::Client;

use super::apply::{Outcome, Step};
use super::history::{AppliedRow, History};
use super::preflight::{Preflight, preflight};
use super::{Direction, Migration, MigrationReport, Migrator, Status};
use crate::Error;

pub(crate) async fn upgrade(
    migrator: &Migrator,
    history: History<'_>,
    client: &Client,
    target: i32,
) -> Result<MigrationReport, Error> {
    migrate(migrator, history, client, Direction::Up, target).await
}

pub(crate) async fn downgrade(
    migrator: &Migrator,
    history: History<'_>,
    client: &Client,
    to: i32,
) -> Result<MigrationReport, Error> {
    migrate(migrator, history, client, Direction::Down, to).await
}

/// The server's state and the history, refused when a run must not start.
pub(crate) async fn verify(
    migrator: &Migrator,
    history: History<'_>,
    client: &Client,
) -> Result<(Preflight, Status), Error> {
    migrator.check_set()?;
    let checked = preflight(client, history, true).await?;
    let status = checked_status(migrator, history, checked.applied.as_deref())?;
    Ok((checked, status))
}

async fn migrate(
    migrator: &Migrator,
    history: History<'_>,
    client: &Client,
    direction: Direction,
    to: i32,
) -> Result<MigrationReport, Error> {
    let (checked, status) = verify(migrator, history, client).await?;
    let mut report = MigrationReport::new(direction, status.current);
    let nothing_to_do = match direction {
        Direction::Up => to <= status.current,
        Direction::Down => to >= status.current,
    };
    if nothing_to_do {
        return Ok(report);
    }
    let plan = migrator.plan(direction, status.current, to)?;
    let mut create_history = checked.applied.is_none();
    for migration in plan.migrations() {
        let step = Step {
            migrator,
            migration,
            direction,
            history,
            checks_client: checked.checks_client,
            create_history,
        };
        match step.run(client).await? {
            Outcome::Done(duration) => {
                log_done(migration, direction, duration);
                report.push(migration, duration);
            }
            Outcome::AlreadyDone => tracing::debug!(
                version = migration.version(),
                "another run did this migration while this one waited"
            ),
        }
        create_history = false;
    }
    Ok(report.finish(to))
}

fn log_done(migration: &Migration, direction: Direction, duration: std::time::Duration) {
    let (version, name) = (migration.version(), migration.name());
    match direction {
        Direction::Up => tracing::info!(version, name, ?duration, "applied"),
        Direction::Down => tracing::info!(version, name, ?duration, "reverted"),
    }
}

fn checked_status(
    migrator: &Migrator,
    history: History<'_>,
    applied: Option<&[AppliedRow]>,
) -> Result<Status, Error> {
    let status = Status::new(migrator.migrations(), applied.unwrap_or_default());
    status.check(migrator.migrations(), history)?;
    Ok(status)
}
