//! Bringing a database to a version: the embedded migration set and the runner that applies it.

mod embedded;

pub use embedded::{Migration, migrations};

/// Migrates the database behind `client` to head with default options.
pub async fn migrate(client: &tokio_postgres::Client) -> Result<MigrationReport, crate::Error> {
    Migrator::new().run(client).await
}

/// Options for a migration run. Placeholder.
#[derive(Debug, Default)]
pub struct Migrator {}

/// What a migration run did. Placeholder.
#[derive(Debug, Default)]
pub struct MigrationReport {
    applied: Vec<i32>,
}

impl MigrationReport {
    pub fn applied(&self) -> &[i32] {
        &self.applied
    }
}

impl Migrator {
    pub fn new() -> Self {
        Migrator {}
    }

    pub async fn run(
        &self,
        _client: &tokio_postgres::Client,
    ) -> Result<MigrationReport, crate::Error> {
        Ok(MigrationReport::default())
    }
}
