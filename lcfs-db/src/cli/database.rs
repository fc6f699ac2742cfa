//! `--database-url`, and the help every command that touches a database shows about where it
//! connects; such commands flatten [`DatabaseArgs`], the others never offer the flag.

use clap::Args;
use tokio_postgres::Client;

use super::connect::{Missing, connect, connect_private_cluster};

/// Where the database is, and what is used when nothing says.
pub const CONNECTION_HELP: &str = "\
Connection: --database-url, else DATABASE_URL, else LCFS's variables LCFS_DB_HOST,
LCFS_DB_PORT, LCFS_DB_USER, LCFS_DB_PASS and LCFS_DB_BASE; what they leave unset comes from
libpq's PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE, the password also from the password
file (PGPASSFILE, else ~/.pgpass), then LCFS's defaults (lcfs:development_only@localhost:5432/lcfs).
PGCONNECT_TIMEOUT (or connect_timeout in the URL) bounds the whole connect (default 10 s).
With nothing configured and no server answering at the default address, or with
--private-cluster (LCFS_DB_PRIVATE_CLUSTER=1), a private PostgreSQL cluster (`lcfs-db cluster
status` says where) is used, started if needed (it keeps running for the next command; see
`lcfs-db cluster`). A server that answers and refuses is an error, never a fallback. The
database used is printed on stderr; passwords never are.

Progress goes to stderr as each migration completes, results to stdout. LCFS_DB_LOG sets
the log filter: LCFS_DB_LOG=debug for more, LCFS_DB_LOG=warn for less.";

/// The database a command works on.
#[derive(Debug, Clone, Default, Args)]
pub struct DatabaseArgs {
    /// PostgreSQL URL, e.g. postgres://user:password@host:5432/lcfs [default: see below]
    #[arg(long, value_name = "URL")]
    pub database_url: Option<String>,
    /// Use the private cluster (see `lcfs-db cluster`; database `lcfs`), starting it if
    /// needed, whatever else is configured or answers: needs only the PostgreSQL server package
    #[arg(
        long,
        env = "LCFS_DB_PRIVATE_CLUSTER",
        value_parser = clap::builder::FalseyValueParser::new(),
        conflicts_with = "database_url"
    )]
    pub private_cluster: bool,
}

impl DatabaseArgs {
    /// Connects as the flags and the environment say (see [`CONNECTION_HELP`]).
    pub async fn connect(&self, missing: Missing) -> Result<Client, String> {
        match self.private_cluster {
            true => connect_private_cluster(missing).await,
            false => connect(self.database_url.as_deref(), missing).await,
        }
    }
}
