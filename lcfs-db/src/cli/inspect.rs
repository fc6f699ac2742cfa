//! `status` and `history`: where the database stands, read-only.

use lcfs_db::Migrator;
use lcfs_db::migrate::{Status, VersionState};

use super::connect::{Missing, connect};
use super::output::outln;

pub async fn status(url: Option<&str>) -> Result<(), String> {
    let status = load(url).await?;
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
            VersionState::Missing { .. } => {
                healthy = false;
                outln!(
                    "missing:         V{:03} {} (applied, unknown to this binary)",
                    v.version,
                    v.name
                );
            }
            _ => {}
        }
    }
    if healthy {
        Ok(())
    } else {
        Err("the applied history does not match the migrations".to_owned())
    }
}

pub async fn history(url: Option<&str>) -> Result<(), String> {
    let status = load(url).await?;
    outln!(
        "{:<8} {:<45} {:<34} checksum",
        "version",
        "name",
        "applied on"
    );
    for v in &status.versions {
        let (applied, checksum) = match &v.state {
            VersionState::Applied { applied_on } => (applied_on.as_str(), "ok"),
            VersionState::Pending => ("-", "pending"),
            VersionState::Divergent { applied_on, .. } => (applied_on.as_str(), "DIVERGENT"),
            VersionState::Missing { applied_on } => (applied_on.as_str(), "MISSING"),
        };
        outln!(
            "V{:03}     {:<45} {applied:<34} {checksum}",
            v.version,
            v.name
        );
    }
    Ok(())
}

async fn load(url: Option<&str>) -> Result<Status, String> {
    let client = connect(url, Missing::Fail).await?;
    Migrator::new()
        .status(&client)
        .await
        .map_err(|e| e.to_string())
}
