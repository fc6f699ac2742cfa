//! `generate`: the next version's up and down files, named from the message.

use std::collections::BTreeMap;
use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;
use heck::ToSnakeCase;

use super::output::{errln, outln};
use super::place::or_project;

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// What the migration does; its snake_case names the files
    #[arg(required = true, num_args = 1..)]
    message: Vec<String>,
    /// Where the migrations live (default: the project's `migrations/`)
    #[arg(long, value_name = "DIR", env = "LCFS_DB_MIGRATIONS_DIR")]
    migrations_dir: Option<PathBuf>,
}

pub fn generate(args: GenerateArgs) -> Result<(), String> {
    let dir = or_project(args.migrations_dir, "migrations");
    write_pair(&dir, &args.message.join(" "))
}

/// Writes the up and down files of the version after the highest in `dir`.
fn write_pair(dir: &Path, message: &str) -> Result<(), String> {
    let slug: String = message
        .to_snake_case()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .take(60)
        .collect();
    let slug = slug.trim_matches('_');
    if slug.is_empty() {
        return Err(format!(
            "{message:?} gives no file name: use letters or digits"
        ));
    }
    let version = highest_version(dir)? + 1;
    let stem = format!("V{version:03}__{slug}");
    let up = format!(
        "-- V{version:03}: {message}\n--\n-- Why this change: say it here. The down file must undo it exactly.\n\n"
    );
    let down = format!("-- V{version:03} down: undoes \"{message}\", in reverse order.\n\n");
    create(&dir.join(format!("{stem}.sql")), &up)?;
    create(&dir.join(format!("{stem}.down.sql")), &down)?;
    outln!("{}", dir.join(format!("{stem}.sql")).display());
    outln!("{}", dir.join(format!("{stem}.down.sql")).display());
    errln!(
        "V{version:03} is empty: write its statements in both files before the next build, \
         which refuses a migration without statements (or delete both files)"
    );
    Ok(())
}

/// The highest version among `V<n>__<name>.sql` files (0 in an empty folder), refusing a folder
/// where two migrations already claim one version: the next number would be ambiguous.
fn highest_version(dir: &Path) -> Result<i32, String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut claimed: BTreeMap<i32, String> = BTreeMap::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".sql") else {
            continue;
        };
        let stem = stem.strip_suffix(".down").unwrap_or(stem);
        let parsed = stem
            .strip_prefix('V')
            .and_then(|rest| rest.split_once("__"));
        let Some(version) = parsed.and_then(|(v, _)| v.parse::<i32>().ok()) else {
            continue;
        };
        if let Some(other) = claimed.get(&version).filter(|other| *other != stem) {
            return Err(format!(
                "version {version} is taken twice in {} ({other} and {stem}): renumber one first",
                dir.display()
            ));
        }
        claimed.insert(version, stem.to_owned());
    }
    Ok(claimed.keys().next_back().copied().unwrap_or(0))
}

/// Never overwrites: a file that exists means two people took the same version.
fn create(path: &Path, text: &str) -> Result<(), String> {
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| {
            format!(
                "cannot create {}: {e} (version already taken?)",
                path.display()
            )
        })?;
    file.write_all(text.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}
