//! A run: the server and the whole history are checked once before anything is applied, then
//! each migration of the plan runs in turn, taking the migration lock and reading the history
//! again for itself, so concurrent runs apply each version once. Cancelling a run between
//! migrations leaves nothing open: each migration's transaction ends on the server by itself.

use tokio_postgres::Client;
use tokio_postgres::error::SqlState;

use super::apply::{Outcome, Step, backoff};
use super::blockers;
use super::compat::AheadMigration;
use super::history::{Applied, History};
use super::preflight::{Preflight, preflight};
use super::progress::log_retry;
use super::transaction::{Begin, Open};
use super::{Direction, Migration, MigrationReport, Migrator, Status, lock, session};
use crate::{Error, ErrorKind};

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

/// The server's state and the history, refused when a run in `direction` must not start; a
/// standby only when the caller `writes` (`status` reads the history as a run checks it).
pub(crate) async fn verify(
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
    } = verify(migrator, history, client, direction, true).await?;
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
    // A new history table is created under the lock with the first migration; one an older
    // version made gets the `class` column an upgrade's history rows record first, by itself.
    let mut prepare_history = match &preflight.applied {
        None if !nothing_to_do && direction == Direction::Up => Some(history.create_sql()),
        _ => None,
    };
    if let Some(applied) = &preflight.applied
        && !applied.class_column
        && direction == Direction::Up
    {
        add_class_column(migrator, history, client, preflight.checks_client).await?;
    }
    if nothing_to_do {
        return Ok(report);
    }
    let plan = migrator.plan(direction, status.current, to)?;
    for migration in plan.migrations() {
        let step = Step {
            migrator,
            migration,
            direction,
            history,
            checks_client: preflight.checks_client,
            prepare_history: prepare_history.take(),
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
    }
    Ok(report.finish(to))
}

/// A history table an older version made gets the `class` column, in a transaction of its own
/// under the migration lock, with a migration's timeouts and its retries after a lock timeout:
/// `ALTER TABLE` waits for every session that has read the history in an open transaction.
async fn add_class_column(
    migrator: &Migrator,
    history: History<'_>,
    client: &Client,
    checks_client: bool,
) -> Result<(), Error> {
    let sql = history.add_class_sql();
    let identity = session::identity(checks_client);
    let lock_timeout = migrator.ddl_lock_timeout_value();
    let timeouts = session::timeouts(lock_timeout, migrator.statement_timeout_value());
    let begin = Begin {
        lock: lock::MigrationLock::for_table(history.table()),
        lock_wait: migrator.lock_wait(),
        identity: &identity,
        timeouts: &timeouts,
        prepare_history: Some(&sql),
        history,
    };
    let mut attempt = 1;
    loop {
        let error = match Open::begin(client, &begin).await {
            Ok((open, _)) => return open.commit().await,
            Err(error) => error,
        };
        if error.code() != Some(&SqlState::LOCK_NOT_AVAILABLE) {
            return Err(error);
        }
        let lookup = blockers::look_up(client, &sql, lock_timeout)
            .await
            .unwrap_or_default();
        if attempt > migrator.lock_retries_value() {
            let message = format!(
                "adding the `class` column to the history table {} gave up: on each of its \
                 {attempt} attempts it waited longer than {} for {}; nothing was applied. To \
                 proceed, let the sessions below finish, or end them (`SELECT \
                 pg_terminate_backend(pid)`), then run again; or allow a longer wait with \
                 --lock-timeout",
                history.table(),
                session::describe(lock_timeout, "lock_timeout"),
                match lookup.wanted.is_empty() {
                    true => format!("a lock on {}", history.table()),
                    false => lookup.wanted.join(" and "),
                },
            );
            return Err(Error::new(ErrorKind::Blocked, message)
                .with_source(error)
                .with_blockers(lookup.blockers));
        }
        let wait = backoff(attempt);
        log_retry(history.table(), &sql, None, attempt, wait, &lookup);
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}

fn log_done(migration: &Migration, direction: Direction, duration: std::time::Duration) {
    let (version, name) = (migration.version(), migration.name());
    match direction {
        Direction::Up => tracing::info!(version, name, ?duration, "applied"),
        Direction::Down => tracing::info!(version, name, ?duration, "reverted"),
    }
}
