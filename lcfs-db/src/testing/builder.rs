//! Creating a test database on the harness's server: a ready clone from the pool, else a clone
//! made on demand.

use std::borrow::Cow;

use super::TestDatabase;
use super::fresh::FreshDatabase;
use super::pool;
use super::runtime::on_harness;
use super::server::Server;
use super::template::template_for;
use crate::cluster::connection_url;
use crate::{Error, Migration, migrations};

/// What a new test database holds, and how it is made.
#[derive(Debug, Clone)]
pub struct TestDatabaseBuilder {
    label: Option<String>,
    migrations: Option<Cow<'static, [Migration]>>,
    pooled: bool,
}

impl TestDatabaseBuilder {
    pub(super) fn new() -> Self {
        TestDatabaseBuilder {
            label: None,
            migrations: Some(Cow::Borrowed(migrations())),
            pooled: true,
        }
    }

    /// The test's name, printed and recorded (as the database's comment) when its database is
    /// kept after a failure. `#[lcfs_db::test]` sets it.
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

    /// Cloned now, never taken from the pool: the same database, made the slow way (for
    /// measuring, or when a test must not depend on the pool).
    pub fn on_demand(mut self) -> Self {
        self.pooled = false;
        self
    }

    /// Creates the database: a clone of the set's template (built on first use) taken ready
    /// from the pool, or made now when the pool has none.
    pub async fn create(self) -> Result<TestDatabase, Error> {
        let server = Server::get().await?;
        let template = self.template(server).await?;
        let (fresh, pooled) = match self.pooled.then(|| pool::take(&template)).flatten() {
            Some(fresh) => (fresh, true),
            None => {
                let cloned = on_harness(async move {
                    FreshDatabase::clone_of(server, &server.admin, &template).await
                });
                (cloned.await?, false)
            }
        };
        let FreshDatabase {
            name,
            client,
            connection,
        } = fresh;
        tokio::spawn(connection);
        let config = server.config(&name);
        Ok(TestDatabase {
            client,
            url: connection_url(&config),
            name,
            config,
            label: self.label,
            pooled,
            drop_decides: true,
        })
    }

    /// Builds the template if needed and waits until the pool holds as many ready clones as
    /// tests run at once, so that the next ones are taken without waiting; for benchmarks, and
    /// suites that want even their first tests fast. Does nothing with [`on_demand`](Self::on_demand).
    pub async fn warm_up(&self) -> Result<(), Error> {
        if !self.pooled {
            return Ok(());
        }
        let template = self.template(Server::get().await?).await?;
        pool::warm_up(&template).await
    }

    async fn template(&self, server: &'static Server) -> Result<String, Error> {
        match &self.migrations {
            Some(set) => template_for(server, set).await,
            None => Ok("template0".to_owned()),
        }
    }
}
