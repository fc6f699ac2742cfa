//! Under the migration lock, the history as it is now decides whether a migration still has
//! work: another run may have done it while this one waited, or moved the database elsewhere.

use super::history::{Applied, History};
use super::{Direction, Migration, Migrator, Status};
use crate::{Error, ErrorKind};

/// What a migration's turn comes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Todo {
    Run,
    /// Another run applied (or reverted) it in the meantime.
    AlreadyDone,
}

pub(crate) fn recheck(
    migrator: &Migrator,
    history: History<'_>,
    rows: &Applied,
    migration: &Migration,
    direction: Direction,
) -> Result<Todo, Error> {
    let (status, _) = Status::checked(migrator, history, direction, rows)?;
    let set = migrator.migrations();
    let version = migration.version();
    let applied = |v: i32| rows.iter().any(|row| row.version == v);
    match direction {
        Direction::Up if applied(version) => Ok(Todo::AlreadyDone),
        Direction::Down if !applied(version) => Ok(Todo::AlreadyDone),
        Direction::Up => match set
            .iter()
            .find(|m| m.version() < version && !applied(m.version()))
        {
            Some(_) => Err(moved(migration, status.current, "upgrade")),
            None => Ok(Todo::Run),
        },
        Direction::Down => match status.current > version {
            true => Err(moved(migration, status.current, "downgrade")),
            false => Ok(Todo::Run),
        },
    }
}

fn moved(migration: &Migration, current: i32, way: &str) -> Error {
    Error::new(
        ErrorKind::Concurrent,
        format!(
            "another run moved the database to version {current} while this {way} was under way; \
             it stopped before {} and applied nothing of it: check `lcfs-db status`, then run \
             again",
            migration.up_file()
        ),
    )
    .in_file(migration.version(), migration.up_file())
}
