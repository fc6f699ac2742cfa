//! `status` and `history`: where the database stands, read-only; either fails, in `upgrade`'s
//! words, on a history that `upgrade` would refuse.

use lcfs_db::Migrator;
use lcfs_db::{Class, Status, VersionState};
use tokio_postgres::Client;

use super::DatabaseArgs;
use super::connect::Missing;
use super::output::outln;

pub async fn status(database: DatabaseArgs) -> Result<(), String> {
    let (client, status) = load(&database).await?;
    outln!("current version: {}", status.current);
    outln!("head:            {}", status.head);
    let pending: Vec<String> = status
        .pending()
        .map(|v| format!("V{:03}", v.version))
        .collect();
    outln!(
        "pending:         {}",
        if pending.is_empty() {
            "none".to_owned()
        } else {
            pending.join(" ")
        }
    );
    let mut healthy = true;
    for v in &status.versions {
        match &v.state {
            VersionState::Divergent { .. } => {
                healthy = false;
                outln!(
                    "divergent:       V{:03} {} (edited after it was applied)",
                    v.version,
                    v.name
                );
            }
            VersionState::Missing { .. }
                if v.version > status.head && v.class == Some(Class::Expand) =>
            {
                outln!(
                    "ahead:           V{:03} {} (expand, applied by a newer build: this binary keeps working)",
                    v.version,
                    v.name
                );
            }
            VersionState::Missing { .. } => {
                healthy = false;
                let class = v
                    .class
                    .map_or("class unknown".to_owned(), |c| c.to_string());
                outln!(
                    "missing:         V{:03} {} (applied, unknown to this binary; {class})",
                    v.version,
                    v.name
                );
            }
            _ => {}
        }
    }
    refused_as_upgrade_refuses(&client).await?;
    if healthy {
        Ok(())
    } else {
        Err("the applied history does not match the migrations".to_owned())
    }
}

pub async fn history(database: DatabaseArgs) -> Result<(), String> {
    let (client, status) = load(&database).await?;
    let migrations = lcfs_db::migrations();
    outln!(
        "{:<8} {:<45} {:<34} {:<9} checksum",
        "version",
        "name",
        "applied on",
        "class"
    );
    for v in &status.versions {
        let (applied, checksum) = match &v.state {
            VersionState::Applied { applied_on } => (applied_on.as_str(), "ok"),
            VersionState::Pending => ("-", "pending"),
            VersionState::Divergent { applied_on, .. } => (applied_on.as_str(), "DIVERGENT"),
            VersionState::Missing { applied_on } => (applied_on.as_str(), "MISSING"),
        };
        let class = v.class.map_or("-", Class::as_str);
        outln!(
            "V{:03}     {:<45} {applied:<34} {class:<9} {checksum}",
            v.version,
            v.name
        );
        if let Some(migration) = migrations.iter().find(|m| m.version() == v.version) {
            for accepted in migration.accepted() {
                outln!(
                    "         accepts {} at line {}: {}",
                    accepted.rule(),
                    accepted.line(),
                    accepted.reason()
                );
            }
        }
    }
    refused_as_upgrade_refuses(&client).await
}

/// The error, in `upgrade`'s words, when `upgrade` would refuse the history shown.
async fn refused_as_upgrade_refuses(client: &Client) -> Result<(), String> {
    match Migrator::new().verify_history(client).await {
        Ok(_) => Ok(()),
        Err(error) => Err(error.to_string()),
    }
}

async fn load(database: &DatabaseArgs) -> Result<(Client, Status), String> {
    let client = database.connect(Missing::Fail).await?;
    let status = Migrator::new()
        .status(&client)
        .await
        .map_err(|e| e.to_string())?;
    Ok((client, status))
}
