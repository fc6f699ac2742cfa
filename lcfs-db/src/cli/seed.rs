//! `seed` and `reset`: load a data set in one transaction, so a failure leaves nothing behind.

use std::fs;
use std::path::{Path, PathBuf};

use lcfs_db::Migrator;
use tokio_postgres::Client;

use super::SeedSet;
use super::connect::{Missing, connect, describe};
use super::timeouts::Timeouts;
use super::upgrade::{confirm_downgrade, print_report};

pub async fn seed(url: Option<&str>, set: SeedSet, dir: &Path) -> Result<(), String> {
    let mut client = connect(url, Missing::Fail).await?;
    load(&mut client, &dir.join(set.folder())).await
}

pub async fn reset(
    url: Option<&str>,
    yes: bool,
    dir: &Path,
    timeouts: &Timeouts,
) -> Result<(), String> {
    let mut client = connect(url, Missing::Create).await?;
    if !confirm_downgrade(&client, 0, yes).await? {
        return Err("reset cancelled".to_owned());
    }
    let migrator = timeouts.apply(Migrator::new());
    let down = migrator
        .downgrade(&client, 0)
        .await
        .map_err(|e| e.to_string())?;
    print_report(&down, "reverted");
    let up = migrator.run(&client).await.map_err(|e| e.to_string())?;
    print_report(&up, "applied");
    load(&mut client, &dir.join("dev"))
        .await
        .map_err(|e| format!("{e}\nthe database is at head, without seed data"))
}

/// Runs every `*.sql` file of `folder` in name order inside one transaction.
async fn load(client: &mut Client, folder: &Path) -> Result<(), String> {
    let files = sql_files(folder)?;
    let tx = client.transaction().await.map_err(|e| e.to_string())?;
    for file in &files {
        let sql =
            fs::read_to_string(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        if let Err(e) = tx.batch_execute(&sql).await {
            return Err(format!(
                "seeding failed, nothing was loaded: {}{}: {}",
                file.display(),
                position(&e, &sql),
                describe(&e)
            ));
        }
        eprintln!("  loaded {}", file.display());
    }
    tx.commit().await.map_err(|e| e.to_string())?;
    println!("seeded {} ({} files)", folder.display(), files.len());
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
