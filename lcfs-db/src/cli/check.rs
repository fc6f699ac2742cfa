//! `check`: the live catalog against the snapshot of head. Exit 0 equal, 1 drift, 2 error, so
//! that scripts and monitors can tell a drifted schema from an unreachable one.

use clap::{Args, ValueEnum};

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
/// Exit status: 0 equal, 1 drift, 2 error (including a database not at head).
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// How to print the result.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
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
    let outcome = match args.database.connect(Missing::Fail).await {
        Ok(client) => lcfs_db::check(&client).await.map_err(|e| e.to_string()),
        Err(message) => Err(message),
    };
    let (code, printed) = match (&outcome, args.format) {
        (Ok(drift), Format::Json) => (i32::from(!drift.is_empty()), drift.to_json().to_string()),
        (Ok(drift), Format::Text) if drift.is_empty() => {
            (0, "the database matches the migrations at head".to_owned())
        }
        (Ok(drift), Format::Text) => (
            1,
            format!(
                "the database differs from the migrations at head ({} differences):\n{drift}",
                drift.differences.len()
            ),
        ),
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
