//! `upgrade` and `downgrade`: move the database between versions, asking before data goes.

use lcfs_db::{MigrationReport, Migrator};
use tokio_postgres::Client;

use super::Revision;
use super::confirm::confirm;
use super::connect::{Missing, connect};
use super::timeouts::Timeouts;

pub async fn upgrade(
    url: Option<&str>,
    revision: Option<Revision>,
    timeouts: &Timeouts,
) -> Result<(), String> {
    let client = connect(url, Missing::Create).await?;
    let migrator = timeouts.apply(Migrator::new());
    let target = revision.unwrap_or(Revision::Head).resolve(migrator.head());
    // The history is checked as a whole before any plan is made from it.
    let current = migrator
        .verify(&client)
        .await
        .map_err(|e| e.to_string())?
        .current;
    let plan = migrator
        .upgrade_plan(current, Some(target))
        .map_err(|e| e.to_string())?;
    if !plan.is_empty() {
        eprintln!(
            "upgrading from version {current} to {target} ({} migrations)",
            plan.migrations().len()
        );
    }
    let report = migrator
        .target(target)
        .run(&client)
        .await
        .map_err(|e| e.to_string())?;
    print_report(&report, "applied");
    Ok(())
}

pub async fn downgrade(
    url: Option<&str>,
    revision: Option<Revision>,
    yes: bool,
    timeouts: &Timeouts,
) -> Result<(), String> {
    let client = connect(url, Missing::Fail).await?;
    let target = revision
        .unwrap_or(Revision::Base)
        .resolve(Migrator::new().head());
    if !confirm_downgrade(&client, target, yes).await? {
        return Err("downgrade cancelled".to_owned());
    }
    let report = timeouts
        .apply(Migrator::new())
        .downgrade(&client, target)
        .await
        .map_err(|e| e.to_string())?;
    print_report(&report, "reverted");
    Ok(())
}

/// Prints what a downgrade to `target` would revert and drop, and asks unless `yes`; refuses
/// first, without asking, what the run itself would refuse (a standby, a history that does not
/// match).
pub async fn confirm_downgrade(client: &Client, target: i32, yes: bool) -> Result<bool, String> {
    let migrator = Migrator::new();
    let current = migrator
        .verify(client)
        .await
        .map_err(|e| e.to_string())?
        .current;
    let plan = migrator
        .downgrade_plan(current, target)
        .map_err(|e| e.to_string())?;
    if plan.is_empty() {
        return Ok(true);
    }
    eprintln!("downgrade from version {current} to {target} reverts:");
    let mut losing = Vec::new();
    for migration in plan.migrations() {
        eprintln!("  V{:03} {}", migration.version(), migration.name());
        for table in lcfs_db::schema::schema()
            .tables
            .iter()
            .filter(|t| t.domain == migration.name())
        {
            let rows = row_count(client, table.name).await;
            if rows > 0 {
                losing.push(format!("{} ({rows} rows)", table.name));
            }
        }
    }
    if !losing.is_empty() {
        eprintln!(
            "tables holding rows that will be dropped: {}",
            losing.join(", ")
        );
    }
    confirm("Proceed with the downgrade?", yes)
}

async fn row_count(client: &Client, table: &str) -> i64 {
    let sql = format!("SELECT count(*) FROM \"{}\"", table.replace('"', "\"\""));
    // A table the database lacks (a partial schema) holds nothing to lose.
    match client.query_one(&sql, &[]).await {
        Ok(row) => row.get(0),
        Err(_) => 0,
    }
}

pub fn print_report(report: &MigrationReport, verb: &str) {
    println!(
        "version {} → {} ({} migrations {verb})",
        report.version_before(),
        report.version_after(),
        report.applied().len()
    );
}
