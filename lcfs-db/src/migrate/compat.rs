//! Old binaries beside newer migrations. During a rolling deploy the first new instance
//! migrates while old ones still start: a database ahead of this binary only by migrations the
//! history records as *expand* still serves it, so `migrate` starts and reports them. One that
//! is *contract*, or of unknown class, stops the run; so does any, with the strict option.

use super::embedded::up_file_name;
use super::history::AppliedRow;
use super::{Class, Migrator, Status, VersionState};
use crate::{Error, ErrorKind};

/// A version applied to the database by a newer build, unknown to this binary, and recorded as
/// expand: this binary keeps working with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AheadMigration {
    /// The version, above this binary's head.
    pub version: i32,
    /// As the history records it.
    pub name: String,
    /// When the newer build applied it.
    pub applied_on: String,
}

/// The status for an upgrade run: checked, with the unknown versions this binary may tolerate
/// set aside and returned.
pub(crate) fn checked_status(
    migrator: &Migrator,
    applied: Option<&[AppliedRow]>,
) -> Result<(Status, Vec<AheadMigration>), Error> {
    let applied = applied.unwrap_or_default();
    let status = Status::new(migrator.migrations(), applied);
    let head = migrator.head();
    let mut ahead = Vec::new();
    for version in status.versions.iter().filter(|v| v.version > head) {
        let VersionState::Missing { applied_on } = &version.state else {
            continue;
        };
        let class = applied
            .iter()
            .find(|row| row.version == version.version)
            .and_then(|row| row.class.as_deref());
        let refusal = match class.and_then(Class::parse) {
            _ if migrator.is_strict_history() => {
                "strict history checking refuses any version it does not know".to_owned()
            }
            Some(Class::Expand) => {
                ahead.push(AheadMigration {
                    version: version.version,
                    name: version.name.clone(),
                    applied_on: applied_on.clone(),
                });
                continue;
            }
            Some(Class::Contract) => "it is a contract migration: it removes, renames or narrows \
                                      something this binary may use"
                .to_owned(),
            None => format!(
                "its class is unknown ({}): only an expand migration is known to leave this binary working",
                class.map_or("not recorded".to_owned(), |c| format!("recorded as {c:?}"))
            ),
        };
        let file = up_file_name(version.version, &version.name);
        return Err(Error::new(
            ErrorKind::Missing,
            format!(
                "the database has V{:03} {} (applied on {applied_on}), which this binary (head V{head:03}) \
                 does not know, and {refusal}; nothing was applied: deploy a build that knows it",
                version.version, version.name
            ),
        )
        .in_file(version.version, file));
    }
    let mut known = status.clone();
    known
        .versions
        .retain(|v| !ahead.iter().any(|a| a.version == v.version));
    known.check()?;
    for migration in &ahead {
        tracing::warn!(
            version = migration.version,
            name = migration.name,
            "database is ahead of this binary by an expand migration; starting"
        );
    }
    Ok((status, ahead))
}
