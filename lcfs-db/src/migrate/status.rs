//! Every known version and its state, from the migration set and the history table (checked as
//! a whole in `check.rs`).

use super::Migration;
use super::history::AppliedRow;

/// The state of every version known to the migration set or the history table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// The highest applied version; 0 when nothing is applied.
    pub current: i32,
    /// The highest version of the migration set; 0 when it is empty.
    pub head: i32,
    /// In version order.
    pub versions: Vec<VersionStatus>,
}

/// One version and its state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionStatus {
    pub version: i32,
    /// From the migration set, or from the history table for a missing version.
    pub name: String,
    pub state: VersionState,
}

/// Where one version stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VersionState {
    /// Applied, with the file as it is now.
    Applied { applied_on: String },
    /// Not applied yet.
    Pending,
    /// Applied, but the file changed since: the recorded checksum differs.
    Divergent {
        applied_on: String,
        recorded_checksum: String,
        checksum: String,
    },
    /// Applied, but the migration set has no such version.
    Missing { applied_on: String },
}

impl Status {
    pub(crate) fn new(set: &[Migration], applied: &[AppliedRow]) -> Status {
        let mut versions: Vec<VersionStatus> = set
            .iter()
            .map(|migration| {
                let row = applied.iter().find(|r| r.version == migration.version());
                VersionStatus {
                    version: migration.version(),
                    name: migration.name().to_owned(),
                    state: state_of(migration, row),
                }
            })
            .collect();
        versions.extend(
            applied
                .iter()
                .filter(|row| set.iter().all(|m| m.version() != row.version))
                .map(|row| VersionStatus {
                    version: row.version,
                    name: row.name.clone(),
                    state: VersionState::Missing {
                        applied_on: row.applied_on.clone(),
                    },
                }),
        );
        versions.sort_by_key(|v| v.version);
        Status {
            current: applied.iter().map(|r| r.version).max().unwrap_or(0),
            head: set.last().map_or(0, Migration::version),
            versions,
        }
    }

    pub fn pending(&self) -> impl Iterator<Item = &VersionStatus> {
        self.versions
            .iter()
            .filter(|v| v.state == VersionState::Pending)
    }

    pub fn is_at_head(&self) -> bool {
        self.versions
            .iter()
            .all(|v| matches!(v.state, VersionState::Applied { .. }))
    }
}

fn state_of(migration: &Migration, row: Option<&AppliedRow>) -> VersionState {
    let Some(row) = row else {
        return VersionState::Pending;
    };
    let checksum = migration.checksum().to_string();
    if row.checksum == checksum {
        VersionState::Applied {
            applied_on: row.applied_on.clone(),
        }
    } else {
        VersionState::Divergent {
            applied_on: row.applied_on.clone(),
            recorded_checksum: row.checksum.clone(),
            checksum,
        }
    }
}
