//! `seed` and `reset`: load a data set in one transaction, so a failure leaves nothing behind.

use std::fs;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use lcfs_db::{Error, Migrator};
use tokio_postgres::Client;

use super::DatabaseArgs;
use super::connect::Missing;
use super::output::{errln, outln};
use super::place::or_project;
use super::plural::plural;
use super::timeouts::Timeouts;
use super::upgrade::{confirm_downgrade, print_report};

#[derive(Debug, Args)]
pub struct SeedArgs {
    /// The data set: a folder of seeds/ whose .sql files run in name order
    #[arg(default_value = "dev")]
    set: SeedSet,
    /// Where the seed sets live (default: the project's `seeds/`)
    #[arg(long, value_name = "DIR", env = "LCFS_DB_SEEDS_DIR")]
    seeds_dir: Option<PathBuf>,
    #[command(flatten)]
    database: DatabaseArgs,
}

#[derive(Debug, Args)]
pub struct ResetArgs {
    /// Do not ask for confirmation (needed without a terminal)
    #[arg(long)]
    yes: bool,
    /// Where the seed sets live (default: the project's `seeds/`)
    #[arg(long, value_name = "DIR", env = "LCFS_DB_SEEDS_DIR")]
    seeds_dir: Option<PathBuf>,
    #[command(flatten)]
    timeouts: Timeouts,
    #[command(flatten)]
    database: DatabaseArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum SeedSet {
    /// seeds/dev: a coherent data set for development, examples and benchmarks
    Dev,
    /// seeds/test: a small fixed set for application tests
    Test,
}

impl SeedSet {
    fn folder(self) -> &'static str {
        match self {
            SeedSet::Dev => "dev",
            SeedSet::Test => "test",
        }
    }
}

pub async fn seed(args: SeedArgs) -> Result<(), String> {
    let mut client = args.database.connect(Missing::Fail).await?;
    let dir = or_project(args.seeds_dir, "seeds");
    load(&mut client, &dir.join(args.set.folder())).await
}

pub async fn reset(args: ResetArgs) -> Result<(), String> {
    let mut client = args.database.connect(Missing::Create).await?;
    let dir = or_project(args.seeds_dir, "seeds");
    if !confirm_downgrade(&client, 0, args.yes).await? {
        return Err("reset cancelled".to_owned());
    }
    let migrator = args.timeouts.apply(Migrator::new());
    let down = migrator
        .downgrade(&client, 0)
        .await
        .map_err(|e| e.to_string())?;
    print_report(&down, "reverted");
    let up = migrator.run(&client).await.map_err(|e| e.to_string())?;
    print_report(&up, "applied");
    load(&mut client, &dir.join(SeedSet::Dev.folder()))
        .await
        .map_err(|e| format!("{e}\nthe database is at head, without seed data"))
}

/// Runs every `*.sql` file of `folder` in name order inside one transaction.
async fn load(client: &mut Client, folder: &Path) -> Result<(), String> {
    let files = sql_files(folder)?;
    let tx = client
        .transaction()
        .await
        .map_err(|e| Error::postgres("starting the seed transaction", e).to_string())?;
    for file in &files {
        let sql =
            fs::read_to_string(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        if let Err(e) = tx.batch_execute(&sql).await {
            let at = format!("{}{}", file.display(), position(&e, &sql));
            let failed = Error::postgres(format!("seeding failed, nothing was loaded: {at}"), e);
            return Err(failed.to_string());
        }
        errln!("  loaded {}", file.display());
    }
    tx.commit()
        .await
        .map_err(|e| Error::postgres("committing the seed data", e).to_string())?;
    outln!(
        "seeded {} ({})",
        folder.display(),
        plural(files.len(), "file")
    );
    Ok(())
}

fn sql_files(folder: &Path) -> Result<Vec<PathBuf>, String> {
    let entries =
        fs::read_dir(folder).map_err(|e| format!("cannot read {}: {e}", folder.display()))?;
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "sql"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("{} has no .sql files", folder.display()));
    }
    Ok(files)
}

/// `:line:col` of the server's error position in `sql`, when it gives one.
fn position(error: &tokio_postgres::Error, sql: &str) -> String {
    use tokio_postgres::error::ErrorPosition;
    let Some(ErrorPosition::Original(offset)) = error.as_db_error().and_then(|db| db.position())
    else {
        return String::new();
    };
    // The server counts characters from 1.
    let before: String = sql.chars().take(*offset as usize - 1).collect();
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    format!(":{line}:{col}")
}
