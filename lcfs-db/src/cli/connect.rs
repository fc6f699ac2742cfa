//! Reaching the database: the configured server, creating the database when it is missing, or a
//! private cluster under `target/` when nothing is configured and no server answers.

use std::path::PathBuf;

use tokio_postgres::error::SqlState;
use tokio_postgres::{Client, Config, NoTls};

use super::config::{Redacted, Source, Target};

/// Whether a missing database may be created (commands that write) or is an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    Create,
    Fail,
}

/// Connects as the flag and environment say; see the module comment for the fallbacks.
pub async fn connect(flag: Option<&str>, missing: Missing) -> Result<Client, String> {
    let target = Target::resolve(flag, |name| std::env::var(name).ok())?;
    match open(&target.config, missing).await {
        Ok(client) => Ok(client),
        Err(e) if target.source == Source::Defaults => {
            eprintln!(
                "nothing configured and {} did not answer ({}); using the private cluster",
                Redacted(&target.config),
                describe(&e)
            );
            private_cluster(target.dbname(), missing).await
        }
        Err(e) => Err(format!(
            "cannot connect to {}: {e}",
            Redacted(&target.config)
        )),
    }
}

async fn private_cluster(dbname: &str, missing: Missing) -> Result<Client, String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/lcfs-db/cluster");
    let cluster = lcfs_db::cluster::Cluster::persistent(&dir)
        .await
        .map_err(|e| format!("cannot start the private cluster in {}: {e}", dir.display()))?;
    let config = cluster.config(dbname);
    eprintln!(
        "private cluster: {} (data in {})",
        Redacted(&config),
        dir.display()
    );
    open(&config, missing)
        .await
        .map_err(|e| format!("cannot connect to the private cluster: {}", describe(&e)))
}

async fn open(config: &Config, missing: Missing) -> Result<Client, tokio_postgres::Error> {
    match spawn(config).await {
        Err(e)
            if missing == Missing::Create && e.code() == Some(&SqlState::INVALID_CATALOG_NAME) =>
        {
            create_database(config).await?;
            spawn(config).await
        }
        other => other,
    }
}

async fn create_database(config: &Config) -> Result<(), tokio_postgres::Error> {
    let name = config.get_dbname().unwrap_or("lcfs");
    let mut maintenance = config.clone();
    maintenance.dbname("postgres");
    let admin = spawn(&maintenance).await?;
    let quoted = format!("\"{}\"", name.replace('"', "\"\""));
    admin
        .batch_execute(&format!("CREATE DATABASE {quoted}"))
        .await?;
    eprintln!("created database {name}");
    Ok(())
}

async fn spawn(config: &Config) -> Result<Client, tokio_postgres::Error> {
    let (client, connection) = config.connect(NoTls).await?;
    tokio::spawn(async move {
        if let Err(e) = connection.await {
            eprintln!("error: connection lost: {e}");
        }
    });
    Ok(client)
}

/// The server's own words when it sent any; the client's error chain otherwise.
pub fn describe(error: &tokio_postgres::Error) -> String {
    if let Some(db) = error.as_db_error() {
        return db.message().to_owned();
    }
    match std::error::Error::source(error) {
        Some(source) => format!("{error}: {source}"),
        None => error.to_string(),
    }
}
