//! `adopt`: an LCFS database built by Alembic becomes an lcfs-db database in place.
//! (Over 200 lines: the adoption's one transaction, its retries and its report read best together.)
//!
//! It verifies the database is LCFS at Alembic revision [`LCFS_REVISION`] as the reference
//! describes it, then, in one transaction, applies our intentional differences, fixes lagging
//! sequences and records V001–V[`LCFS_VERSION`] in the history. Nobody's access changes: no
//! grant is revoked, and what is dropped and created again gets its owner and grants back. The
//! transaction keeps `upgrade`'s lock discipline: each statement waits at most the lock timeout,
//! a timed-out attempt is rolled back and retried after a backoff, and the last names the
//! sessions in the way. Later versions are then the
//! migrator's: call [`migrate`](crate::migrate()) after [`adopt`] (the command line does, then
//! runs [`check`](crate::check())). No row is lost: leftover tables and `alembic_version` (unless
//! [`AdoptOptions::drop_alembic_version`]) move to [`ARCHIVE_SCHEMA`](crate::catalog::ARCHIVE_SCHEMA).

mod access;
mod collisions;
mod comments;
mod constraints;
mod held;
mod inspect;
mod plan;
mod sequences;
mod statements;
mod verify;

use std::time::{Duration, Instant};

use tokio_postgres::Client;
use tokio_postgres::error::SqlState;

pub use crate::catalog::LCFS_REVISION;
pub use held::LockHold;
pub use plan::Step;
pub use verify::Verification;

use crate::Error;
use crate::catalog::read;
use crate::migrate::{
    DEFAULT_HISTORY_TABLE, MigrationLock, Migrator, Undo, backoff, blocked, identity,
    is_lock_timeout, look_up, set_local, timeouts,
};

/// The last of our versions whose schema LCFS at [`LCFS_REVISION`] equals, differences aside.
pub const LCFS_VERSION: i32 = 15;

/// What `adopt` is asked to do, and its lock discipline: `upgrade`'s, with its defaults.
#[derive(Debug, Clone, Copy)]
pub struct AdoptOptions {
    /// Verify and plan, print, and change nothing.
    pub dry_run: bool,
    /// Drop `alembic_version` instead of keeping it in the archive schema.
    pub drop_alembic_version: bool,
    /// How long each statement waits for a lock (`lock_timeout`) before the attempt is rolled
    /// back; zero waits forever.
    pub lock_timeout: Duration,
    /// How many times an attempt that timed out on a lock is retried, after backoffs of 1, 2,
    /// 4 … s.
    pub lock_retries: u32,
    /// How long each statement may run (`statement_timeout`); zero means no limit.
    pub statement_timeout: Duration,
    /// How long to wait for a migration run on the same database to finish.
    pub advisory_lock_wait: Duration,
}

impl Default for AdoptOptions {
    fn default() -> Self {
        AdoptOptions::default_with(&Migrator::new())
    }
}

impl AdoptOptions {
    /// The defaults, with the timeouts and retries `migrator` runs with (`--lock-timeout` …).
    pub fn default_with(migrator: &Migrator) -> Self {
        AdoptOptions {
            dry_run: false,
            drop_alembic_version: false,
            lock_timeout: migrator.ddl_lock_timeout_value(),
            lock_retries: migrator.lock_retries_value(),
            statement_timeout: migrator.statement_timeout_value(),
            advisory_lock_wait: migrator.lock_wait(),
        }
    }

    /// `BEGIN` and the settings of the adoption's transaction. Names print and resolve in
    /// `public`; the timeouts are `upgrade`'s, so that the application's statements queue
    /// behind a waiting statement of the adoption at most the lock timeout.
    pub fn begin(&self) -> String {
        let mut settings = identity(false);
        settings.extend(timeouts(self.lock_timeout, self.statement_timeout));
        settings.push(("search_path", "public".to_owned()));
        format!("BEGIN; {}", set_local(&settings))
    }
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
    /// How many attempts it took (each one after the first followed a lock timeout).
    pub attempts: u32,
    /// How long the committed transaction held its locks.
    pub locks: LockHold,
    /// The `GRANT`, `REVOKE` and `ALTER DEFAULT PRIVILEGES` statements of the versions the
    /// migrator applies after the adoption, each after its version (`V018: GRANT …`).
    pub later_access: Vec<String>,
}

/// Verifies and converges the database behind `client` (see the module comment). A refusal
/// (an error of kind [`ErrorKind::Refused`](crate::ErrorKind::Refused)) and any failure leave
/// the database as it was; a lock timeout on every attempt is an error of kind
/// [`ErrorKind::Blocked`](crate::ErrorKind::Blocked) naming the sessions in the way. The client
/// must not be inside a transaction.
pub async fn adopt(client: &Client, options: AdoptOptions) -> Result<Adoption, Error> {
    let mut attempt = 1;
    loop {
        let (text, error) = match attempt_once(client, &options).await {
            Ok(mut adoption) => {
                adoption.attempts = attempt;
                return Ok(adoption);
            }
            Err(Stop::Failed(error)) => return Err(error),
            Err(Stop::TimedOut { statement, error }) => (statement, error),
        };
        // The attempt's transaction has ended: the blockers are looked up outside it.
        let lookup = look_up(client, &text, options.lock_timeout)
            .await
            .unwrap_or_default();
        if attempt > options.lock_retries {
            let (done, longer) = (
                "it was rolled back each time, and nothing was changed",
                "or allow a longer wait with --lock-timeout",
            );
            let timeout = options.lock_timeout;
            return Err(match error {
                TimedOut::Statement(error) => {
                    blocked("adopt", timeout, error, attempt, lookup, done, longer)
                }
                TimedOut::Reading(error) => {
                    blocked("adopt", timeout, error, attempt, lookup, done, longer)
                }
            });
        }
        let wait = backoff(attempt);
        let blockers: Vec<String> = lookup.blockers.iter().map(ToString::to_string).collect();
        tracing::info!(
            statement = text.lines().next().unwrap_or_default(),
            attempt,
            retry_in = ?wait,
            wanted = %lookup.wanted.join(", "),
            blockers = %blockers.join("; "),
            "lock timeout: adoption rolled back, retrying"
        );
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}

/// Why an attempt stopped: a lock timeout, which is retried, or anything else.
enum Stop {
    /// `statement` waited too long for a lock; empty when it was one of the queries that read
    /// the database to plan.
    TimedOut {
        statement: String,
        error: TimedOut,
    },
    Failed(Error),
}

enum TimedOut {
    Statement(tokio_postgres::Error),
    Reading(Error),
}

impl From<Error> for Stop {
    fn from(error: Error) -> Self {
        match error.code() == Some(&SqlState::LOCK_NOT_AVAILABLE) {
            true => Stop::TimedOut {
                statement: String::new(),
                error: TimedOut::Reading(error),
            },
            false => Stop::Failed(error),
        }
    }
}

/// One attempt in one transaction, which has ended, committed or rolled back, when it returns.
async fn attempt_once(client: &Client, options: &AdoptOptions) -> Result<Adoption, Stop> {
    // The adoption's transaction holds the migration lock, as a migration's does: no migration
    // runs beside it, and the lock ends with the transaction however it ends.
    MigrationLock::for_table(DEFAULT_HISTORY_TABLE)
        .begin_locked(client, &options.begin(), options.advisory_lock_wait)
        .await?;
    let began = Instant::now();
    let mut undo = Undo::new(client);
    undo.push("ROLLBACK".to_owned());
    let outcome = converge(client, options, began).await;
    let end = match &outcome {
        Ok((adoption, _)) if adoption.committed => "COMMIT",
        _ => "ROLLBACK",
    };
    let ended = client.batch_execute(end).await;
    let ended_at = Instant::now();
    undo.disarm();
    ended.map_err(|e| Error::postgres(format!("{end} of the adoption"), e))?;
    outcome.map(|(mut adoption, held)| {
        if adoption.committed {
            adoption.locks = held.until(ended_at);
        }
        adoption
    })
}

async fn converge(
    client: &Client,
    options: &AdoptOptions,
    began: Instant,
) -> Result<(Adoption, held::Held), Stop> {
    inspect::adoptable(client).await?;
    let found = read(client).await?;
    let verification = verify::verify(&found)?;
    if !verification.drift.is_empty() {
        return Err(inspect::refused(format!(
            "the database differs from LCFS at {LCFS_REVISION} beyond what LCFS's own databases \
             carry; restore the objects below to LCFS's (or remove what was added by hand), \
             then run adopt again. adopt changes nobody's access: a grant listed here holds less \
             than head's, and adopt neither grants nor revokes it for you:\n{}",
            verification.drift
        ))
        .into());
    }
    collisions::refuse_unkeepable(&verification, &found)?;
    let steps = plan::plan(client, &verification, options).await?;
    let mut held = held::Held::new(began);
    let mut adoption = Adoption {
        verification,
        steps,
        committed: false,
        attempts: 1,
        locks: LockHold::default(),
        later_access: statements::later_access(LCFS_VERSION),
    };
    if options.dry_run {
        return Ok((adoption, held));
    }
    for step in &adoption.steps {
        let step_started = Instant::now();
        for statement in &step.statements {
            if let Err(error) = client.batch_execute(statement).await {
                if is_lock_timeout(&error) {
                    let (statement, error) = (statement.clone(), TimedOut::Statement(error));
                    return Err(Stop::TimedOut { statement, error });
                }
                let first = statement.lines().next().unwrap_or_default();
                return Err(Error::postgres(
                    format!("adopt failed at `{first}`; rolled back, nothing was changed"),
                    error,
                )
                .into());
            }
        }
        held.note(client, step_started).await?;
    }
    adoption.committed = true;
    Ok((adoption, held))
}
