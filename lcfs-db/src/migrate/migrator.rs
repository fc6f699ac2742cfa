//! The options of a migration run and the entry points that use them.

use std::borrow::Cow;
use std::time::Duration;

use tokio_postgres::Client;

use super::defaults::{
    DEFAULT_ADVISORY_LOCK_WAIT, DEFAULT_DDL_LOCK_TIMEOUT, DEFAULT_LOCK_RETRIES,
    DEFAULT_STATEMENT_TIMEOUT,
};
use super::history::{DEFAULT_HISTORY_TABLE, History};
use super::plan::{Direction, Plan, unknown_version};
use super::{Migration, MigrationReport, Status, migrations, run};
use crate::{Error, ErrorKind};

/// Options for migration runs: which migrations, up to which version, which history table, how
/// long a statement may wait for a lock and run, how often a migration is retried after a lock
/// timeout, how long to wait for a concurrent run.
///
/// ```no_run
/// # async fn start(client: &tokio_postgres::Client) -> Result<(), lcfs_db::Error> {
/// use std::time::Duration;
/// let report = lcfs_db::Migrator::new()
///     .target(3)
///     .ddl_lock_timeout(Duration::from_secs(2))
///     .lock_retries(5)
///     .run(client)
///     .await?;
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct Migrator {
    set: Cow<'static, [Migration]>,
    target: Option<i32>,
    history_table: Cow<'static, str>,
    advisory_lock_wait: Duration,
    ddl_lock_timeout: Duration,
    lock_retries: u32,
    statement_timeout: Duration,
    strict_history: bool,
}

impl Default for Migrator {
    fn default() -> Self {
        Migrator::new()
    }
}

impl Migrator {
    /// The embedded migrations, to head, in `refinery_schema_history`.
    pub fn new() -> Self {
        Migrator::with_migrations(migrations())
    }

    /// Another migration set, in version order: hand-made ones for tests, or an application's.
    pub fn with_migrations(set: impl Into<Cow<'static, [Migration]>>) -> Self {
        Migrator {
            set: set.into(),
            target: None,
            history_table: Cow::Borrowed(DEFAULT_HISTORY_TABLE),
            advisory_lock_wait: DEFAULT_ADVISORY_LOCK_WAIT,
            ddl_lock_timeout: DEFAULT_DDL_LOCK_TIMEOUT,
            lock_retries: DEFAULT_LOCK_RETRIES,
            statement_timeout: DEFAULT_STATEMENT_TIMEOUT,
            strict_history: false,
        }
    }

    /// The version [`Migrator::run`] stops at, instead of head.
    pub fn target(mut self, version: i32) -> Self {
        self.target = Some(version);
        self
    }

    /// A lower-case name ending in `schema_history`, optionally schema-qualified.
    pub fn history_table(mut self, name: impl Into<String>) -> Self {
        self.history_table = Cow::Owned(name.into());
        self
    }

    /// How long a migration waits for a concurrent run's migration lock; zero gives up at once.
    pub fn advisory_lock_wait(mut self, wait: Duration) -> Self {
        self.advisory_lock_wait = wait;
        self
    }

    /// The advisory-lock wait's former name.
    #[deprecated(note = "renamed advisory_lock_wait; statements' lock waits are ddl_lock_timeout")]
    pub fn lock_timeout(self, timeout: Duration) -> Self {
        self.advisory_lock_wait(timeout)
    }

    /// How long each statement of a migration waits for a lock (PostgreSQL's `lock_timeout`)
    /// before the migration is rolled back and retried; zero waits forever. A migration's
    /// header can set its own: `-- lcfs-db: lock-timeout 30s`.
    pub fn ddl_lock_timeout(mut self, timeout: Duration) -> Self {
        self.ddl_lock_timeout = timeout;
        self
    }

    /// How many times a migration that timed out on a lock, or was ended by a deadlock, is
    /// retried, after backoffs of 1, 2, 4 … s (at most 30 s); header: `-- lcfs-db: lock-retries 5`.
    pub fn lock_retries(mut self, retries: u32) -> Self {
        self.lock_retries = retries;
        self
    }

    /// How long each statement of a migration may run (PostgreSQL's `statement_timeout`); zero
    /// means no limit. Header: `-- lcfs-db: statement-timeout 20min`.
    pub fn statement_timeout(mut self, timeout: Duration) -> Self {
        self.statement_timeout = timeout;
        self
    }

    /// Refuses any applied version this set does not know. By default [`Migrator::run`] starts
    /// on a database a newer build migrated further, when every version it does not know is
    /// recorded as an expand migration, and lists them in [`MigrationReport::ahead`].
    pub fn strict_history(mut self, strict: bool) -> Self {
        self.strict_history = strict;
        self
    }

    pub(crate) fn is_strict_history(&self) -> bool {
        self.strict_history
    }

    /// The migration set, in version order.
    pub fn migrations(&self) -> &[Migration] {
        &self.set
    }

    /// The last version of the set; 0 when it is empty.
    pub fn head(&self) -> i32 {
        self.set.last().map_or(0, Migration::version)
    }

    pub(crate) fn lock_wait(&self) -> Duration {
        self.advisory_lock_wait
    }

    pub(crate) fn ddl_lock_timeout_value(&self) -> Duration {
        self.ddl_lock_timeout
    }

    pub(crate) fn lock_retries_value(&self) -> u32 {
        self.lock_retries
    }

    pub(crate) fn statement_timeout_value(&self) -> Duration {
        self.statement_timeout
    }

    /// Applies the pending migrations up to the target, after checking the applied ones.
    pub async fn run(&self, client: &Client) -> Result<MigrationReport, Error> {
        let target = self.target_version()?;
        run::upgrade(self, self.history()?, client, target).await
    }

    /// The version [`Migrator::run`] stops at: the target, else head.
    pub(crate) fn target_version(&self) -> Result<i32, Error> {
        match self.target {
            Some(version) => self.checked_version(version),
            None => Ok(self.head()),
        }
    }

    /// Runs the down files of the applied versions above `to_version` (0 = base) in reverse
    /// order, each in its own transaction with the removal of its history row.
    pub async fn downgrade(
        &self,
        client: &Client,
        to_version: i32,
    ) -> Result<MigrationReport, Error> {
        let to = self.checked_version(to_version)?;
        run::downgrade(self, self.history()?, client, to).await
    }

    /// What [`Migrator::run`] checks before it applies anything, without applying anything: the
    /// server is not a standby, the history as a whole matches the set (no edited, unknown or
    /// missing version, but versions ahead of the set tolerated as the run tolerates them), and
    /// a database without a history table holds no objects of another tool. Returns the status
    /// the run would start from.
    pub async fn verify(&self, client: &Client) -> Result<Status, Error> {
        let history = self.history()?;
        Ok(run::verify(self, history, client, Direction::Up, true)
            .await?
            .status)
    }

    /// What [`Migrator::verify`] checks of the history, on any server (a standby too): the
    /// status, or the error with which an upgrade would refuse this history. Reads only.
    pub async fn verify_history(&self, client: &Client) -> Result<Status, Error> {
        let history = self.history()?;
        Ok(run::verify(self, history, client, Direction::Up, false)
            .await?
            .status)
    }

    /// Every known version and its state. Reads only; takes no lock; works on a standby.
    pub async fn status(&self, client: &Client) -> Result<Status, Error> {
        self.check_set()?;
        let applied = self.history()?.read(client).await?.unwrap_or_default();
        Ok(Status::new(&self.set, &applied))
    }

    /// What an upgrade from `from` to `to` (head when `None`) runs. Needs no database.
    pub fn upgrade_plan(&self, from: i32, to: Option<i32>) -> Result<Plan<'_>, Error> {
        let to = to.unwrap_or(self.head());
        self.plan(Direction::Up, from, to)
    }

    /// What a downgrade from `from` to `to` (0 = base) runs. Needs no database.
    pub fn downgrade_plan(&self, from: i32, to: i32) -> Result<Plan<'_>, Error> {
        self.plan(Direction::Down, from, to)
    }

    pub(crate) fn plan(&self, direction: Direction, from: i32, to: i32) -> Result<Plan<'_>, Error> {
        self.check_set()?;
        Plan::new(&self.set, self.history()?, direction, from, to)
    }

    pub(crate) fn history(&self) -> Result<History<'_>, Error> {
        History::new(&self.history_table)
    }

    pub(crate) fn checked_version(&self, version: i32) -> Result<i32, Error> {
        self.check_set()?;
        match version == 0 || self.set.iter().any(|m| m.version() == version) {
            true => Ok(version),
            false => Err(unknown_version(&self.set, version)),
        }
    }

    /// Hand-made sets can be out of order; the embedded one is checked at build time.
    pub(crate) fn check_set(&self) -> Result<(), Error> {
        match self
            .set
            .windows(2)
            .find(|w| w[0].version() >= w[1].version())
        {
            None => Ok(()),
            Some(pair) => Err(Error::new(
                ErrorKind::Config,
                format!(
                    "migration set out of order: {} comes before {}",
                    pair[0].up_file(),
                    pair[1].up_file()
                ),
            )),
        }
    }
}
