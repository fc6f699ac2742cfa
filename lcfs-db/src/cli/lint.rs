//! `lint`: the build's migration checks on SQL files outside the build, after the embedded
//! migrations; with no file, the checkout's migrations above the embedded head.

use std::path::{Path, PathBuf};

use clap::Args;
use lcfs_db::lint::{self, Checked};

use super::output::{err, outln};
use super::place::or_project;

#[derive(Debug, Args)]
pub struct LintArgs {
    /// Up files to check after the built-in migrations (default: those in the migrations folder
    /// above the built-in head)
    files: Vec<PathBuf>,
    /// List the rules, each with why it matters and the safe way
    #[arg(long)]
    rules: bool,
    /// Where the migrations live (default: the project's `migrations/`)
    #[arg(long, value_name = "DIR", env = "LCFS_DB_MIGRATIONS_DIR")]
    migrations_dir: Option<PathBuf>,
}

pub fn lint(args: LintArgs) -> Result<(), String> {
    let LintArgs {
        files,
        rules,
        migrations_dir,
    } = args;
    let migrations_dir = &or_project(migrations_dir, "migrations");
    if rules {
        print_rules();
        return Ok(());
    }
    let files = if files.is_empty() {
        unbuilt(migrations_dir)?
    } else {
        files
    };
    if files.is_empty() {
        outln!(
            "no migration above V{:03} in {}: name the files to lint",
            lcfs_db::Migrator::new().head(),
            migrations_dir.display()
        );
        return Ok(());
    }
    let mut sources = Vec::with_capacity(files.len());
    for path in &files {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        sources.push((path.display().to_string(), text));
    }
    match lint::check(&sources) {
        Ok(checked) => {
            checked.iter().for_each(print_checked);
            Ok(())
        }
        Err(error) => {
            err!("{error}");
            Err(format!("{} does not pass the migration checks", error.file))
        }
    }
}

fn print_checked(checked: &Checked) {
    outln!("{}: {} ({})", checked.file, checked.class, checked.reason);
    for (rule, reason, line) in &checked.accepted {
        outln!("  accepts {rule} at line {line}: {reason}");
    }
}

/// The up files in `dir` whose version is above the embedded head, in version order.
fn unbuilt(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let head = lcfs_db::Migrator::new().head();
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut found: Vec<(i32, PathBuf)> = entries
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let version = name
                .strip_suffix(".sql")
                .filter(|n| !n.ends_with(".down"))?;
            let version: i32 = version
                .strip_prefix('V')?
                .split_once("__")?
                .0
                .parse()
                .ok()?;
            (version > head).then(|| (version, entry.path()))
        })
        .collect();
    found.sort();
    Ok(found.into_iter().map(|(_, path)| path).collect())
}

fn print_rules() {
    for rule in lint::rules() {
        outln!("{}\n  {}\n\n  why: {}\n", rule.name, rule.summary, rule.why);
        outln!("  flagged:\n{}", indent(rule.example));
        outln!("  safe:\n{}", indent(rule.safe));
    }
}

fn indent(sql: &str) -> String {
    sql.lines().map(|line| format!("    {line}\n")).collect()
}
