//! A throwaway database: cloned from the template of its migration set, or empty.

use std::borrow::Cow;
use std::ops::Deref;

use tokio_postgres::{Client, Config, NoTls};

use super::TestDatabaseBuilder;
use super::runtime::block_on_harness;
use super::server::Server;
use super::template::execute;
use crate::{Error, Migration};

/// A fresh database of its own for one test, with a connection to it.
///
/// Dropped from the server when the value is dropped, unless the thread is panicking (a failed
/// test): then it is kept and its URL printed for inspection. Under `#[lcfs_db::test]` the
/// test's outcome decides, including a returned `Err`.
pub struct TestDatabase {
    pub(super) client: Client,
    pub(super) name: String,
    pub(super) url: String,
    pub(super) config: Config,
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

    /// Options: the migration set, an empty database, a label in the name.
    pub fn builder() -> TestDatabaseBuilder {
        TestDatabaseBuilder::new()
    }

    /// The database's name on the server, e.g. `lcfs_test_…`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// A URL for this database that psql and tokio-postgres accept.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The connection settings of [`TestDatabase::url`].
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The connection the database derefs to.
    pub fn client(&self) -> &Client {
        &self.client
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

    /// Hands the fate of the database to the caller, who must call [`finish`].
    pub(crate) fn take_over(&mut self) -> (String, String) {
        self.drop_decides = false;
        (self.name.clone(), self.url.clone())
    }
}

/// Drops the database when the test passed, else keeps it and says where it is.
pub(crate) fn finish(name: String, url: &str, passed: bool) {
    if !passed {
        let lifetime = match Server::is_private_cluster() {
            true => {
                " (the private cluster stops with this process: set TEST_DATABASE_URL to keep it longer)"
            }
            false => "",
        };
        eprintln!("lcfs-db: kept the test database {name} for inspection: {url}{lifetime}");
        return;
    }
    let dropped = block_on_harness(async move {
        let server = Server::get().await?;
        execute(
            &server.admin,
            &format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"),
        )
        .await
    });
    if let Err(error) = dropped {
        eprintln!("lcfs-db: could not drop a test database: {error}");
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if self.drop_decides {
            finish(self.name.clone(), &self.url, !std::thread::panicking());
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
