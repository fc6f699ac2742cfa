//! Every known version and its state, from the migration set and the history table (checked as
//! a whole in `check.rs`).

use super::history::AppliedRow;
use super::{Class, Migration};

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
    /// The version number.
    pub version: i32,
    /// From the migration set, or from the history table for a missing version.
    pub name: String,
    /// Where it stands.
    pub state: VersionState,
    /// From the migration set, or as the history recorded it for a version the set lacks.
    pub class: Option<Class>,
}

/// Where one version stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VersionState {
    /// Applied, with the file as it is now.
    Applied {
        /// When, as the history table records it (RFC 3339).
        applied_on: String,
    },
    /// Not applied yet.
    Pending,
    /// Applied, but the file changed since: the recorded checksum differs.
    Divergent {
        /// When, as the history table records it (RFC 3339).
        applied_on: String,
        /// The checksum recorded when it was applied.
        recorded_checksum: String,
        /// The checksum of the file as it is now.
        checksum: String,
    },
    /// Applied, but the migration set has no such version.
    Missing {
        /// When, as the history table records it (RFC 3339).
        applied_on: String,
    },
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
                    class: migration.class(),
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
                    class: row.class.as_deref().and_then(Class::parse),
                }),
        );
        versions.sort_by_key(|v| v.version);
        Status {
            current: applied.iter().map(|r| r.version).max().unwrap_or(0),
            head: set.last().map_or(0, Migration::version),
            versions,
        }
    }

    /// The versions not applied yet, in version order.
    pub fn pending(&self) -> impl Iterator<Item = &VersionStatus> {
        self.versions
            .iter()
            .filter(|v| v.state == VersionState::Pending)
    }

    /// Whether every version of the set is applied, unchanged, and nothing unknown is.
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
