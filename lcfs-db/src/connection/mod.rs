//! Where the database is and how to reach it: the settings the `lcfs-db` command line reads, as
//! a `tokio_postgres::Config` any application can use, and a connect that says why it failed.
//!
//! ```no_run
//! # async fn start() -> Result<(), lcfs_db::Error> {
//! let client = lcfs_db::connection::connect(&lcfs_db::connection::config()?).await?;
//! lcfs_db::migrate(&client).await?;
//! # Ok(()) }
//! ```
//!
//! Each field is taken from the first place that sets it (an empty variable counts as unset):
//!
//! | field | with a URL (the one given, else `DATABASE_URL`) | without a URL |
//! |---|---|---|
//! | host | the URL, `PGHOST`, `localhost` | `LCFS_DB_HOST`, `PGHOST`, `localhost` |
//! | port | the URL, `PGPORT`, `5432` | `LCFS_DB_PORT`, `PGPORT`, `5432` |
//! | user | the URL, `PGUSER`, `lcfs` | `LCFS_DB_USER`, `PGUSER`, `lcfs` |
//! | database | the URL, `PGDATABASE`, the user name | `LCFS_DB_BASE`, `PGDATABASE`, `lcfs` |
//! | password | the URL, `PGPASSWORD`, password file | `LCFS_DB_PASS`, `PGPASSWORD`, password file, `development_only` |
//!
//! A URL that names a host names its port too (5432 when it gives none), as tokio-postgres
//! reads it. LCFS's own variables come first because they are this application's; libpq's are the
//! machine's and fill what is left, as psql would. A URL names a server of its own, so LCFS's
//! variables and development password never mix into it. The password file is libpq's
//! (`PGPASSFILE`, else `~/.pgpass`; ignored with a warning when group or others may read it), so
//! a password need not appear on a command line or in a URL. `LCFS_DB_DEFAULT_ADDRESS`
//! (`host:port`) moves LCFS's default address and still counts as nothing configured; tests use
//! it.
//!
//! The connect timeout is the URL's `connect_timeout`, else `PGCONNECT_TIMEOUT`, else
//! [`DEFAULT_CONNECT_TIMEOUT`], and bounds the whole startup in [`connect`]. TCP keepalives
//! notice a vanished server in about a minute, and `application_name` is `lcfs-db`, unless the
//! URL sets them. TLS is not offered. A password is never printed: [`display_url`] masks it.

mod open;
mod pgpass;
mod resolve;
mod settings;
mod tuning;
mod url;

use tokio_postgres::Config;

pub use open::{DEFAULT_CONNECT_TIMEOUT, connect, nobody_listening};
pub use settings::{Field, Origin, Settings};
pub use url::{connection_url, display_name, display_url};

use crate::Error;

/// The settings the `lcfs-db` command line would use without `--database-url`, read from the
/// process environment: `DATABASE_URL`, `LCFS_DB_*`, `PG*` and the password file.
pub fn config() -> Result<Config, Error> {
    Settings::from_env(None).map(Settings::into_config)
}
