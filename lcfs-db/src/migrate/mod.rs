//! Bringing a database to a version: the embedded migration set and the runner that applies it.
//! Private: its public items are re-exported at the crate root, beside [`migrate()`].
//!
//! The migration lock and poolers: each migration's transaction takes the lock, so it ends with
//! the transaction whatever a pooler does (`lock.rs`). A no-transaction migration must hold it
//! for its server session: it takes it and marks the session in one statement (`pinned.rs`);
//! moved by a transaction-mode pooler, the run is refused and puts the lock, its timeouts and
//! the mark back in one statement, sent until the marked session answers, and ends that session
//! as a last resort (`stranded.rs`): no session keeps the lock after the run. A waiter that finds
//! the lock held by a session idle outside any transaction names it at once (`lock.rs`). The
//! first run decides under the lock whether objects without a history table are another tool's
//! (`unmanaged.rs`), so concurrent first runs never take each other's objects for foreign ones.

mod alone;
mod apply;
mod blockers;
mod check;
mod class;
mod class_column;
mod collisions;
mod compat;
mod concurrent_index;
mod defaults;
mod dropped;
mod embedded;
mod failure;
mod history;
mod locate;
mod lock;
mod migrator;
mod pinned;
mod pipeline;
mod plan;
mod preflight;
mod preview;
mod progress;
mod recheck;
mod report;
mod run;
mod server_role;
mod session;
mod settings;
mod split;
mod statements;
mod status;
mod stranded;
mod transaction;
mod undo;
mod unmanaged;
mod up_front;

pub use crate::timeouts::{format_duration, parse_duration, parse_lock_retries};
pub use blockers::Blocker;
pub use class::{Accepted, Class};
pub use compat::AheadMigration;
#[allow(deprecated)]
pub use defaults::DEFAULT_LOCK_TIMEOUT;
pub use defaults::{
    DEFAULT_ADVISORY_LOCK_WAIT, DEFAULT_DDL_LOCK_TIMEOUT, DEFAULT_LOCK_RETRIES,
    DEFAULT_STATEMENT_TIMEOUT,
};
pub use embedded::{Migration, NO_TRANSACTION_MARKER, migrations};
pub use history::DEFAULT_HISTORY_TABLE;
pub use migrator::Migrator;
pub use plan::{Direction, Plan};
pub use report::{AppliedMigration, MigrationReport};
pub use session::{APPLICATION_NAME, CLIENT_CHECK_INTERVAL};
pub use status::{Status, VersionState, VersionStatus};

pub(crate) use apply::backoff;
pub(crate) use blockers::look_up;
pub(crate) use failure::{blocked, is_lock_timeout};
pub(crate) use history::History;
pub(crate) use lock::{MigrationLock, stable_hash};
pub(crate) use session::{identity, set_local, timeouts};
pub(crate) use split::split;
pub(crate) use undo::Undo;

use tokio_postgres::Client;

use crate::Error;

/// Migrates the database behind `client` to head with default options (see [`Migrator`]).
///
/// Before anything is applied, the server and the history are checked as a whole: a standby
/// ([`ErrorKind::Standby`](crate::ErrorKind::Standby)), an edited
/// ([`Divergent`](crate::ErrorKind::Divergent)), unknown
/// ([`Missing`](crate::ErrorKind::Missing)) or missing
/// ([`OutOfOrder`](crate::ErrorKind::OutOfOrder)) version stop the run; so do objects without a
/// history table ([`Unmanaged`](crate::ErrorKind::Unmanaged)), found under the migration lock
/// before the history table is created, so that concurrent first runs all start. Versions above the set's head
/// that the history records as [`Class::Expand`] are tolerated: a newer build applied them, and
/// this one keeps working beside them (see [`MigrationReport::ahead`]).
///
/// Each migration runs in its own transaction together with its history row, under an advisory
/// lock taken in that transaction (derived from the history table's name) and with the history
/// read again under it: concurrent starters apply each version once, each migration by whichever
/// run takes the lock first. A run waiting for the lock asks for it again every 50 ms and holds
/// no transaction in between, so it never holds a snapshot that another run's `CREATE INDEX
/// CONCURRENTLY` would wait for. The table locks a migration's statements need are taken up
/// front, in one order. Its statements are sent one after another without waiting, and run once
/// each under a `lock_timeout` and a `statement_timeout`; a lock timeout or a deadlock rolls the
/// migration back and retries it, then fails naming the sessions in the way
/// ([`Blocked`](crate::ErrorKind::Blocked)). A migration whose up file's header holds
/// [`NO_TRANSACTION_MARKER`] runs statement by statement under a session-level lock, then its
/// row is written. The session shows as `lcfs-db` in `pg_stat_activity` and asks the server to
/// notice a vanished client, for the migration's transaction only.
///
/// The client must not be inside a transaction of its own: runs begin and commit their own.
pub async fn migrate(client: &Client) -> Result<MigrationReport, Error> {
    Migrator::new().run(client).await
}

/// Runs the embedded down files above `to_version` (0 = base), newest first, each in its own
/// transaction with the removal of its history row (see [`Migrator::downgrade`]).
pub async fn downgrade(client: &Client, to_version: i32) -> Result<MigrationReport, Error> {
    Migrator::new().downgrade(client, to_version).await
}

/// Every embedded or applied version and its state; reads only and takes no lock.
pub async fn status(client: &Client) -> Result<Status, Error> {
    Migrator::new().status(client).await
}
