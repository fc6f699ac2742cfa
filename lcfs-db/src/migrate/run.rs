//! A run: the server and the whole history are checked once before anything is applied, then
//! each migration of the plan runs in turn, taking the migration lock and reading the history
//! again for itself, so concurrent runs apply each version once; the first one also decides,
//! under the lock, whether objects without a history table are another tool's. Cancelling a run
//! between migrations leaves nothing open: each migration's transaction ends on the server.

use tokio_postgres::Client;

use super::apply::{Outcome, Step};
use super::class_column;
use super::compat::AheadMigration;
use super::history::{Applied, History};
use super::preflight::{Preflight, preflight};
use super::server_role;
use super::unmanaged::{Prepare, refuse_objects};
use super::{Direction, Migration, MigrationReport, Migrator, Status, collisions};
use crate::Error;

/// What a run checked before it started.
pub(crate) struct Verified {
    pub preflight: Preflight,
    pub status: Status,
    /// Versions ahead of the set that an upgrade tolerates.
    pub ahead: Vec<AheadMigration>,
}

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

/// The server's state and the history, refused when a run in `direction` must not start,
/// objects without a history table included (what a run decides under the lock, reported here
/// as the committed state stands); a standby only when the caller `writes` (`status` reads the
/// history as a run checks it).
pub(crate) async fn verify(
    migrator: &Migrator,
    history: History<'_>,
    client: &Client,
    direction: Direction,
    writes: bool,
) -> Result<Verified, Error> {
    let verified = checked(migrator, history, client, direction, writes).await?;
    if verified.preflight.applied.is_none() {
        refuse_objects(client, history).await?;
    }
    Ok(verified)
}

/// [`verify`] without the look for objects without a history table.
async fn checked(
    migrator: &Migrator,
    history: History<'_>,
    client: &Client,
    direction: Direction,
    writes: bool,
) -> Result<Verified, Error> {
    migrator.check_set()?;
    let preflight = preflight(client, history, writes).await?;
    let none = Applied::default();
    let applied = preflight.applied.as_ref().unwrap_or(&none);
    let (status, ahead) = Status::checked(migrator, history, direction, applied)?;
    Ok(Verified {
        preflight,
        status,
        ahead,
    })
}

async fn migrate(
    migrator: &Migrator,
    history: History<'_>,
    client: &Client,
    direction: Direction,
    to: i32,
) -> Result<MigrationReport, Error> {
    let Verified {
        preflight,
        status,
        ahead,
    } = checked(migrator, history, client, direction, true).await?;
    for migration in &ahead {
        tracing::warn!(
            version = migration.version,
            name = migration.name,
            "database is ahead of this binary by an expand migration; starting"
        );
    }
    let mut report = MigrationReport::new(direction, status.current).with_ahead(ahead);
    let nothing_to_do = match direction {
        Direction::Up => to <= status.current,
        Direction::Down => to >= status.current,
    };
    // A new history table is created under the lock with the first migration, where the run
    // decides about another tool's objects; one an older version made gets the `class` column an
    // upgrade's history rows record first, by itself.
    let mut prepare_history = match &preflight.applied {
        None if !nothing_to_do && direction == Direction::Up => Some(Prepare::Create),
        _ => None,
    };
    if let Some(applied) = &preflight.applied
        && !applied.class_column
        && direction == Direction::Up
    {
        class_column::add(migrator, history, client, preflight.checks_client).await?;
    }
    if nothing_to_do {
        // A run with nothing to do creates nothing: it only reports another tool's objects.
        if preflight.applied.is_none() {
            refuse_objects(client, history).await?;
        }
        return Ok(report);
    }
    let plan = migrator.plan(direction, status.current, to)?;
    // Without a history table every object in the schema is another tool's, and that is decided
    // under the lock with the first migration: a look here, outside it, could see a concurrent
    // first run's objects before its history table and refuse what is no clash.
    if direction == Direction::Up && preflight.applied.is_some() {
        collisions::refuse_taken_names(client, history, status.current, plan.migrations()).await?;
    }
    let role = server_role::decide(client, &plan).await?;
    for migration in plan.migrations() {
        let step = Step {
            migrator,
            migration,
            direction,
            history,
            checks_client: preflight.checks_client,
            prepare_history: prepare_history.take(),
            role,
        };
        match step.run(client).await? {
            Outcome::Done(duration) => {
                log_done(migration, direction, duration);
                if server_role::kept(migration, direction, role) {
                    server_role::log_kept();
                }
                report.push(migration, duration);
            }
            Outcome::AlreadyDone => tracing::debug!(
                version = migration.version(),
                "another run did this migration while this one waited"
            ),
        }
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
