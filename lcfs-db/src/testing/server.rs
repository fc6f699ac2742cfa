//! The server the test databases live on: `TEST_DATABASE_URL`, else `DATABASE_URL`, else a
//! private ephemeral cluster started on first use, once per process.

use std::sync::Mutex;

use tokio::sync::OnceCell;
use tokio_postgres::{Client, Config, NoTls};

use super::runtime::on_harness;
use crate::cluster::{Cluster, display_url};
use crate::{Error, ErrorKind};

/// Where the test databases are created, and the admin session that creates them.
pub(crate) struct Server {
    /// Connection settings of the admin database; test databases differ in `dbname` only.
    config: Config,
    /// Lives on the harness runtime for the whole process: the template locks it holds say
    /// "this process uses that template".
    pub admin: Client,
    /// How `CREATE DATABASE` copies a template: by file copy, which PostgreSQL 15 made an
    /// option (and not the default) and which earlier versions always do.
    pub strategy: &'static str,
}

/// The process's private cluster, stopped by an exit handler (statics are never dropped).
static CLUSTER: Mutex<Option<Cluster>> = Mutex::new(None);

impl Server {
    pub async fn get() -> Result<&'static Server, Error> {
        static SERVER: OnceCell<Result<Server, (ErrorKind, String)>> = OnceCell::const_new();
        let server = SERVER
            .get_or_init(|| async {
                on_harness(Server::start())
                    .await
                    .map_err(|e| (e.kind(), e.to_string()))
            })
            .await;
        server
            .as_ref()
            .map_err(|(kind, message)| Error::new(*kind, message.clone()))
    }

    /// Whether the test databases live in this process's private cluster.
    pub fn is_private_cluster() -> bool {
        CLUSTER.lock().is_ok_and(|cluster| cluster.is_some())
    }

    /// Settings for database `dbname` on this server.
    pub fn config(&self, dbname: &str) -> Config {
        let mut config = self.config.clone();
        config.dbname(dbname);
        config
    }

    async fn start() -> Result<Server, Error> {
        let config = match configured_url()? {
            Some(config) => config,
            None => start_cluster().await?,
        };
        let (admin, connection) = config.connect(NoTls).await.map_err(|e| {
            Error::new(
                ErrorKind::Connection,
                format!("connecting to the test server {}", display_url(&config)),
            )
            .with_source(e)
        })?;
        tokio::spawn(connection);
        let version = admin
            .query_one("SELECT current_setting('server_version_num')::int", &[])
            .await
            .map_err(|e| Error::postgres("reading the test server's version", e))?;
        let strategy = match version.get::<_, i32>(0) >= 150_000 {
            true => " STRATEGY = FILE_COPY",
            false => "",
        };
        Ok(Server {
            config,
            admin,
            strategy,
        })
    }
}

fn configured_url() -> Result<Option<Config>, Error> {
    for variable in ["TEST_DATABASE_URL", "DATABASE_URL"] {
        let Some(url) = std::env::var(variable).ok().filter(|url| !url.is_empty()) else {
            continue;
        };
        return match url.parse::<Config>() {
            Ok(config) => Ok(Some(config)),
            Err(error) => Err(Error::new(
                ErrorKind::Config,
                format!("{variable} is not a PostgreSQL connection URL"),
            )
            .with_source(error)),
        };
    }
    Ok(None)
}

async fn start_cluster() -> Result<Config, Error> {
    let cluster = Cluster::ephemeral().await.map_err(|error| {
        Error::new(
            error.kind(),
            format!(
                "{error}\n(or set TEST_DATABASE_URL or DATABASE_URL to test on a running server)"
            ),
        )
    })?;
    let config = cluster.config("postgres");
    *CLUSTER.lock().unwrap_or_else(|poison| poison.into_inner()) = Some(cluster);
    // SAFETY: registering a plain function with no arguments.
    unsafe { libc::atexit(stop_cluster) };
    Ok(config)
}

/// Stops the cluster and removes its folder when the test binary exits normally; a killed
/// binary takes the server along anyway, and leaves its folder for the next start to remove.
extern "C" fn stop_cluster() {
    let cluster = CLUSTER.lock().ok().and_then(|mut cluster| cluster.take());
    if let Some(cluster) = cluster {
        let _ = cluster.stop();
    }
}
