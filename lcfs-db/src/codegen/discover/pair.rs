//! Pairing up and down files by version, and checking the versions run 1, 2, 3, … without gaps.

use std::collections::BTreeMap;

use super::super::error::{BuildError, ErrorKind};
use super::super::source::Location;
use super::{MigrationFiles, Version};

pub fn pair(versions: BTreeMap<i32, Version>) -> Result<Vec<MigrationFiles>, BuildError> {
    let sequence_error = |message: String, path: &str| {
        BuildError::new(ErrorKind::Sequence, message).at(Location::file(path))
    };
    let mut migrations = Vec::with_capacity(versions.len());
    for (version, Version { mut ups, mut downs }) in versions {
        for sides in [&ups, &downs] {
            if let [first, second, ..] = sides.as_slice() {
                let message = format!(
                    "version {version} is used twice: {} and {}",
                    first.file_name, second.file_name
                );
                return Err(sequence_error(message, &second.path));
            }
        }
        // As the first file of the version spells it: `V001`.
        let any_file = ups
            .first()
            .or(downs.first())
            .map(|side| side.file_name.as_str());
        let version_file = any_file
            .and_then(|f| f.split_once("__"))
            .map_or("", |(v, _)| v)
            .to_owned();
        let (up, down) = match (ups.pop(), downs.pop()) {
            (Some(up), Some(down)) => (up, down),
            (Some(up), None) => {
                let message = format!(
                    "{} has no down file {version_file}__{}.down.sql",
                    up.file_name, up.name
                );
                return Err(sequence_error(message, &up.path));
            }
            (None, Some(down)) => {
                let message = format!(
                    "{} has no up file {version_file}__{}.sql",
                    down.file_name, down.name
                );
                return Err(sequence_error(message, &down.path));
            }
            (None, None) => unreachable!("a version is recorded with its first file"),
        };
        if up.name != down.name {
            let message = format!(
                "{} and {} name version {version} differently",
                up.file_name, down.file_name
            );
            return Err(sequence_error(message, &down.path));
        }
        let expected = migrations.len() as i32 + 1;
        if version != expected {
            let message = match expected {
                1 => format!("migration version 1 is missing: the first version is {version}"),
                _ => format!(
                    "migration version {expected} is missing: the versions jump from {} to {version}",
                    expected - 1
                ),
            };
            return Err(sequence_error(message, &up.path));
        }
        migrations.push(MigrationFiles {
            version,
            name: up.name,
            up: up.path,
            down: down.path,
        });
    }
    Ok(migrations)
}
