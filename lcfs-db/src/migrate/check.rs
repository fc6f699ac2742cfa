//! The history checked as a whole before anything runs, again under the lock before each
//! migration, and by the preview of a run: one check, so that the three agree. Each way the
//! history can disagree with the migration set is a branch of its own, with its own error kind
//! and advice:
//! - applied versions the set does not know ([`ErrorKind::Missing`]): a newer build ran. An
//!   upgrade starts beside those above head that the history records as expand (`compat.rs`);
//! - applied versions whose file changed since ([`ErrorKind::Divergent`]);
//! - versions of the set missing below the current one ([`ErrorKind::OutOfOrder`]): a deleted
//!   history row, or a migration added below versions already applied.

use super::compat::{self, AheadMigration};
use super::embedded::up_file_name;
use super::history::{Applied, AppliedRow, History};
use super::{Direction, Migration, Migrator, Status, VersionState, VersionStatus};
use crate::{Error, ErrorKind};

impl Status {
    /// The status of `applied` against `migrator`'s set, refused when a run in `direction` must
    /// not start from it (nothing has been applied then); with the versions ahead of the set
    /// that the run tolerates.
    pub(crate) fn checked(
        migrator: &Migrator,
        history: History<'_>,
        direction: Direction,
        applied: &Applied,
    ) -> Result<(Status, Vec<AheadMigration>), Error> {
        let status = Status::new(migrator.migrations(), applied);
        let ahead = status.check_unknown(migrator, direction, applied)?;
        status.check_edited()?;
        status.check_gaps(migrator.migrations(), history, applied.class_column)?;
        Ok((status, ahead))
    }

    fn with_state(&self, wanted: impl Fn(&VersionStatus) -> bool) -> Vec<&VersionStatus> {
        self.versions.iter().filter(|v| wanted(v)).collect()
    }

    /// Sets aside the unknown versions the run tolerates, and refuses the others.
    fn check_unknown(
        &self,
        migrator: &Migrator,
        direction: Direction,
        applied: &[AppliedRow],
    ) -> Result<Vec<AheadMigration>, Error> {
        let mut ahead = Vec::new();
        let mut refused = Vec::new();
        for version in &self.versions {
            let VersionState::Missing { applied_on } = &version.state else {
                continue;
            };
            let class = applied
                .iter()
                .find(|row| row.version == version.version)
                .and_then(|row| row.class.as_deref());
            match compat::tolerates(migrator, direction, version.version, class) {
                Ok(()) => ahead.push(AheadMigration {
                    version: version.version,
                    name: version.name.clone(),
                    applied_on: applied_on.clone(),
                }),
                Err(why) => refused.push((version, applied_on, why)),
            }
        }
        let Some((first, _, _)) = refused.first() else {
            return Ok(ahead);
        };
        let listed: Vec<String> = refused
            .iter()
            .map(|(v, applied_on, _)| {
                format!("{} ({}, applied on {applied_on})", v.version, v.name)
            })
            .collect();
        let why = match &refused[..] {
            [(_, _, Some(why))] => format!(", and {why}"),
            _ => {
                let each: Vec<String> = refused
                    .iter()
                    .filter_map(|(v, _, why)| Some(format!("V{:03}: {}", v.version, why.as_ref()?)))
                    .collect();
                match each.is_empty() {
                    true => String::new(),
                    false => format!(" ({})", each.join("; ")),
                }
            }
        };
        let (them, it) = match refused.len() {
            1 => ("version", "it"),
            _ => ("versions", "them"),
        };
        let message = format!(
            "the database has {them} {} that this build of lcfs-db does not know (its migrations \
             end at version {}){why}; nothing was applied: a newer build applied {it}, so run \
             that build, or rebuild with its migrations",
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

    /// `class_column`: whether the history table has the column the advised rows fill in.
    fn check_gaps(
        &self,
        set: &[Migration],
        history: History<'_>,
        class_column: bool,
    ) -> Result<(), Error> {
        let gaps =
            self.with_state(|v| v.state == VersionState::Pending && v.version < self.current);
        let Some(first) = gaps.first() else {
            return Ok(());
        };
        let layout = (!class_column).then(|| format!("  {};", history.add_class_sql()));
        let restore: Vec<String> = layout
            .into_iter()
            .chain(
                gaps.iter()
                    .filter_map(|gap| set.iter().find(|m| m.version() == gap.version))
                    .map(|migration| format!("  {};", history.insert_sql(migration))),
            )
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
