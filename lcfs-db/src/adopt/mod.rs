//! `adopt`: an LCFS database built by Alembic becomes an lcfs-db database in place.
//!
//! It verifies the database is LCFS at Alembic revision [`LCFS_REVISION`] as the reference
//! describes it, then, in one transaction, applies our intentional differences, fixes lagging
//! sequences and records V001–V[`LCFS_VERSION`] in the history. Later versions are then the
//! migrator's: call [`migrate`](crate::migrate()) after [`adopt`] (the command line does, then
//! runs [`check`](crate::check())). No row is lost: leftover tables and `alembic_version` (unless
//! [`AdoptOptions::drop_alembic_version`]) move to [`ARCHIVE_SCHEMA`](crate::catalog::ARCHIVE_SCHEMA).

mod collisions;
mod comments;
mod constraints;
mod inspect;
mod plan;
mod sequences;
mod statements;
mod verify;

use std::time::Duration;

use tokio_postgres::Client;

pub use crate::catalog::LCFS_REVISION;
pub use plan::Step;
pub use verify::Verification;

use crate::Error;
use crate::catalog::read;
use crate::migrate::{DEFAULT_HISTORY_TABLE, MigrationLock, Undo};

/// The last of our versions whose schema LCFS at [`LCFS_REVISION`] equals, differences aside.
pub const LCFS_VERSION: i32 = 15;

/// How long adopt waits for a migration run on the same database to finish.
const LOCK_WAIT: Duration = Duration::from_secs(60);

/// The settings of the adoption's transaction, run right after its `BEGIN`. Names print and
/// resolve in `public`; and a statement waits at most 10 s for a table lock before the whole
/// adoption rolls back, since it runs beside live traffic and a DDL statement queued behind a
/// long reader would stall every writer queued behind it (a rerun starts from the beginning).
pub const TRANSACTION_SETTINGS: &str =
    "SET LOCAL search_path = public; SET LOCAL lock_timeout = '10s'";

/// What `adopt` is asked to do.
#[derive(Debug, Clone, Copy, Default)]
pub struct AdoptOptions {
    /// Verify and plan, print, and change nothing.
    pub dry_run: bool,
    /// Drop `alembic_version` instead of keeping it in the archive schema.
    pub drop_alembic_version: bool,
}

/// What an adoption found and ran.
#[derive(Debug, Clone)]
pub struct Adoption {
    /// The verification against the LCFS reference.
    pub verification: Verification,
    /// The SQL, in order, run in one transaction (or, for a dry run, not run).
    pub steps: Vec<Step>,
    /// Whether the transaction committed (false for a dry run).
    pub committed: bool,
}

/// Verifies and converges the database behind `client` (see the module comment). A refusal
/// (an error of kind [`ErrorKind::Refused`](crate::ErrorKind::Refused)) and any failure leave
/// the database as it was. The client must not be inside a transaction.
pub async fn adopt(client: &Client, options: AdoptOptions) -> Result<Adoption, Error> {
    // The adoption's transaction holds the migration lock, as a migration's does: no migration
    // runs beside it, and the lock ends with the transaction however it ends.
    MigrationLock::for_table(DEFAULT_HISTORY_TABLE)
        .begin_locked(
            client,
            &format!("BEGIN; {TRANSACTION_SETTINGS}; "),
            LOCK_WAIT,
        )
        .await?;
    let mut undo = Undo::new(client);
    undo.push("ROLLBACK".to_owned());
    let outcome = converge(client, options).await;
    let end = match &outcome {
        Ok(adoption) if adoption.committed => "COMMIT",
        _ => "ROLLBACK",
    };
    let ended = client.batch_execute(end).await;
    undo.disarm();
    ended.map_err(|e| Error::postgres(format!("{end} of the adoption"), e))?;
    outcome
}

async fn converge(client: &Client, options: AdoptOptions) -> Result<Adoption, Error> {
    inspect::adoptable(client).await?;
    let found = read(client).await?;
    let verification = verify::verify(&found)?;
    if !verification.drift.is_empty() {
        return Err(inspect::refused(format!(
            "the database differs from LCFS at {LCFS_REVISION} beyond what LCFS's own databases \
             carry; restore the objects below to LCFS's (or remove what was added by hand), \
             then run adopt again:\n{}",
            verification.drift
        )));
    }
    collisions::refuse_unkeepable(&verification, &found)?;
    let steps = plan::plan(client, &verification, &options).await?;
    if options.dry_run {
        return Ok(Adoption {
            verification,
            steps,
            committed: false,
        });
    }
    for statement in steps.iter().flat_map(|step| &step.statements) {
        client.batch_execute(statement).await.map_err(|e| {
            let first = statement.lines().next().unwrap_or_default();
            Error::postgres(
                format!("adopt failed at `{first}`; rolled back, nothing was changed"),
                e,
            )
        })?;
    }
    Ok(Adoption {
        verification,
        steps,
        committed: true,
    })
}
