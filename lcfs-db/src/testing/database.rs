//! A throwaway database: cloned from the template of its migration set, or empty.

use std::borrow::Cow;
use std::ops::Deref;
use std::sync::atomic::{AtomicU64, Ordering};

use tokio_postgres::{Client, Config, NoTls};

use super::runtime::{block_on_harness, on_harness};
use super::server::Server;
use super::template::{execute, template_for};
use crate::cluster::connection_url;
use crate::{Error, Migration, migrations};

/// A fresh database of its own for one test, with a connection to it.
///
/// Dropped from the server when the value is dropped, unless the thread is panicking (a failed
/// test): then it is kept and its URL printed for inspection. Under `#[lcfs_db::test]` the
/// test's outcome decides, including a returned `Err`.
pub struct TestDatabase {
    client: Client,
    name: String,
    url: String,
    config: Config,
    /// Whether `Drop` decides the database's fate; `#[lcfs_db::test]` decides it itself.
    drop_decides: bool,
}

/// What a new test database holds.
#[derive(Debug, Clone)]
pub struct TestDatabaseBuilder {
    label: Option<String>,
    migrations: Option<Cow<'static, [Migration]>>,
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

    pub fn builder() -> TestDatabaseBuilder {
        TestDatabaseBuilder {
            label: None,
            migrations: Some(Cow::Borrowed(migrations())),
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// A URL for this database that psql and tokio-postgres accept.
    pub fn url(&self) -> &str {
        &self.url
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

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

impl TestDatabaseBuilder {
    /// Part of the database's name, e.g. the test's, to recognise a kept database.
    pub fn label(mut self, label: &str) -> Self {
        self.label = Some(label.to_owned());
        self
    }

    /// At the head of this set instead of the embedded one.
    pub fn migrations(mut self, set: impl Into<Cow<'static, [Migration]>>) -> Self {
        self.migrations = Some(set.into());
        self
    }

    /// With nothing in it.
    pub fn empty(mut self) -> Self {
        self.migrations = None;
        self
    }

    pub async fn create(self) -> Result<TestDatabase, Error> {
        let server = Server::get().await?;
        let name = unique_name(self.label.as_deref());
        let source = match self.migrations {
            Some(set) => template_for(server, set.into_owned()).await?,
            None => "template0".to_owned(),
        };
        let create = format!(
            "CREATE DATABASE \"{name}\" TEMPLATE {source}{}",
            server.strategy
        );
        on_harness(async move { execute(&server.admin, &create).await }).await?;
        let config = server.config(&name);
        let url = connection_url(&config);
        let (client, connection) = config
            .connect(NoTls)
            .await
            .map_err(|e| Error::postgres(format!("connecting to the test database {name}"), e))?;
        tokio::spawn(connection);
        Ok(TestDatabase {
            client,
            name,
            url,
            config,
            drop_decides: true,
        })
    }
}

/// `lcfs_test_<process>_<n>_<label>`, cut to PostgreSQL's 63-byte identifiers. The process
/// part mixes the pid with the start time: a kept database of an earlier process with the same
/// pid must not collide.
fn unique_name(label: Option<&str>) -> String {
    static SEQUENCE: AtomicU64 = AtomicU64::new(0);
    static PROCESS: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let process = PROCESS.get_or_init(|| {
        let started = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos();
        let hash =
            crate::migrate::stable_hash(format!("{}:{started}", std::process::id()).as_bytes());
        format!("{:08x}", hash as u32)
    });
    let mut name = format!(
        "lcfs_test_{process}_{}",
        SEQUENCE.fetch_add(1, Ordering::Relaxed)
    );
    if let Some(label) = label {
        name.push('_');
        name.extend(label.chars().map(|c| match c.is_ascii_alphanumeric() {
            true => c.to_ascii_lowercase(),
            false => '_',
        }));
    }
    name.truncate(63);
    name
}
