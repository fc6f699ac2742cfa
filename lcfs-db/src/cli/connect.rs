//! Reaching the database: the configured server (creating the database when a command writes and
//! it is missing), or the private cluster when nothing is configured and nothing answers at
//! LCFS's default address. A server that answers and refuses is an error, never a fallback.

use lcfs_db::Error;
use lcfs_db::connection::{self, Settings, display_name, display_url, nobody_listening};
use tokio_postgres::error::SqlState;
use tokio_postgres::{Client, Config};

use super::cluster::private_cluster;
use super::output::errln;

/// Whether a missing database may be created (commands that write) or is an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    Create,
    Fail,
}

/// Connects as the flag and environment say, and says on stderr which database it used.
pub async fn connect(flag: Option<&str>, missing: Missing) -> Result<Client, String> {
    let settings = Settings::from_env(flag).map_err(|e| e.to_string())?;
    let config = settings.config();
    match open(config, missing).await {
        Ok(client) => {
            errln!(
                "database: {} ({})",
                display_url(config),
                settings.chosen_by()
            );
            Ok(client)
        }
        Err(error) if settings.nothing_configured() && nobody_listening(&error) => {
            errln!(
                "nothing answers at {} ({}), and nothing is configured: using the private cluster",
                display_url(config),
                innermost(&error)
            );
            open_private_cluster(config, missing).await
        }
        Err(error) => Err(error.to_string()),
    }
}

/// Connects to the private cluster, asked for by name (`--private-cluster`): LCFS's database
/// there, whatever else is configured or answers.
pub async fn connect_private_cluster(missing: Missing) -> Result<Client, String> {
    open_private_cluster(&Config::new(), missing).await
}

/// The private cluster, started if needed, with `target`'s database on it.
async fn open_private_cluster(target: &Config, missing: Missing) -> Result<Client, String> {
    let (config, how) = private_cluster(target).await?;
    let client = open(&config, missing).await.map_err(|e| e.to_string())?;
    errln!("database: {} ({how})", display_url(&config));
    Ok(client)
}

/// Connects, creating the database first when it is missing and `missing` allows it.
async fn open(config: &Config, missing: Missing) -> Result<Client, Error> {
    match connection::connect(config).await {
        Err(error)
            if missing == Missing::Create
                && error.code() == Some(&SqlState::INVALID_CATALOG_NAME) =>
        {
            create_database(config).await?;
            connection::connect(config).await
        }
        other => other,
    }
}

/// Creates the database from a maintenance database, as `createdb` does. Losing the race to
/// another run creating it at the same moment (16 `upgrade`s started together) is success: the
/// server says `42P04 duplicate_database`, or a unique violation on `pg_database`'s name index.
async fn create_database(config: &Config) -> Result<(), Error> {
    let name = config.get_dbname().unwrap_or("lcfs");
    let admin = maintenance(config).await?;
    let quoted = format!("\"{}\"", name.replace('"', "\"\""));
    let shown = display_name(name);
    match admin
        .batch_execute(&format!("CREATE DATABASE {quoted}"))
        .await
    {
        Ok(()) => errln!("created database {shown}"),
        Err(error)
            if matches!(
                error.code(),
                Some(&SqlState::DUPLICATE_DATABASE | &SqlState::UNIQUE_VIOLATION)
            ) =>
        {
            tracing::debug!(database = shown, "another run created the database first");
        }
        Err(error) => {
            let doing = format!("creating database {shown}, which does not exist");
            return Err(Error::postgres(doing, error));
        }
    }
    Ok(())
}

/// A session on `postgres`, else on `template1` where `postgres` was dropped.
async fn maintenance(config: &Config) -> Result<Client, Error> {
    let mut maintenance = config.clone();
    maintenance.dbname("postgres");
    match connection::connect(&maintenance).await {
        Err(error) if error.code() == Some(&SqlState::INVALID_CATALOG_NAME) => {
            maintenance.dbname("template1");
            connection::connect(&maintenance).await
        }
        other => other,
    }
}

/// The last cause in the chain: the system's own words (`Connection refused (os error 111)`).
fn innermost(error: &Error) -> String {
    let mut cause: &dyn std::error::Error = error;
    while let Some(next) = cause.source() {
        cause = next;
    }
    cause.to_string()
}
