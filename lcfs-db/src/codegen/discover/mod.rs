//! Finding the migrations: `V<version>__<name>.sql` up files, each paired with a
//! `V<version>__<name>.down.sql` down file, versions 1, 2, 3, … without gaps.

use std::collections::BTreeMap;
use std::path::Path;

mod pair;

use super::error::{BuildError, ErrorKind};
use super::source::Location;

/// The override list, the one non-migration file the build reads from `migrations/`.
pub const RUST_NAMES: &str = "rust_names.toml";

/// One version's pair of files, paths relative to the crate root.
pub struct MigrationFiles {
    pub version: i32,
    pub name: String,
    pub up: String,
    pub down: String,
}

/// One side of a version, while pairing.
struct Side {
    name: String,
    file_name: String,
    path: String,
}

#[derive(Default)]
struct Version {
    ups: Vec<Side>,
    downs: Vec<Side>,
}

/// The migrations under `root/dir`, in version order.
pub fn discover(root: &Path, dir: &str) -> Result<Vec<MigrationFiles>, BuildError> {
    let io_error = |err: std::io::Error| {
        BuildError::new(ErrorKind::Io, format!("cannot list {dir}: {err}")).at(Location::file(dir))
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(root.join(dir)).map_err(io_error)? {
        let entry = entry.map_err(io_error)?;
        let file_name = entry.file_name().to_string_lossy().into_owned();
        files.push((file_name, entry.file_type().map_err(io_error)?.is_dir()));
    }
    files.sort();
    let mut versions: BTreeMap<i32, Version> = BTreeMap::new();
    for (file_name, is_dir) in files {
        let path = format!("{dir}/{file_name}");
        let unexpected = |what: &str| {
            BuildError::new(
                ErrorKind::FileName,
                format!("{what} `{file_name}` in {dir}/"),
            )
            .at(Location::file(&path))
        };
        if is_dir {
            return Err(unexpected("unexpected directory"));
        }
        if file_name == RUST_NAMES || file_name.starts_with("README") {
            continue;
        }
        if !file_name.ends_with(".sql") {
            return Err(unexpected("unexpected file"));
        }
        let Some((version, name, down)) = parse_file_name(&file_name) else {
            return Err(unexpected("malformed migration file name"));
        };
        let slot = versions.entry(version).or_default();
        let side = Side {
            name,
            file_name,
            path,
        };
        if down {
            slot.downs.push(side)
        } else {
            slot.ups.push(side)
        }
    }
    pair::pair(versions)
}

/// `V001__organizations.sql` → (1, "organizations", false); `.down.sql` → true.
fn parse_file_name(file_name: &str) -> Option<(i32, String, bool)> {
    let (stem, down) = match file_name.strip_suffix(".down.sql") {
        Some(stem) => (stem, true),
        None => (file_name.strip_suffix(".sql")?, false),
    };
    let (version, name) = stem.strip_prefix('V')?.split_once("__")?;
    let digits_only = !version.is_empty() && version.bytes().all(|b| b.is_ascii_digit());
    let version: i32 = version.parse().ok().filter(|v| digits_only && *v > 0)?;
    let snake = name.starts_with(|c: char| c.is_ascii_lowercase())
        && name.split('_').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        });
    snake.then(|| (version, name.to_owned(), down))
}
