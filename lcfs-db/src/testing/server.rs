//! The server the test databases live on: `TEST_DATABASE_URL`, else a private ephemeral
//! cluster started on first use, once per process. `DATABASE_URL` is deliberately not read: it
//! names an application's own (development) database, not a place for throwaway ones.

use std::sync::Mutex;

use tokio::sync::OnceCell;
use tokio_postgres::{Client, Config, NoTls};

use super::database_owner;
use super::drops::sweep_dead_processes;
use super::owner::claim;
use super::runtime::on_harness;
use crate::cluster::{Cluster, display_url};
use crate::{Error, ErrorKind};

/// Where the test databases are created, and the admin session that creates them.
pub(crate) struct Server {
    /// Connection settings of the admin database; test databases differ in `dbname` only.
    config: Config,
    /// Lives on the harness runtime for the whole process: the locks it holds say "this
    /// process is alive" (see `owner`) and "this process uses that template".
    pub admin: Client,
    /// How `CREATE DATABASE` copies a template: by file copy, which PostgreSQL 15 made an
    /// option (and not the default) and which earlier versions always do.
    pub strategy: &'static str,
    /// The role that owns, migrates and connects to the test databases (`LCFS_DB_TEST_OWNER`);
    /// `None`: the admin user.
    pub owner: Option<String>,
}

/// The variable naming the server to test on.
pub(crate) const SERVER_VARIABLE: &str = "TEST_DATABASE_URL";

/// The process's private cluster, stopped or kept by the exit handler (statics are never
/// dropped).
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

    /// Takes the private cluster, for the exit handler to stop or keep.
    pub fn take_cluster() -> Option<Cluster> {
        CLUSTER.lock().ok().and_then(|mut cluster| cluster.take())
    }

    /// A new session on the admin database, driven on the current runtime.
    pub async fn session(&self) -> Result<Client, Error> {
        connect(&self.config).await
    }

    /// Settings for test database `dbname` on this server, as the role that owns it.
    pub fn config(&self, dbname: &str) -> Config {
        let mut config = self.config.clone();
        config.dbname(dbname);
        if let Some(owner) = &self.owner {
            config.user(owner);
        }
        config
    }

    /// Settings for database `dbname` as the admin user.
    pub fn admin_config(&self, dbname: &str) -> Config {
        let mut config = self.config.clone();
        config.dbname(dbname);
        config
    }

    async fn start() -> Result<Server, Error> {
        super::exit::register();
        let owner = database_owner::configured()?;
        let (config, private) = match configured_url()? {
            Some(config) => (config, false),
            None => (start_cluster().await?, true),
        };
        let admin = connect(&config).await?;
        // First of all: no database of this process may exist before its owner lock does.
        claim(&admin).await?;
        let version = admin
            .query_one("SELECT current_setting('server_version_num')::int", &[])
            .await
            .map_err(|e| Error::postgres("reading the test server's version", e))?;
        let strategy = match version.get::<_, i32>(0) >= 150_000 {
            true => " STRATEGY = FILE_COPY",
            false => "",
        };
        if !private {
            sweep_dead_processes();
        }
        if let Some(role) = &owner {
            database_owner::prepare(&admin, role).await?;
        }
        Ok(Server {
            config,
            admin,
            strategy,
            owner,
        })
    }
}

async fn connect(config: &Config) -> Result<Client, Error> {
    let (client, connection) = config.connect(NoTls).await.map_err(|e| {
        Error::new(
            ErrorKind::Connection,
            format!("connecting to the test server {}", display_url(config)),
        )
        .with_source(e)
    })?;
    tokio::spawn(connection);
    Ok(client)
}

fn configured_url() -> Result<Option<Config>, Error> {
    let Some(url) = std::env::var(SERVER_VARIABLE)
        .ok()
        .filter(|url| !url.is_empty())
    else {
        return Ok(None);
    };
    url.parse::<Config>().map(Some).map_err(|error| {
        Error::new(
            ErrorKind::Config,
            format!("{SERVER_VARIABLE} is not a PostgreSQL connection URL"),
        )
        .with_source(error)
    })
}

async fn start_cluster() -> Result<Config, Error> {
    let cluster = Cluster::ephemeral().await.map_err(|error| {
        Error::new(
            error.kind(),
            format!("{error}\n(or set {SERVER_VARIABLE} to test on a running server)"),
        )
    })?;
    let config = cluster.config("postgres");
    *CLUSTER.lock().unwrap_or_else(|poison| poison.into_inner()) = Some(cluster);
    Ok(config)
}
