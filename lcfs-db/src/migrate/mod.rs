//! Bringing a database to a version: the embedded migration set and the runner that applies it.
//! Private: its public items are re-exported at the crate root, beside [`migrate()`].

mod apply;
mod class;
mod compat;
mod embedded;
mod history;
mod locate;
mod lock;
mod migrator;
mod plan;
mod preview;
mod report;
mod run;
mod split;
mod status;

pub use class::{Accepted, Class};
pub use compat::AheadMigration;
pub use embedded::{Migration, NO_TRANSACTION_MARKER, migrations};
pub use history::DEFAULT_HISTORY_TABLE;
pub use migrator::{DEFAULT_LOCK_TIMEOUT, Migrator};
pub use plan::{Direction, Plan};
pub use report::{AppliedMigration, MigrationReport};
pub use status::{Status, VersionState, VersionStatus};

pub(crate) use history::History;
pub(crate) use lock::{MigrationLock, stable_hash};
pub(crate) use split::split;

use tokio_postgres::Client;

use crate::Error;

/// Migrates the database behind `client` to head with default options (see [`Migrator`]).
///
/// A run holds a session-level advisory lock (derived from the history table's name), so
/// concurrent starters serialize: one applies, the others then find nothing to do. Before
/// anything is applied, the applied versions are checked against the set: an edited
/// ([`ErrorKind::Divergent`](crate::ErrorKind::Divergent)) or unknown
/// ([`ErrorKind::Missing`](crate::ErrorKind::Missing)) one stops the run, except versions above
/// the set's head that the history records as [`Class::Expand`] (see
/// [`MigrationReport::ahead`]). Each migration runs
/// in its own transaction together with its history row; one whose up file's header holds
/// [`NO_TRANSACTION_MARKER`] runs statement by statement, then its row is written.
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
