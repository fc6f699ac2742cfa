//! `upgrade` and `downgrade`: move the database between versions, asking before data goes.

use clap::Args;
use lcfs_db::{MigrationReport, Migrator, Plan};
use tokio_postgres::Client;

use super::confirm::confirm;
use super::connect::Missing;
use super::output::{errln, outln};
use super::plural::plural;
use super::timeouts::Timeouts;
use super::{DatabaseArgs, Revision};

#[derive(Debug, Args)]
pub struct UpgradeArgs {
    /// The version to upgrade to: a number (14), V014, head or base [default: head]
    #[arg(value_name = "REVISION")]
    revision: Option<Revision>,
    /// Refuse a database that has any version this binary does not know, even one a newer
    /// build recorded as an expand migration (which is otherwise tolerated and reported)
    #[arg(
        long,
        env = "LCFS_DB_STRICT_HISTORY",
        value_parser = clap::builder::FalseyValueParser::new()
    )]
    strict_history: bool,
    #[command(flatten)]
    timeouts: Timeouts,
    #[command(flatten)]
    database: DatabaseArgs,
}

#[derive(Debug, Args)]
pub struct DowngradeArgs {
    /// The version to downgrade to: a number (12), V012, head or base (an empty schema)
    /// [default: base]
    #[arg(value_name = "REVISION")]
    revision: Option<Revision>,
    /// Do not ask for confirmation (needed without a terminal)
    #[arg(long)]
    yes: bool,
    #[command(flatten)]
    timeouts: Timeouts,
    #[command(flatten)]
    database: DatabaseArgs,
}

pub async fn upgrade(args: UpgradeArgs) -> Result<(), String> {
    let client = args.database.connect(Missing::Create).await?;
    let migrator = args
        .timeouts
        .apply(Migrator::new())
        .strict_history(args.strict_history);
    let target = args
        .revision
        .unwrap_or(Revision::Head)
        .resolve(migrator.head());
    let migrator = migrator.target(target);
    // Checked as the run checks (a standby, the history as a whole) before a plan is shown.
    let plan = migrator
        .preview_upgrade(&client)
        .await
        .map_err(|e| e.to_string())?;
    if !plan.is_empty() {
        errln!(
            "upgrading from version {} to {} ({})",
            plan.from(),
            plan.to(),
            plural(plan.migrations().len(), "migration")
        );
    }
    let report = migrator.run(&client).await.map_err(|e| e.to_string())?;
    print_report(&report, "applied");
    Ok(())
}

pub async fn downgrade(args: DowngradeArgs) -> Result<(), String> {
    let client = args.database.connect(Missing::Fail).await?;
    let target = args
        .revision
        .unwrap_or(Revision::Base)
        .resolve(Migrator::new().head());
    if !confirm_downgrade(&client, target, args.yes).await? {
        return Err("downgrade cancelled".to_owned());
    }
    let report = args
        .timeouts
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
    let plan = migrator
        .preview_downgrade(client, target)
        .await
        .map_err(|e| e.to_string())?;
    if plan.is_empty() {
        return Ok(true);
    }
    errln!(
        "downgrade from version {} to {} reverts:",
        plan.from(),
        plan.to()
    );
    let losing = tables_holding_rows(client, &plan).await;
    if !losing.is_empty() {
        errln!(
            "tables holding rows that will be dropped: {}",
            losing.join(", ")
        );
    }
    confirm("Proceed with the downgrade?", yes)
}

/// Lists the plan's versions on stderr; the tables their down files drop (in any schema) that
/// hold rows, with their counts.
async fn tables_holding_rows(client: &Client, plan: &Plan<'_>) -> Vec<String> {
    let mut losing = Vec::new();
    for migration in plan.migrations() {
        errln!("  V{:03} {}", migration.version(), migration.name());
        for table in migration.dropped_tables() {
            let rows = row_count(client, &table).await;
            if rows > 0 {
                losing.push(format!("{table} ({})", plural(rows as usize, "row")));
            }
        }
    }
    losing
}

/// `table` as the down file names it, resolved as the downgrade will resolve it.
async fn row_count(client: &Client, table: &str) -> i64 {
    let sql = format!("SELECT count(*) FROM {table}");
    // A table the database lacks (a partial schema) holds nothing to lose.
    match client.query_one(&sql, &[]).await {
        Ok(row) => row.get(0),
        Err(_) => 0,
    }
}

pub fn print_report(report: &MigrationReport, verb: &str) {
    outln!(
        "version {} → {} ({} {verb})",
        report.version_before(),
        report.version_after(),
        plural(report.applied().len(), "migration")
    );
    for ahead in report.ahead() {
        outln!(
            "ahead of this binary: V{:03} {} (expand, applied on {}): compatible",
            ahead.version,
            ahead.name,
            ahead.applied_on
        );
    }
}
