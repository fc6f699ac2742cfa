//! What a migration run did.

use std::time::Duration;

use super::Direction;
use super::compat::AheadMigration;

/// What a run of [`crate::Migrator`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MigrationReport {
    pub(crate) direction: Direction,
    pub(crate) before: i32,
    pub(crate) after: i32,
    pub(crate) applied: Vec<AppliedMigration>,
    pub(crate) ahead: Vec<AheadMigration>,
}

/// One migration a run applied (upgrade) or reverted (downgrade).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppliedMigration {
    /// The migration's version.
    pub version: i32,
    /// The migration's name, e.g. `organizations_and_users`.
    pub name: &'static str,
    /// How long it took, its transaction and history row included.
    pub duration: Duration,
}

impl MigrationReport {
    pub(crate) fn new(direction: Direction, before: i32) -> Self {
        MigrationReport {
            direction,
            before,
            after: before,
            applied: Vec::new(),
            ahead: Vec::new(),
        }
    }

    pub(crate) fn with_ahead(mut self, ahead: Vec<AheadMigration>) -> Self {
        self.ahead = ahead;
        self
    }

    pub(crate) fn finish(mut self, after: i32) -> Self {
        self.after = after;
        self
    }

    pub(crate) fn push(&mut self, migration: &super::Migration, duration: Duration) {
        self.applied.push(AppliedMigration {
            version: migration.version(),
            name: migration.name(),
            duration,
        });
    }

    /// Whether the run applied (up) or reverted (down).
    pub fn direction(&self) -> Direction {
        self.direction
    }

    /// The database's version before the run; 0 is base.
    pub fn version_before(&self) -> i32 {
        self.before
    }

    /// The database's version after the run; 0 is base.
    pub fn version_after(&self) -> i32 {
        self.after
    }

    /// The migrations the run applied (reverted, for a downgrade), in the order it ran them.
    pub fn applied(&self) -> &[AppliedMigration] {
        &self.applied
    }

    /// Versions a newer build applied that this binary does not know, each recorded as an
    /// expand migration, so the run went on (see [`crate::Migrator::strict_history`]).
    pub fn ahead(&self) -> &[AheadMigration] {
        &self.ahead
    }
}
