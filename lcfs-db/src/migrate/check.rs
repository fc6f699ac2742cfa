//! The history checked as a whole before anything runs (and again under the lock, before each
//! migration). Each way it can disagree with the migration set is a branch of its own, with its
//! own error kind and advice:
//! - applied versions the set does not know ([`ErrorKind::Missing`]): a newer build ran;
//! - applied versions whose file changed since ([`ErrorKind::Divergent`]);
//! - versions of the set missing below the current one ([`ErrorKind::OutOfOrder`]): a deleted
//!   history row, or a migration added below versions already applied.

use super::embedded::up_file_name;
use super::history::History;
use super::{Migration, Status, VersionState, VersionStatus};
use crate::{Error, ErrorKind};

impl Status {
    /// Refuses a history that does not match `set`; nothing has been applied when it does.
    pub(crate) fn check(&self, set: &[Migration], history: History<'_>) -> Result<(), Error> {
        self.check_unknown()?;
        self.check_edited()?;
        self.check_gaps(set, history)
    }

    fn with_state(&self, wanted: impl Fn(&VersionStatus) -> bool) -> Vec<&VersionStatus> {
        self.versions.iter().filter(|v| wanted(v)).collect()
    }

    fn check_unknown(&self) -> Result<(), Error> {
        let unknown = self.with_state(|v| matches!(v.state, VersionState::Missing { .. }));
        let Some(first) = unknown.first() else {
            return Ok(());
        };
        let listed: Vec<String> = unknown
            .iter()
            .map(|v| match &v.state {
                VersionState::Missing { applied_on } => {
                    format!("{} ({}, applied on {applied_on})", v.version, v.name)
                }
                _ => unreachable!("filtered above"),
            })
            .collect();
        let (them, it) = match unknown.len() {
            1 => ("version", "it"),
            _ => ("versions", "them"),
        };
        let message = format!(
            "the database has {them} {} that this build of lcfs-db does not know (its migrations \
             end at version {}); nothing was applied: a newer build applied {it}, so run that \
             build, or rebuild with its migrations",
            listed.join(", "),
            self.head
        );
        Err(Error::new(ErrorKind::Missing, message)
            .in_file(first.version, up_file_name(first.version, &first.name)))
    }

    fn check_edited(&self) -> Result<(), Error> {
        let edited = self.with_state(|v| matches!(v.state, VersionState::Divergent { .. }));
        let Some(first) = edited.first() else {
            return Ok(());
        };
        let VersionState::Divergent {
            applied_on,
            recorded_checksum,
            checksum,
        } = &first.state
        else {
            unreachable!("filtered above");
        };
        let file = up_file_name(first.version, &first.name);
        let more = match edited.len() {
            1 => String::new(),
            n => format!(" (and {} more: {})", n - 1, files(&edited[1..])),
        };
        let message = format!(
            "{file} changed after it was applied on {applied_on} (recorded checksum \
             {recorded_checksum}, file checksum {checksum}){more}; nothing was applied: restore \
             the file and put the change in a new migration"
        );
        Err(Error::new(ErrorKind::Divergent, message).in_file(first.version, file))
    }

    fn check_gaps(&self, set: &[Migration], history: History<'_>) -> Result<(), Error> {
        let gaps =
            self.with_state(|v| v.state == VersionState::Pending && v.version < self.current);
        let Some(first) = gaps.first() else {
            return Ok(());
        };
        let restore: Vec<String> = gaps
            .iter()
            .filter_map(|gap| set.iter().find(|m| m.version() == gap.version))
            .map(|migration| format!("  {};", history.insert_sql(migration)))
            .collect();
        let (rows, was, they, a_version) = match gaps.len() {
            1 => ("its row", "was", "it", "a version"),
            _ => ("their rows", "were", "they", "versions"),
        };
        let message = format!(
            "the history has no row for {}, yet the database is at version {current}; nothing \
             was applied. Either {rows} {was} deleted: if the database holds what {they} \
             created, put {rows} back with\n{}\nor {they} {was} added below versions already \
             applied: give {} {a_version} above {current}",
            files(&gaps),
            restore.join("\n"),
            if gaps.len() == 1 { "it" } else { "them" },
            current = self.current,
        );
        Err(Error::new(ErrorKind::OutOfOrder, message)
            .in_file(first.version, up_file_name(first.version, &first.name)))
    }
}

fn files(versions: &[&VersionStatus]) -> String {
    let names: Vec<String> = versions
        .iter()
        .map(|v| up_file_name(v.version, &v.name))
        .collect();
    names.join(", ")
}
