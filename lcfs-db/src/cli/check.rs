//! `check`: the live catalog against the snapshot of head. Exit 0 equal, 1 drift, 2 error, so
//! that scripts and monitors can tell a drifted schema from an unreachable one.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use lcfs_db::catalog::{Acknowledged, Drift};

use super::DatabaseArgs;
use super::connect::Missing;
use super::output::{errln, outln};

/// Compare the live catalog with the migrations at head (exit 0 equal, 1 drift, 2 error).
///
/// The expected catalog is the snapshot committed in catalog/head.jsonl and built into this
/// binary, so no scratch database is needed. Only head is known: a database at another version
/// (or with no lcfs-db history) is an error saying what to do, not a drift. Compared: schemas,
/// extensions, enum labels in order, tables, columns, constraints, indexes, sequences, functions
/// (signature, language, volatility, security, body hash), triggers, views and materialized views
/// (columns, and the definition by what it means), comments, the roles that hold grants, and
/// grants. Not compared: the migration history table, and schema alembic_archive, where `adopt`
/// keeps what Alembic left.
///
/// A view definition that prints otherwise than the snapshot's (another PostgreSQL version, a
/// restored database) is printed again by the server from temporary views in a transaction that
/// is rolled back: nothing changes, but it needs a writable server and the TEMPORARY privilege.
/// On a hot standby such definitions cannot be compared, and check says so (exit 2): check the
/// primary.
///
/// Drift is a change to what the migrations define: an object missing or altered, a column,
/// constraint, trigger, unique index or comment added to one of the migrations' tables, a grant
/// that holds less than theirs. Unmanaged additions change none of it and are listed apart, exit
/// 0: an index (not unique) on the migrations' tables, an extension, a role and the access
/// granted to it, and schemas, tables, views, functions, sequences and types of the DBA's own,
/// with their parts.
/// With --strict, additions count as drift unless the --acknowledged file names them.
///
/// Exit status: 0 equal (additions aside), 1 drift, 2 error (including a database not at head
/// and an unreadable acknowledgement file).
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// How to print the result; JSON marks each entry's class: drift, addition, acknowledged.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Count unmanaged additions as drift (exit 1), except those the --acknowledged file names.
    #[arg(long)]
    strict: bool,
    /// A file kept with the deployment naming the additions it keeps, one per line as check
    /// lists them: the kind, a space, the name (`index ix_dba_transfer_create`, `extension
    /// pg_stat_statements`, `grant table transfer to dba_reader`, `materialized view
    /// dba.daily`); blank lines and lines starting with # are skipped. Naming an object covers
    /// its parts (a table's columns, indexes and grants).
    #[arg(long, value_name = "FILE", env = "LCFS_DB_ACKNOWLEDGED")]
    acknowledged: Option<PathBuf>,
    #[command(flatten)]
    database: DatabaseArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

/// Runs the check and exits with its status.
pub async fn check(args: CheckArgs) -> Result<(), String> {
    let outcome = match read_acknowledged(&args) {
        Ok(acknowledged) => match args.database.connect(Missing::Fail).await {
            Ok(client) => lcfs_db::check(&client)
                .await
                .map(|mut drift| {
                    let stale = drift.acknowledge(&acknowledged);
                    (drift, stale)
                })
                .map_err(|e| e.to_string()),
            Err(message) => Err(message),
        },
        Err(message) => Err(message),
    };
    let (code, printed) = match (&outcome, args.format) {
        (Ok((drift, _)), Format::Json) => (exit_code(drift, args.strict), {
            let mut json = drift.to_json();
            json["strict"] = args.strict.into();
            json.to_string()
        }),
        (Ok((drift, stale)), Format::Text) => {
            for entry in stale {
                errln!(
                    "note: the acknowledgement file names {entry}, which is not an addition here"
                );
            }
            (exit_code(drift, args.strict), text(drift, args.strict))
        }
        (Err(message), format) => {
            errln!("error: {message}");
            let json = serde_json::json!({ "error": message }).to_string();
            (
                2,
                if format == Format::Json {
                    json
                } else {
                    String::new()
                },
            )
        }
    };
    if !printed.is_empty() {
        outln!("{}", printed.trim_end());
    }
    std::process::exit(code)
}

fn read_acknowledged(args: &CheckArgs) -> Result<Acknowledged, String> {
    let Some(path) = &args.acknowledged else {
        return Ok(Acknowledged::default());
    };
    let text = std::fs::read_to_string(path).map_err(|e| {
        format!(
            "cannot read the acknowledgement file {}: {e}",
            path.display()
        )
    })?;
    Acknowledged::parse(&text).map_err(|e| {
        format!(
            "the acknowledgement file {}: {e}; nothing was checked",
            path.display()
        )
    })
}

/// 1 for drift, and for additions not acknowledged under `--strict`.
fn exit_code(drift: &Drift, strict: bool) -> i32 {
    i32::from(!drift.is_empty() || strict && !drift.additions.is_empty())
}

fn text(drift: &Drift, strict: bool) -> String {
    let mut text = if drift.is_empty() {
        "the database matches the migrations at head".to_owned()
    } else {
        format!(
            "the database differs from the migrations at head ({} differences):\n{drift}",
            drift.differences.len()
        )
    };
    let listed = drift.additions.len() + drift.acknowledged.len();
    if listed > 0 {
        let counted = match (strict, drift.additions.len()) {
            (true, 0) => "all acknowledged",
            (true, _) => "counted as drift by --strict unless acknowledged",
            (false, _) => "not drift",
        };
        text = format!(
            "{}\nunmanaged additions ({listed}, {counted}), kept, not managed by lcfs-db:\n{}",
            text.trim_end(),
            drift.additions_text()
        );
    }
    text
}
