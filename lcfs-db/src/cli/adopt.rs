//! `adopt`: prints the verification, the exact SQL of a dry run, or what the adoption did, then
//! applies later versions with the migrator and checks the result.

use clap::Args;
use lcfs_db::Migrator;
use lcfs_db::adopt::{AdoptOptions, Adoption, LCFS_REVISION, LCFS_VERSION, LockHold};
use lcfs_db::catalog::ARCHIVE_SCHEMA;

use super::DatabaseArgs;
use super::connect::Missing;
use super::output::outln;
use super::timeouts::Timeouts;
use super::upgrade::print_report;

/// Take over an LCFS database built by Alembic: verify it, converge it, record the history.
///
/// The database must be LCFS at Alembic revision b8f9c0d1e2a3 as the LCFS reference describes
/// it. Tolerated: alembic_version, leftover charging_equipment_snapshot_* tables, LCFS's
/// comments, audit_log rows, sequences behind their table's highest id (moved past it), and
/// the grants and default privileges a first LCFS database on its server gives
/// basic_lcfs_reporting_role (kept: adopt revokes nothing). In one transaction, adopt then moves
/// alembic_version and the leftover tables, rows, grants and all, to schema alembic_archive
/// (outside what `check` compares; move alembic_version back to public to return to Alembic),
/// replaces functions and views with ours, gives the materialized views it creates again their
/// owner and grants, adds what docs/differences.md lists, sets our comments and records
/// V001–V015 in the history. Later versions are then applied by the migrator, and the result is
/// checked. The transaction keeps upgrade's lock discipline (--lock-timeout, --lock-retries,
/// --statement-timeout); the summary says how long it held its locks. Refused, with nothing
/// changed: another Alembic revision, a database that differs from the reference (the
/// differences are listed), an addition with the name of an object a later version creates, or
/// an index on a materialized view (adopt creates those again), one lcfs-db already manages, and
/// an empty one. What a DBA added that changes nothing LCFS defines (an index, not unique, on its
/// tables; extensions; roles and the access granted to them; schemas, tables, views, functions
/// and types of their own) is kept untouched and listed as `kept, not managed by lcfs-db`.
#[derive(Debug, Args)]
pub struct AdoptArgs {
    /// Print the verification and the exact SQL; change nothing.
    #[arg(long)]
    dry_run: bool,
    /// Drop alembic_version instead of keeping it in schema alembic_archive.
    #[arg(long)]
    drop_alembic_version: bool,
    #[command(flatten)]
    timeouts: Timeouts,
    #[command(flatten)]
    database: DatabaseArgs,
}

/// Runs the adoption as the arguments say.
pub async fn adopt(args: AdoptArgs) -> Result<(), String> {
    let client = args.database.connect(Missing::Fail).await?;
    let migrator = args.timeouts.apply(Migrator::new());
    let options = AdoptOptions {
        dry_run: args.dry_run,
        drop_alembic_version: args.drop_alembic_version,
        ..AdoptOptions::default_with(&migrator)
    };
    let adoption = lcfs_db::adopt(&client, options)
        .await
        .map_err(|e| e.to_string())?;
    // A dry run prints a script: the verification as its leading comments.
    print_verification(
        &adoption,
        args.drop_alembic_version,
        if adoption.committed { "" } else { "-- " },
    );
    if !adoption.committed {
        print_sql(&adoption, &options);
        return Ok(());
    }
    let statements: usize = adoption.steps.iter().map(|s| s.statements.len()).sum();
    outln!(
        "adopted: {statements} statements in one transaction, committed{}; V001–V{LCFS_VERSION:03} recorded",
        match adoption.attempts {
            1 => String::new(),
            n => format!(
                " on attempt {n} (the earlier ones timed out on a lock and were rolled back)"
            ),
        }
    );
    outln!("{}", held_summary(&adoption.locks));
    if args.drop_alembic_version {
        outln!("alembic_version dropped, as asked");
    } else {
        outln!(
            "alembic_version kept as {ARCHIVE_SCHEMA}.alembic_version (the way back to Alembic: \
             ALTER TABLE {ARCHIVE_SCHEMA}.alembic_version SET SCHEMA public)"
        );
    }
    let report = migrator.run(&client).await.map_err(|e| e.to_string())?;
    print_report(&report, "applied");
    let drift = lcfs_db::check(&client).await.map_err(|e| e.to_string())?;
    if !drift.is_empty() {
        return Err(format!(
            "after the adoption, check finds differences:\n{drift}"
        ));
    }
    outln!("check: the database matches the migrations at head");
    if !drift.additions.is_empty() {
        outln!(
            "check: {} unmanaged additions kept beside it, not drift",
            drift.additions.len()
        );
    }
    Ok(())
}

fn print_verification(adoption: &Adoption, drop_alembic_version: bool, prefix: &str) {
    let v = &adoption.verification;
    let kept: Vec<&str> = v
        .leftover_tables
        .iter()
        .map(String::as_str)
        .filter(|table| !(drop_alembic_version && *table == "alembic_version"))
        .collect();
    outln!(
        "{prefix}verified: LCFS at Alembic revision {LCFS_REVISION}, {} reference objects matched",
        v.matched
    );
    if !kept.is_empty() {
        outln!(
            "{prefix}tolerated: {} (kept in schema {ARCHIVE_SCHEMA})",
            kept.join(", ")
        );
    }
    if !v.drift.additions.is_empty() {
        let kept: Vec<String> = (v.drift.additions.iter())
            .map(|d| format!("{} {}", d.kind, d.name))
            .collect();
        outln!(
            "{prefix}kept, not managed by lcfs-db: {} (`lcfs-db check` lists them apart from drift)",
            kept.join(", ")
        );
    }
    if v.comments > 0 {
        outln!(
            "{prefix}tolerated: {} comments (LCFS's words; replaced by ours)",
            v.comments
        );
    }
    if !v.kept_grants.is_empty() {
        outln!(
            "{prefix}tolerated: {} grants a first LCFS database on its server gives \
             basic_lcfs_reporting_role (kept, as head has them; nothing is revoked)",
            v.kept_grants.len()
        );
    }
}

/// How long the adoption's locks were held, for the operator weighing it against the
/// application's timeouts.
fn held_summary(locks: &LockHold) -> String {
    let seconds = |d: std::time::Duration| format!("{:.2} s", d.as_secs_f64());
    let longest = match &locks.longest {
        Some((table, mode, held)) => format!(
            "; the longest lock against the application's writes: {} ({mode} on {table}; a \
             materialized view's holds up the writes its refresh triggers watch)",
            seconds(*held)
        ),
        None => "; no lock against the application's writes".to_owned(),
    };
    format!(
        "locks held {} (the transaction, until COMMIT){longest}",
        seconds(locks.transaction)
    )
}

fn print_sql(adoption: &Adoption, options: &AdoptOptions) {
    outln!("-- dry run: nothing was changed; the adoption runs this, in one transaction:");
    outln!("{}", options.begin().trim_end());
    for step in &adoption.steps {
        outln!("\n-- {}", step.why);
        for statement in &step.statements {
            let statement = statement.trim_end_matches(';');
            outln!("{statement};");
        }
    }
    outln!("COMMIT;");
    let head = Migrator::new().head();
    if head > LCFS_VERSION {
        outln!(
            "-- then the migrator applies V{:03}–V{head:03}, whose grants and revokes are:",
            LCFS_VERSION + 1
        );
        for statement in &adoption.later_access {
            outln!("--   {statement}");
        }
    }
}
