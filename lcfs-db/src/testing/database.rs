//! A throwaway database: cloned from the template of its migration set, or empty.

use std::borrow::Cow;
use std::ops::Deref;

use tokio_postgres::{Client, Config, NoTls};

use super::TestDatabaseBuilder;
use super::drops::drop_database;
use super::kept::finish;
use super::runtime::on_harness;
use super::server::Server;
use crate::{Error, Migration};

/// A fresh database of its own for one test, with a connection to it.
///
/// Dropped from the server in the background when the value is dropped, unless the thread is
/// panicking (a failed test): then it is kept for inspection and where to find it printed.
/// Under `#[lcfs_db::test]` the test's outcome decides, including a returned `Err`.
pub struct TestDatabase {
    pub(super) client: Client,
    pub(super) name: String,
    pub(super) url: String,
    pub(super) config: Config,
    pub(super) label: Option<String>,
    pub(super) pooled: bool,
    /// Whether `Drop` decides the database's fate; `#[lcfs_db::test]` decides it itself.
    pub(super) drop_decides: bool,
}

impl TestDatabase {
    /// A database at the head of the embedded migrations.
    pub async fn new() -> Result<Self, Error> {
        TestDatabase::builder().create().await
    }

    /// A database at the head of a hand-made migration set (history in the default table).
    pub async fn with_migrations(set: impl Into<Cow<'static, [Migration]>>) -> Result<Self, Error> {
        TestDatabase::builder().migrations(set).create().await
    }

    /// A database with nothing in it, for migrating from empty.
    pub async fn empty() -> Result<Self, Error> {
        TestDatabase::builder().empty().create().await
    }

    /// Options: a hand-made migration set, an empty database, a label, no pool.
    pub fn builder() -> TestDatabaseBuilder {
        TestDatabaseBuilder::new()
    }

    /// The database's name on the server, `lcfs_test_<process token>_<n>`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// A URL for this database that psql and tokio-postgres accept.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Connection settings for this database.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The connection made with the database (also reached through `Deref`).
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Whether the database was taken ready from the pool, rather than cloned on demand.
    pub fn came_from_pool(&self) -> bool {
        self.pooled
    }

    /// Another connection to this database, driven on the current runtime.
    pub async fn connect(&self) -> Result<Client, Error> {
        let (client, connection) = self
            .config
            .connect(NoTls)
            .await
            .map_err(|e| Error::postgres(format!("connecting to {}", self.name), e))?;
        tokio::spawn(connection);
        Ok(client)
    }

    /// Drops the database now and waits until it is gone, rather than in the background when
    /// the value is dropped: for a test that counts databases, or a benchmark that must not
    /// time a clone beside a drop.
    pub async fn remove(mut self) -> Result<(), Error> {
        self.drop_decides = false;
        let name = self.name.clone();
        on_harness(async move { drop_database(&Server::get().await?.admin, &name).await }).await
    }

    /// Hands the fate of the database to the caller, who must call [`finish`] with the name,
    /// URL and label returned.
    pub(crate) fn take_over(&mut self) -> (String, String, Option<String>) {
        self.drop_decides = false;
        (self.name.clone(), self.url.clone(), self.label.clone())
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if self.drop_decides {
            let label = self.label.as_deref();
            finish(
                self.name.clone(),
                &self.url,
                label,
                !std::thread::panicking(),
            );
        }
    }
}

impl Deref for TestDatabase {
    type Target = Client;

    fn deref(&self) -> &Client {
        &self.client
    }
}

impl std::fmt::Debug for TestDatabase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TestDatabase")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}
