//! Creating a test database on the harness's server.

use std::borrow::Cow;
use std::sync::atomic::{AtomicU64, Ordering};

use tokio_postgres::NoTls;

use super::TestDatabase;
use super::runtime::on_harness;
use super::server::Server;
use super::template::{execute, template_for};
use crate::cluster::connection_url;
use crate::{Error, Migration, migrations};

/// What a new test database holds.
#[derive(Debug, Clone)]
pub struct TestDatabaseBuilder {
    label: Option<String>,
    migrations: Option<Cow<'static, [Migration]>>,
}

impl TestDatabaseBuilder {
    pub(super) fn new() -> Self {
        TestDatabaseBuilder {
            label: None,
            migrations: Some(Cow::Borrowed(migrations())),
        }
    }

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

    /// Creates the database on the harness's server and connects to it.
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
